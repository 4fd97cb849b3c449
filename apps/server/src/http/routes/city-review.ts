/** 市州审核: 实地评估, 书面评估意见 (+PDF), 推荐汇总 (+汇总表 PDF/xlsx) and 决定书 (PDF). Thin routes. */
import { z } from 'zod';
import {
  cityOpinionRequest,
  cityOpinionResponse,
  errorBody,
  recommendationBatchDetail,
  recommendationBatchList,
  recommendationBatchRequest,
  siteAssessmentDto,
  siteAssessmentList,
  siteAssessmentRequest,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders, storedFileDownload } from '../download';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { readMultipartForm, requireUpload } from '../multipart';
import { recordUploads } from '../../use-cases/files/uploaded-file';
import {
  assertPhotoTarget,
  attachSitePhoto,
  listSiteAssessments,
  recordSiteAssessment,
  SITE_PHOTO_RULE,
  sitePhotoFile,
} from '../../use-cases/city-review/site-assessments';
import { cityOpinionPdf, cityOpinionView, writeCityOpinion } from '../../use-cases/city-review/city-opinion';
import {
  createRecommendationBatch,
  listRecommendationBatches,
  recommendationBatchDetail as batchDetail,
  recommendationSummaryFile,
} from '../../use-cases/city-review/recommendation-batches';
import { decisionLetterFor } from '../../use-cases/city-review/decision-letter';

const tags = ['市州审核'];
const idParams = z.object({ id: z.string() });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };

export function cityReviewRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/applications/:id/site-assessments',
    {
      schema: {
        tags,
        summary: '实地评估记录',
        params: idParams,
        response: { 200: siteAssessmentList, 404: errorBody },
      },
      config: { access: { action: 'application.read' } },
    },
    async (request) => ({ items: await listSiteAssessments(deps.db, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/applications/:id/site-assessments',
    {
      schema: {
        tags,
        summary: '记录实地评估（评估日期、人员、逐项核查表、评估发现；仅"已核验"）',
        params: idParams,
        body: siteAssessmentRequest,
        response: { 201: siteAssessmentDto, ...errors },
      },
      config: { access: { action: 'siteAssessment.record' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordSiteAssessment(
            deps,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.post(
    '/api/applications/:id/site-assessments/:sid/photos',
    {
      schema: {
        tags,
        summary: '上传现场照片（multipart，字段 file；jpg/png）',
        params: z.object({ id: z.string(), sid: z.string() }),
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.string(), sha256: z.string() }), ...errors },
      },
      config: { access: { action: 'siteAssessment.record' } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await assertPhotoTarget(deps, actor, request.params.id, request.params.sid);
      const form = await readMultipartForm(request, deps.storage, 'file', SITE_PHOTO_RULE);
      const file = requireUpload(form.file, '请选择要上传的照片');
      const created = await recordUploads(deps.storage, [file], () =>
        attachSitePhoto(deps, actor, request.params.id, request.params.sid, file, requestMeta(request)),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/applications/:id/site-assessments/:sid/photos/:fileId',
    {
      schema: {
        tags,
        summary: '下载现场照片',
        params: z.object({ id: z.string(), sid: z.string(), fileId: z.string() }),
      },
      config: { access: { action: 'application.read' } },
    },
    async (request, reply) => {
      const { id, sid, fileId } = request.params;
      const file = await sitePhotoFile(deps.db, actorOf(request), id, sid, fileId);
      return downloadHeaders(reply, storedFileDownload(file)).send(deps.storage.open(file.storageKey));
    },
  );

  app.post(
    '/api/applications/:id/opinion',
    {
      schema: {
        tags,
        summary: '出具书面评估意见（逐项推荐意见；专家评审全部提交且已实地评估后）',
        params: idParams,
        body: cityOpinionRequest,
        response: { 200: cityOpinionResponse, ...errors },
      },
      config: { access: { action: 'opinion.write' } },
    },
    async (request) =>
      writeCityOpinion(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/api/applications/:id/opinion',
    {
      schema: {
        tags,
        summary: '书面评估意见',
        params: idParams,
        response: { 200: cityOpinionResponse, 404: errorBody, 409: errorBody },
      },
      config: { access: { action: 'application.read' } },
    },
    async (request) => cityOpinionView(deps.db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/applications/:id/opinion.pdf',
    {
      schema: { tags, summary: '书面评估意见（PDF）', params: idParams },
      config: { access: { action: 'application.read' } },
    },
    async (request, reply) => {
      const { pdf, number } = await cityOpinionPdf(deps.db, actorOf(request), request.params.id);
      return downloadHeaders(reply, { type: 'application/pdf', fileName: `书面评估意见-${number}.pdf` }).send(
        pdf,
      );
    },
  );

  app.get(
    '/api/applications/:id/decision-letter.pdf',
    {
      schema: { tags, summary: '决定书（退回补正、不予通过、不予推荐；PDF）', params: idParams },
      config: { access: { action: 'application.read' } },
    },
    async (request, reply) => {
      const { pdf, number } = await decisionLetterFor(deps.db, actorOf(request), request.params.id);
      return downloadHeaders(reply, { type: 'application/pdf', fileName: `决定书-${number}.pdf` }).send(pdf);
    },
  );

  app.post(
    '/api/recommendation-batches',
    {
      schema: {
        tags,
        summary: '推荐汇总报送省级（本市州、同一征集批次、已推荐的申请）',
        body: recommendationBatchRequest,
        response: { 201: z.object({ id: z.string(), number: z.string() }), ...errors },
      },
      config: { access: { action: 'batch.forward' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createRecommendationBatch(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/recommendation-batches',
    {
      schema: {
        tags,
        summary: '推荐汇总列表（市州人社局：本市州；省级：全部）',
        querystring: z.object({ roundId: z.string().uuid().optional() }),
        response: { 200: recommendationBatchList },
      },
      config: { access: { action: 'batch.read' } },
    },
    async (request) => listRecommendationBatches(deps.db, actorOf(request), request.query.roundId),
  );

  app.get(
    '/api/recommendation-batches/:id',
    {
      schema: {
        tags,
        summary: '推荐汇总详情',
        params: idParams,
        response: { 200: recommendationBatchDetail, 404: errorBody },
      },
      config: { access: { action: 'batch.read' } },
    },
    async (request) => batchDetail(deps.db, actorOf(request), request.params.id),
  );

  for (const [format, contentType, label] of [
    ['xlsx', XLSX_TYPE, '.xlsx'],
    ['pdf', 'application/pdf', 'PDF'],
  ] as const) {
    app.get(
      `/api/recommendation-batches/:id/summary.${format}`,
      {
        schema: { tags, summary: `推荐汇总表（${label}）`, params: idParams },
        config: { access: { action: 'batch.read' } },
      },
      async (request, reply) => {
        const { file, number } = await recommendationSummaryFile(
          deps.db,
          actorOf(request),
          request.params.id,
          format,
        );
        return downloadHeaders(reply, { type: contentType, fileName: `推荐汇总表-${number}.${format}` }).send(
          file,
        );
      },
    );
  }
}
