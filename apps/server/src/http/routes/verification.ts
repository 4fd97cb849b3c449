import { z } from 'zod';
import {
  decisionReviewPeriodDto,
  errorBody,
  inboxList,
  inboxQuery,
  messageList,
  sendBackRequest,
  stageLimitsDto,
  updateDecisionReviewPeriod,
  verifyRequest,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { compiledResponse } from '../compiled-serializer';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { sendBackToCenter, verifyApplication } from '../../use-cases/verification/verify-application';
import { inbox } from '../../use-cases/verification/inbox';
import { applicationDetail } from '../../use-cases/applications/application-detail';
import { listMessages, markRead } from '../../use-cases/messages/messages';
import { loadStageLimits, saveStageLimits } from '../../use-cases/applications/stage-limits';
import {
  loadDecisionReviewPeriod,
  saveDecisionReviewPeriod,
} from '../../use-cases/applications/decision-review-period';
import { appendAudit } from '../../audit/audit-writer';

const tags = ['市州审核'];
const idParams = z.object({ id: z.string() });

export function verificationRoutes(app: AppInstance): void {
  const { deps } = app;

  for (const [path, mode, summary] of [
    ['/api/inbox', 'todo', '待办（按办理时限排序，标出超期）'],
    ['/api/inbox/done', 'done', '已办'],
  ] as const) {
    app.get(
      path,
      {
        schema: { tags, summary, querystring: inboxQuery, response: { 200: compiledResponse(inboxList) } },
        config: { access: { action: 'inbox.read' } },
      },
      async (request) => ({
        ...(await inbox(deps.db, actorOf(request), request.query, deps.clock.now(), mode)),
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
    );
  }

  app.post(
    '/api/applications/:id/verify',
    {
      schema: {
        tags,
        summary: '核验：通过 / 退回补正（逐项意见）/ 驳回',
        params: idParams,
        body: verifyRequest,
      },
      config: { access: { action: 'application.verify' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await verifyApplication(deps, actor, request.params.id, request.body, requestMeta(request));
      return applicationDetail(deps.db, actor, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/send-back',
    {
      schema: { tags, summary: '退回市州鉴定中心重新核验（留痕）', params: idParams, body: sendBackRequest },
      config: { access: { action: 'application.sendBack' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await sendBackToCenter(
        deps,
        actor,
        request.params.id,
        request.body.reason,
        request.body.version,
        requestMeta(request),
      );
      return applicationDetail(deps.db, actor, request.params.id);
    },
  );

  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['站内信'],
        summary: '我的站内信',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: messageList },
      },
      config: { access: { action: 'message.own' } },
    },
    async (request) => ({
      ...(await listMessages(deps.db, actorOf(request), request.query.page, request.query.pageSize)),
      page: request.query.page,
      pageSize: request.query.pageSize,
    }),
  );
  app.post(
    '/api/messages/:id/read',
    {
      schema: {
        tags: ['站内信'],
        summary: '标为已读',
        params: z.object({ id: z.coerce.number().int() }),
        response: { 204: z.null() },
      },
      config: { access: { action: 'message.own' } },
    },
    async (request, reply) => {
      await markRead(deps.db, actorOf(request), request.params.id, deps.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/policies/stage-limits',
    {
      schema: { tags, summary: '各环节办理时限（工作日）', response: { 200: stageLimitsDto } },
      config: { access: { action: 'stagePolicy.read' } },
    },
    async () => (await loadStageLimits(deps.db)) as z.infer<typeof stageLimitsDto>,
  );
  app.put(
    '/api/policies/stage-limits',
    {
      schema: {
        tags,
        summary: '修改办理时限（省鉴定中心）',
        body: stageLimitsDto,
        response: { 200: stageLimitsDto },
      },
      config: { access: { action: 'stagePolicy.edit' } },
    },
    async (request) => {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const before = await loadStageLimits(tx);
        await saveStageLimits(tx, request.body, now);
        await appendAudit(
          tx,
          {
            actor: actorOf(request),
            ip: request.ip,
            action: 'policy.stage_limits_updated',
            targetType: 'system_parameter',
            targetId: 'stage_limits',
            before,
            after: request.body,
          },
          now,
        );
      });
      return request.body;
    },
  );

  app.get(
    '/api/policies/decision-review-period',
    {
      schema: {
        tags,
        summary: '决定书复核申请期限及其依据',
        response: { 200: decisionReviewPeriodDto },
      },
      config: { access: { action: 'stagePolicy.read' } },
    },
    async () => loadDecisionReviewPeriod(deps.db),
  );
  app.put(
    '/api/policies/decision-review-period',
    {
      schema: {
        tags,
        summary: '修改决定书复核申请期限及其依据（省鉴定中心）',
        body: updateDecisionReviewPeriod,
        response: { 200: decisionReviewPeriodDto, 400: errorBody, 409: errorBody },
      },
      config: { access: { action: 'stagePolicy.edit' } },
    },
    async (request) => saveDecisionReviewPeriod(deps, actorOf(request), request.body, requestMeta(request)),
  );
}
