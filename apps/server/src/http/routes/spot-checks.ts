/**
 * 抽查复核（双随机、一公开）: policy, commitment, draw, void, replacement, results publication (province
 * centre; province bureau and audit read), and the inspectors' own targets and results. Thin routes.
 */
import { z } from 'zod';
import {
  commitSpotCheckRequest,
  commitSpotCheckResponse,
  errorBody,
  mySpotCheck,
  mySpotCheckList,
  replacementRequest,
  spotCheckAttachmentDto,
  spotCheckDrawDetail,
  spotCheckDrawList,
  spotCheckDrawListQuery,
  spotCheckPolicy,
  spotCheckPreview,
  spotCheckPreviewQuery,
  spotCheckDecisionRequest,
  spotCheckResultRequest,
  spotCheckResultStepRequest,
  spotCheckVersionRequest,
  voidSpotCheckRequest,
} from '@skillcert/contracts';
import { downloadHeaders, storedFileDownload } from '../download';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { readMultipartForm, requireUpload } from '../multipart';
import { recordUploads } from '../../use-cases/files/uploaded-file';
import { loadSpotCheckPolicy, saveSpotCheckPolicy } from '../../use-cases/spot-checks/spot-check-policy';
import {
  commitSpotCheckDraw,
  previewSpotCheck,
  voidSpotCheckDraw,
} from '../../use-cases/spot-checks/commit-draw';
import { commitReplacementDraw } from '../../use-cases/spot-checks/commit-replacement-draw';
import { executeSpotCheckDraw } from '../../use-cases/spot-checks/execute-draw';
import {
  listSpotCheckDraws,
  spotCheckDrawDetail as drawDetail,
} from '../../use-cases/spot-checks/draw-queries';
import {
  assertAttachmentTarget,
  drawAttachmentFile,
  myAttachmentFile,
  recordSpotCheckResult,
  SPOT_CHECK_ATTACHMENT_RULE,
  uploadSpotCheckAttachment,
} from '../../use-cases/spot-checks/spot-check-results';
import { mySpotChecks } from '../../use-cases/spot-checks/my-spot-checks';
import { publishSpotCheckResults } from '../../use-cases/spot-checks/publish-results';
import { actOnSpotCheckResult, decideSpotCheckResult } from '../../use-cases/spot-checks/joint-result';

