import { z } from 'zod';
import {
  applicationDetail as applicationDetailSchema,
  applicationList,
  applicationListQuery,
  createApplicationRequest,
  occupationOption,
  occupationOptionsQuery,
  precheckResponse,
  saveFactsRequest,
  saveScopeItemsRequest,
  submitRequest,
  submitResponse,
  withdrawRequest,
} from '@skillcert/contracts';
import { APPLICATION_STATUS_LABELS, runPrecheck, todayInShanghai } from '@skillcert/domain';
import { downloadHeaders, storedFileDownload } from '../download';
import type { AppInstance } from '../app-types';
import { compiledResponse } from '../compiled-serializer';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { readMultipartForm, requireUpload } from '../multipart';
import { recordUploads } from '../../use-cases/files/uploaded-file';
import { getApplication, listApplications } from '../../use-cases/applications/application-queries';
import { applicationDetail } from '../../use-cases/applications/application-detail';
import { createApplication, saveFacts, saveScopeItems } from '../../use-cases/applications/drafts';
import {
  attachMaterial,
  materialFile,
  removeMaterial,
  uploadRuleFor,
} from '../../use-cases/applications/materials';
import { buildPrecheckContext } from '../../use-cases/applications/precheck-context';
import { submitApplication, withdrawApplication } from '../../use-cases/applications/submit-application';
import { occupationOptions } from '../../use-cases/applications/occupation-options';
import { receiptFor } from '../../use-cases/applications/receipt';

const tags = ['备案申请'];
const idParams = z.object({ id: z.string() });

