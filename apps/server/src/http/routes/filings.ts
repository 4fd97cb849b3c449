/** 已备案名录: scoped reads ('filing.read'), the Excel import by the province center ('filing.import'). */
import {
  errorBody,
  filingCounts,
  filingCountsQuery,
  filingListQuery,
  filingPage,
  filingsImportResponse,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { readImportFile } from '../import-file';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { filingCountsFor, listFilings } from '../../use-cases/filings/filing-queries';
import {
  buildFilingsTemplate,
  FILINGS_IMPORT_MAX_BYTES,
  importFilings,
} from '../../use-cases/filings/filings-import';

const tags = ['已备案名录'];
const read = { access: { action: 'filing.read' as const } };
const importAccess = { access: { action: 'filing.import' as const } };

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
}
