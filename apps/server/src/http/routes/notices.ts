/** 公示与异议 for staff (province centre and bureau): notices, publication, closure and the objections inbox. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  errorBody,
  noticeCandidateList,
  noticeCandidatesQuery,
  noticeDetailDto,
  noticeList,
  noticeListQuery,
  noticePassRequest,
  noticePrepareRequest,
  noticePreviewQuery,
  noticePublishRequest,
  noticeUpdateRequest,
  noticeWindowDto,
  objectionAnswerRequest,
  objectionDetailDto,
  objectionList,
  objectionListQuery,
  revealRequest,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders, storedFileDownload } from '../download';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { listNotices, noticeCandidates, noticeDetail } from '../../use-cases/notices/notice-queries';
import { prepareNotice, updateNoticeDraft } from '../../use-cases/notices/prepare-notice';
import { previewNoticeWindow, publishNotice } from '../../use-cases/notices/publish-notice';
import { passNotice } from '../../use-cases/notices/pass-notice';
import { renderNoticeFile } from '../../use-cases/notices/public-notices';
import { loadNotice } from '../../use-cases/notices/notice-presenter';
import {
  listObjections,
  objectionDetail,
  objectionEvidenceFile,
} from '../../use-cases/objections/objection-queries';
import { answerObjection } from '../../use-cases/objections/answer-objection';
import { revealObjectionContact } from '../../use-cases/objections/reveal-objection-contact';

const tags = ['公示与异议'];
const idParams = z.object({ id: z.string() });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
export function noticeRoutes(app: AppInstance): void {
  const { deps } = app;
  const detail = (request: FastifyRequest, id: string) =>
    noticeDetail(deps.db, actorOf(request), id, deps.clock.now());

  app.get(
    '/api/notices',
    {
      schema: { tags, summary: '公示列表', querystring: noticeListQuery, response: { 200: noticeList } },
      config: { access: { action: 'notice.read' } },
    },
    async (request) => listNotices(deps.db, deps.clock.now(), request.query),
  );

  app.get(
    '/api/notices/candidates',
    {
      schema: {
        tags,
        summary: '可列入公示的申请（已通过；注明已列入的公示草稿）',
        querystring: noticeCandidatesQuery,
        response: { 200: noticeCandidateList },
      },
      config: { access: { action: 'notice.prepare' } },
    },
    async (request) => noticeCandidates(deps.db, request.query.roundId),
  );

  app.post(
    '/api/notices',
    {
      schema: {
        tags,
        summary: '拟定公示（省鉴定中心；从已通过的申请生成公示草稿）',
        body: noticePrepareRequest,
        response: { 201: noticeDetailDto, ...errors },
      },
      config: { access: { action: 'notice.prepare' } },
    },
    async (request, reply) => {
      const { id } = await prepareNotice(deps, actorOf(request), request.body, requestMeta(request));
      return reply.status(201).send(await detail(request, id));
    },
  );

  app.get(
    '/api/notices/:id',
    {
      schema: {
        tags,
        summary: '公示详情',
        params: idParams,
        response: { 200: noticeDetailDto, 404: errorBody },
      },
      config: { access: { action: 'notice.read' } },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/api/notices/:id',
    {
      schema: {
        tags,
        summary: '修改公示草稿（标题、工作日天数、增删申请；校验版本）',
        params: idParams,
        body: noticeUpdateRequest,
        response: { 200: noticeDetailDto, ...errors },
      },
      config: { access: { action: 'notice.prepare' } },
    },
    async (request) => {
      await updateNoticeDraft(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/api/notices/:id/preview',
    {
      schema: {
        tags,
        summary: '按拟定开始日期试算公示截止日期（含跳过日期说明；不作修改）',
        params: idParams,
        querystring: noticePreviewQuery,
        response: { 200: noticeWindowDto, ...errors },
      },
      config: { access: { action: 'notice.read' } },
    },
    async (request) => previewNoticeWindow(deps, request.params.id, request.query.startDate),
  );

  app.post(
    '/api/notices/:id/publish',
    {
      schema: {
        tags,
        summary: '审定发布公示（省人社厅；开始日期不早于今天，截止日期按工作日历计算）',
        params: idParams,
        body: noticePublishRequest,
        response: { 200: noticeDetailDto, ...errors },
      },
      config: { access: { action: 'notice.publish' } },
    },
    async (request) => {
      await publishNotice(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/notices/:id/pass',
    {
      schema: {
        tags,
        summary: '办结公示（公示期满且无未处理异议）',
        params: idParams,
        body: noticePassRequest,
        response: { 200: noticeDetailDto, ...errors },
      },
      config: { access: { action: 'notice.pass' } },
    },
    async (request) => {
      await passNotice(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return detail(request, request.params.id);
    },
  );

  for (const [format, contentType, label] of [
    ['pdf', 'application/pdf', 'PDF'],
    ['xlsx', XLSX_TYPE, 'Excel'],
  ] as const) {
    app.get(
      `/api/notices/:id/${format}`,
      {
        schema: { tags, summary: `公示名单（${label}；草稿可预览）`, params: idParams },
        config: { access: { action: 'notice.read' } },
      },
      async (request, reply) => {
        const notice = await loadNotice(deps.db, request.params.id);
        const file = await renderNoticeFile(deps.db, notice, format);
        return downloadHeaders(reply, {
          type: contentType,
          fileName: `公示-${notice.number}.${format}`,
        }).send(file);
      },
    );
  }

  // ---------------------------------------------------------------- objections

  app.get(
    '/api/objections',
    {
      schema: {
        tags,
        summary: '异议列表（按公示、状态筛选；联系电话脱敏）',
        querystring: objectionListQuery,
        response: { 200: objectionList },
      },
      config: { access: { action: 'objection.read' } },
    },
    async (request) => listObjections(deps, request.query),
  );

  app.get(
    '/api/objections/:id',
    {
      schema: {
        tags,
        summary: '异议详情（联系电话脱敏）',
        params: idParams,
        response: { 200: objectionDetailDto, 404: errorBody },
      },
      config: { access: { action: 'objection.read' } },
    },
    async (request) => objectionDetail(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/objections/:id/answer',
    {
      schema: {
        tags,
        summary: '答复异议（异议成立 / 不成立；成立的移出所涉条目，校验版本）',
        params: idParams,
        body: objectionAnswerRequest,
        response: { 200: objectionDetailDto, ...errors },
      },
      config: { access: { action: 'objection.handle' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await answerObjection(deps, actor, request.params.id, request.body, requestMeta(request));
      return objectionDetail(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/objections/:id/reveal-contact',
    {
      schema: {
        tags,
        summary: '查看异议人完整联系电话（须填写原因，记入审计）',
        params: idParams,
        body: revealRequest,
        response: { 200: z.object({ phone: z.string() }), ...errors },
      },
      config: { access: { action: 'objection.handle' } },
    },
    async (request) =>
      revealObjectionContact(
        deps,
        actorOf(request),
        request.params.id,
        request.body.reason,
        requestMeta(request),
      ),
  );

  app.get(
    '/api/objections/:id/evidence/:fileId',
    {
      schema: {
        tags,
        summary: '下载异议证明材料',
        params: z.object({ id: z.string(), fileId: z.string() }),
      },
      config: { access: { action: 'objection.read' } },
    },
    async (request, reply) => {
      const file = await objectionEvidenceFile(deps.db, request.params.id, request.params.fileId);
      return downloadHeaders(reply, storedFileDownload(file)).send(deps.storage.open(file.storageKey));
    },
  );
}
