/**
 * 已备案名录: scoped reads ('filing.read'), the Excel import by the province center ('filing.import'),
 * and the 自主评价备案 it records, corrects and revokes by hand ('filing.record').
 */
import { z } from 'zod';
import {
  errorBody,
  filingEvidenceResponse,
  filingRevokeRequest,
  selfEvaluationFilingFields,
  selfEvaluationFilingUpdate,
  filingCounts,
  filingCountsQuery,
  filingListQuery,
  filingPage,
  filingsImportResponse,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders, storedFileDownload } from '../download';
import type { AppInstance } from '../app-types';
import { readImportFile } from '../import-file';
import { readMultipartForm, requireUpload } from '../multipart';
import { recordUploads } from '../../use-cases/files/uploaded-file';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { filingCountsFor, listFilings } from '../../use-cases/filings/filing-queries';
import {
  buildFilingsTemplate,
  FILINGS_IMPORT_MAX_BYTES,
  importFilings,
} from '../../use-cases/filings/filings-import';
import {
  filingEvidenceFile,
  recordSelfEvaluationFiling,
  revokeSelfEvaluationFiling,
  storeFilingEvidence,
  updateSelfEvaluationFiling,
} from '../../use-cases/filings/self-evaluation-records';

const tags = ['已备案名录'];
const read = { access: { action: 'filing.read' as const } };
const importAccess = { access: { action: 'filing.import' as const } };
const recordAccess = { access: { action: 'filing.record' as const } };
const idParams = z.object({ id: z.string() });
const written = z.object({ id: z.string() });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
/** 备案文件: the filing document as scanned or issued. */
const EVIDENCE_RULE = {
  accept: ['pdf', 'jpg', 'png'] as const,
  maxBytes: 20 * 1024 * 1024,
  label: '备案文件',
};

export function filingRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/filings',
    {
      schema: {
        tags,
        summary: '已备案名录（按数据范围：市州人员只见本市州）',
        querystring: filingListQuery,
        response: { 200: filingPage },
      },
      config: read,
    },
    async (request) => listFilings(deps.db, actorOf(request), request.query),
  );

  app.get(
    '/api/filings/counts',
    {
      schema: {
        tags,
        summary: '某职业已备案机构数（本市州／全省，R7）',
        querystring: filingCountsQuery,
        response: { 200: filingCounts, 400: errorBody, 404: errorBody },
      },
      config: read,
    },
    async (request) => filingCountsFor(deps.db, actorOf(request), request.query),
  );

  app.get(
    '/api/filings/import-template',
    { schema: { tags, summary: '已备案名录导入模板（.xlsx）' }, config: importAccess },
    async (_request, reply) =>
      downloadHeaders(reply, {
        type: XLSX_TYPE,
        fileName: '已备案名录导入模板.xlsx',
        asciiName: 'filings-template.xlsx',
      }).send(await buildFilingsTemplate()),
  );

  app.post(
    '/api/filings/import',
    {
      schema: {
        tags,
        summary: '导入已备案名录（multipart，文件字段 file，.xlsx，≤5MB；任一行有误则整体不导入）',
        consumes: ['multipart/form-data'],
        response: { 200: filingsImportResponse, 400: errorBody },
      },
      config: importAccess,
    },
    async (request) => {
      const file = await readImportFile(request, FILINGS_IMPORT_MAX_BYTES);
      return importFilings(deps, actorOf(request), file, requestMeta(request));
    },
  );

  app.post(
    '/api/filings/self-evaluation',
    {
      schema: {
        tags,
        summary: '录入自主评价备案（省鉴定中心）',
        body: selfEvaluationFilingFields,
        response: { 201: written, ...errors },
      },
      config: recordAccess,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordSelfEvaluationFiling(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.put(
    '/api/filings/self-evaluation/:id',
    {
      schema: {
        tags,
        summary: '修改自主评价备案记录（须填写原因）',
        params: idParams,
        body: selfEvaluationFilingUpdate,
        response: { 200: written, ...errors },
      },
      config: recordAccess,
    },
    async (request) =>
      updateSelfEvaluationFiling(
        deps,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    '/api/filings/self-evaluation/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销自主评价备案记录（须填写原因）',
        params: idParams,
        body: filingRevokeRequest,
        response: { 200: written, ...errors },
      },
      config: recordAccess,
    },
    async (request) =>
      revokeSelfEvaluationFiling(
        deps,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    '/api/filings/evidence',
    {
      schema: {
        tags,
        summary: '上传自主评价备案文件（multipart，字段 file；PDF/JPG/PNG，≤20MB）',
        consumes: ['multipart/form-data'],
        response: { 201: filingEvidenceResponse, 400: errorBody },
      },
      config: recordAccess,
    },
    async (request, reply) => {
      const form = await readMultipartForm(request, deps.storage, 'file', {
        ...EVIDENCE_RULE,
        accept: [...EVIDENCE_RULE.accept],
      });
      const file = requireUpload(form.file, '请选择要上传的备案文件');
      const stored = await recordUploads(deps.storage, [file], () =>
        storeFilingEvidence(deps, actorOf(request), file, requestMeta(request)),
      );
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/filings/:id/evidence',
    { schema: { tags, summary: '下载自主评价备案文件', params: idParams }, config: recordAccess },
    async (request, reply) => {
      const file = await filingEvidenceFile(deps.db, request.params.id);
      return downloadHeaders(reply, storedFileDownload(file)).send(deps.storage.open(file.storageKey));
    },
  );
}
