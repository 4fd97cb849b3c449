/**
 * 已备案名录: scoped reads ('filing.read'), the Excel import by the province center ('filing.import'),
 * and the 自主评价备案 it records, corrects and revokes by hand ('filing.record').
 */
import { z } from 'zod';
import { invalid } from '@skillcert/domain';
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
import type { AppInstance } from '../app-types';
import { readImportFile } from '../import-file';
import { readMultipartForm } from '../multipart';
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
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (fileName: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

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
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('已备案名录导入模板.xlsx', 'filings-template.xlsx'))
        .send(await buildFilingsTemplate()),
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
      if (!form.file) throw invalid('FILE_REQUIRED', '请选择要上传的备案文件');
      try {
        return reply
          .status(201)
          .send(await storeFilingEvidence(deps, actorOf(request), form.file, requestMeta(request)));
      } catch (error) {
        await deps.storage.remove(form.file.key);
        throw error;
      }
    },
  );

  app.get(
    '/api/filings/:id/evidence',
    { schema: { tags, summary: '下载自主评价备案文件', params: idParams }, config: recordAccess },
    async (request, reply) => {
      const file = await filingEvidenceFile(deps.db, request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', attachment(file.originalName, 'filing-evidence'))
        .send(deps.storage.open(file.storageKey));
    },
  );
}