export function applicationRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/applications',
    {
      schema: {
        tags,
        summary: '备案申请列表（按数据范围）',
        querystring: applicationListQuery,
        response: { 200: compiledResponse(applicationList) },
      },
      config: { access: { action: 'application.list' } },
    },
    async (request) => {
      const { rows, total } = await listApplications(deps.db, actorOf(request), request.query);
      return {
        items: rows.map((r) => ({
          id: r.app.id,
          number: r.app.number,
          roundId: r.app.roundId,
          roundTitle: r.roundTitle,
          organizationId: r.app.organizationId,
          organizationName: r.organizationName,
          cityCode: r.app.cityCode,
          cityName: r.cityName,
          status: r.app.status,
          statusLabel:
            APPLICATION_STATUS_LABELS[r.app.status as keyof typeof APPLICATION_STATUS_LABELS] ?? r.app.status,
          scopeCount: Number(r.scopeCount ?? 0),
          submittedAt: r.app.submittedAt?.toISOString() ?? null,
          updatedAt: r.app.updatedAt.toISOString(),
          version: r.app.version,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/api/applications',
    {
      schema: {
        tags,
        summary: '新建申请（草稿）',
        body: createApplicationRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
      config: { access: { action: 'application.edit' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createApplication(deps, actorOf(request), request.body.roundId, requestMeta(request))),
  );

  app.get(
    '/api/applications/occupation-options',
    {
      schema: {
        tags,
        summary: '可申报职业（第三至六大类，第六大类优先，含国家职业技能标准）',
        querystring: occupationOptionsQuery,
        response: { 200: z.object({ items: z.array(occupationOption) }) },
      },
      config: { access: { action: 'application.edit' } },
    },
    async (request) => ({ items: await occupationOptions(deps.db, request.query.q, request.query.limit) }),
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: '申请详情（含时间线与可执行操作）',
        params: idParams,
        response: { 200: compiledResponse(applicationDetailSchema) },
      },
      config: { access: { action: 'application.read' } },
    },
    async (request) => applicationDetail(deps.db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/applications/:id/facts',
    {
      schema: { tags, summary: '保存第一步：单位情况', params: idParams, body: saveFactsRequest },
      config: { access: { action: 'application.edit' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await saveFacts(
        deps,
        actor,
        request.params.id,
        request.body.facts,
        request.body.version,
        requestMeta(request),
      );
      return applicationDetail(deps.db, actor, request.params.id);
    },
  );

  app.put(
    '/api/applications/:id/scope-items',
    {
      schema: {
        tags,
        summary: '保存第二步：申报职业（工种）范围',
        params: idParams,
        body: saveScopeItemsRequest,
      },
      config: { access: { action: 'application.edit' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await saveScopeItems(
        deps,
        actor,
        request.params.id,
        request.body.items,
        request.body.version,
        requestMeta(request),
      );
      return applicationDetail(deps.db, actor, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/materials/:slotKey',
    {
      schema: {
        tags,
        summary: '上传材料（multipart，字段 file；类型按文件内容判定）',
        params: z.object({ id: z.string(), slotKey: z.string() }),
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.string(), sha256: z.string() }) },
      },
      config: { access: { action: 'application.edit' } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const rule = await uploadRuleFor(deps, actor, request.params.id, request.params.slotKey);
      const form = await readMultipartForm(request, deps.storage, 'file', rule);
      const file = requireUpload(form.file, '请选择要上传的文件');
      const created = await recordUploads(deps.storage, [file], () =>
        attachMaterial(deps, actor, request.params.id, request.params.slotKey, file, requestMeta(request)),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/applications/:id/materials/:materialId',
    {
      schema: {
        tags,
        summary: '移除材料（保留历史版本）',
        params: z.object({ id: z.string(), materialId: z.string() }),
        response: { 204: z.null() },
      },
      config: { access: { action: 'application.edit' } },
    },
    async (request, reply) => {
      await removeMaterial(
        deps,
        actorOf(request),
        request.params.id,
        request.params.materialId,
        requestMeta(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/applications/:id/materials/:materialId/file',
    {
      schema: { tags, summary: '下载材料文件', params: z.object({ id: z.string(), materialId: z.string() }) },
      config: { access: { action: 'application.read' } },
    },
    async (request, reply) => {
      const file = await materialFile(deps, actorOf(request), request.params.id, request.params.materialId);
      return downloadHeaders(reply, storedFileDownload(file)).send(deps.storage.open(file.storageKey));
    },
  );

  app.post(
    '/api/applications/:id/precheck',
    {
      schema: {
        tags,
        summary: '预检：按通知逐条核对 R1–R9',
        params: idParams,
        response: { 200: precheckResponse },
      },
      config: { access: { action: 'application.edit' } },
    },
    async (request) => {
      const application = await getApplication(deps.db, actorOf(request), request.params.id);
      return runPrecheck(await buildPrecheckContext(deps.db, application, todayInShanghai(deps.clock.now())));
    },
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags,
        summary: '承诺并提交（服务端重新核对全部规则）',
        params: idParams,
        body: submitRequest,
        response: { 200: submitResponse },
      },
      config: { access: { action: 'application.submit' } },
    },
    async (request) => {
      const updated = await submitApplication(
        deps,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      );
      return {
        id: updated.id,
        number: updated.number!,
        status: updated.status,
        receiptUrl: `/api/applications/${updated.id}/receipt.pdf`,
      };
    },
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: { tags, summary: '撤回申请（公示开始前）', params: idParams, body: withdrawRequest },
      config: { access: { action: 'application.withdraw' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await withdrawApplication(deps, actor, request.params.id, request.body, requestMeta(request));
      return applicationDetail(deps.db, actor, request.params.id);
    },
  );

  app.get(
    '/api/applications/:id/receipt.pdf',
    {
      schema: { tags, summary: '申报回执（PDF）', params: idParams },
      config: { access: { action: 'application.read' } },
    },
    async (request, reply) => {
      const { pdf, number } = await receiptFor(deps.db, actorOf(request), request.params.id);
      return downloadHeaders(reply, { type: 'application/pdf', fileName: `申报回执-${number}.pdf` }).send(
        pdf,
      );
    },
  );
}