const tags = ['省级评估与抽查复核'];
const idParams = z.object({ id: z.string() });
const appParams = z.object({ applicationId: z.string() });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
export function spotCheckRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/spot-checks/policy',
    {
      schema: {
        tags,
        summary: '抽查复核参数（抽查比例、每个对象督导人数、同市州回避）',
        response: { 200: spotCheckPolicy },
      },
      config: { access: { action: 'spotCheck.read' } },
    },
    async () => loadSpotCheckPolicy(deps.db),
  );

  app.put(
    '/api/spot-checks/policy',
    {
      schema: {
        tags,
        summary: '设置抽查复核参数（此后的承诺采用；已承诺的不变）',
        body: spotCheckPolicy,
        response: { 200: spotCheckPolicy, 400: errorBody },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request) => saveSpotCheckPolicy(deps, actorOf(request), request.body, requestMeta(request)),
  );

  app.get(
    '/api/spot-checks/preview',
    {
      schema: {
        tags,
        summary: '承诺预览：当前待抽查对象、督导人员、回避与人数是否足够',
        querystring: spotCheckPreviewQuery,
        response: { 200: spotCheckPreview, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request) =>
      previewSpotCheck(deps.db, {
        roundId: request.query.roundId,
        sampleRatioPercent: request.query.sampleRatioPercent,
        inspectorsPerTarget: request.query.inspectorsPerTarget,
        sameCityRecusal:
          request.query.sameCityRecusal === undefined ? undefined : request.query.sameCityRecusal === 'true',
      }),
  );

  app.get(
    '/api/spot-checks',
    {
      schema: {
        tags,
        summary: '抽查复核抽取记录（按征集批次）',
        querystring: spotCheckDrawListQuery,
        response: { 200: spotCheckDrawList },
      },
      config: { access: { action: 'spotCheck.read' } },
    },
    async (request) => {
      const { items, total } = await listSpotCheckDraws(deps.db, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/spot-checks',
    {
      schema: {
        tags,
        summary: '承诺：冻结本批次待抽查对象、督导人员与回避名单并公布哈希和种子哈希（抽取前公开）',
        body: commitSpotCheckRequest,
        response: { 201: commitSpotCheckResponse, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commitSpotCheckDraw(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/spot-checks/:id',
    {
      schema: {
        tags,
        summary: '抽取记录详情（名单、回避、承诺、种子与结果、各对象复核结果）',
        params: idParams,
        response: { 200: spotCheckDrawDetail, 404: errorBody },
      },
      config: { access: { action: 'spotCheck.read' } },
    },
    async (request) => drawDetail(deps.db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/spot-checks/:id/draw',
    {
      schema: {
        tags,
        summary: '抽取：按已公布的承诺与种子确定性抽取，公布种子与结果（已抽取的不能再次抽取）',
        params: idParams,
        body: spotCheckVersionRequest,
        response: { 200: spotCheckDrawDetail, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await executeSpotCheckDraw(deps, actor, request.params.id, request.body, requestMeta(request));
      return drawDetail(deps.db, actor, request.params.id);
    },
  );

  app.post(
    '/api/spot-checks/:id/void',
    {
      schema: {
        tags,
        summary: '作废未抽取的承诺（原因公开，种子随之公布）',
        params: idParams,
        body: voidSpotCheckRequest,
        response: { 200: spotCheckDrawDetail, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await voidSpotCheckDraw(deps, actor, request.params.id, request.body, requestMeta(request));
      return drawDetail(deps.db, actor, request.params.id);
    },
  );

  app.post(
    '/api/spot-checks/:id/replacements',
    {
      schema: {
        tags,
        summary: '替换督导人员：对该抽查对象发起新的替换抽取承诺（原因公开）',
        params: idParams,
        body: replacementRequest,
        response: { 201: commitSpotCheckResponse, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await commitReplacementDraw(
            deps,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.post(
    '/api/spot-checks/:id/publish-results',
    {
      schema: {
        tags,
        summary: '公开复核结果（一公开；全部抽查对象录入结果后）',
        params: idParams,
        body: spotCheckVersionRequest,
        response: { 200: spotCheckDrawDetail, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await publishSpotCheckResults(deps, actor, request.params.id, request.body, requestMeta(request));
      return drawDetail(deps.db, actor, request.params.id);
    },
  );

  app.get(
    '/api/spot-checks/:id/attachments/:fileId',
    {
      schema: { tags, summary: '下载复核附件', params: z.object({ id: z.string(), fileId: z.string() }) },
      config: { access: { action: 'spotCheck.read' } },
    },
    async (request, reply) => {
      const file = await drawAttachmentFile(deps.db, request.params.id, request.params.fileId);
      return downloadHeaders(reply, storedFileDownload(file)).send(deps.storage.open(file.storageKey));
    },
  );

  app.get(
    '/api/my/spot-checks',
    {
      schema: { tags, summary: '我的抽查（督导人员）', response: { 200: mySpotCheckList } },
      config: { access: { action: 'spotCheck.own' } },
    },
    async (request) => mySpotChecks(deps.db, actorOf(request)),
  );

  app.post(
    '/api/my/spot-checks/:applicationId/attachments',
    {
      schema: {
        tags,
        summary: '上传复核附件（multipart，字段 file；jpg/png/pdf），录入结果时引用',
        params: appParams,
        consumes: ['multipart/form-data'],
        response: { 201: spotCheckAttachmentDto, ...errors },
      },
      config: { access: { action: 'spotCheck.own' } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await assertAttachmentTarget(deps.db, actor, request.params.applicationId);
      const form = await readMultipartForm(request, deps.storage, 'file', SPOT_CHECK_ATTACHMENT_RULE);
      const file = requireUpload(form.file, '请选择要上传的附件');
      const created = await recordUploads(deps.storage, [file], () =>
        uploadSpotCheckAttachment(deps, actor, request.params.applicationId, file, requestMeta(request)),
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/my/spot-checks/:applicationId/result',
    {
      schema: {
        tags,
        summary: '起草实地抽查复核结果（复核日期、地点、在场人员、结论、发现、逐项结论、现场证据附件）',
        params: appParams,
        body: spotCheckResultRequest,
        response: { 200: mySpotCheck, ...errors },
      },
      config: { access: { action: 'spotCheck.own' } },
    },
    async (request) =>
      recordSpotCheckResult(
        deps,
        actorOf(request),
        request.params.applicationId,
        request.body,
        requestMeta(request),
      ),
  );

  // 通知§五(三): the result is joint — the drafter submits it, every panel member signs or dissents.
  const steps = [
    ['submit', '提交会签（起草人；提交后内容锁定）'],
    ['sign', '签字确认复核结果（复核组成员；全员签字后生效）'],
    ['dissent', '对复核结果提出异议（须填写理由；由省鉴定中心裁决）'],
  ] as const;
  for (const [step, summary] of steps) {
    app.post(
      `/api/my/spot-checks/:applicationId/result/${step}`,
      {
        schema: {
          tags,
          summary,
          params: appParams,
          body: spotCheckResultStepRequest,
          response: { 200: mySpotCheck, ...errors },
        },
        config: { access: { action: 'spotCheck.own' } },
      },
      async (request) =>
        actOnSpotCheckResult(
          deps,
          actorOf(request),
          request.params.applicationId,
          step,
          request.body,
          requestMeta(request),
        ),
    );
  }

  app.post(
    '/api/spot-checks/:id/targets/:applicationId/decision',
    {
      schema: {
        tags,
        summary: '裁决有异议的抽查复核结果（通过/不通过，须填写理由）',
        params: z.object({ id: z.string(), applicationId: z.string() }),
        body: spotCheckDecisionRequest,
        response: { 200: spotCheckDrawDetail, ...errors },
      },
      config: { access: { action: 'spotCheck.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await decideSpotCheckResult(
        deps,
        actor,
        request.params.id,
        request.params.applicationId,
        request.body,
        requestMeta(request),
      );
      return drawDetail(deps.db, actor, request.params.id);
    },
  );

  app.get(
    '/api/my/spot-checks/:applicationId/attachments/:fileId',
    {
      schema: {
        tags,
        summary: '下载本人抽查对象的复核附件',
        params: z.object({ applicationId: z.string(), fileId: z.string() }),
      },
      config: { access: { action: 'spotCheck.own' } },
    },
    async (request, reply) => {
      const file = await myAttachmentFile(
        deps.db,
        actorOf(request),
        request.params.applicationId,
        request.params.fileId,
      );
      return downloadHeaders(reply, storedFileDownload(file)).send(deps.storage.open(file.storageKey));
    },
  );
}
