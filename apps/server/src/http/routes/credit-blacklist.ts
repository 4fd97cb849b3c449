/**
 * 严重失信主体名单 (R1 "社会信用良好", 通知第二条第一款): the province centre imports, lists and removes
 * entries ('creditBlacklist.manage'); every other role gets 404. Applicants never read the list: their
 * pre-check reads only their own listings.
 */
import { z } from 'zod';
import {
  creditBlacklistEntry,
  creditBlacklistImportResponse,
  creditBlacklistPage,
  creditBlacklistQuery,
  creditBlacklistRemoveBody,
  errorBody,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { readImportFile } from '../import-file';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import {
  buildCreditBlacklistTemplate,
  CREDIT_BLACKLIST_IMPORT_MAX_BYTES,
  importCreditBlacklist,
} from '../../use-cases/credit-blacklist/blacklist-import';
import {
  listCreditBlacklist,
  removeCreditBlacklistEntry,
} from '../../use-cases/credit-blacklist/blacklist-entries';

const tags = ['严重失信主体名单'];
const manage = { access: { action: 'creditBlacklist.manage' as const } };

export function creditBlacklistRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/credit-blacklist',
    {
      schema: {
        tags,
        summary: '严重失信主体名单（可按单位名称、列入机关、统一社会信用代码查询）',
        querystring: creditBlacklistQuery,
        response: { 200: creditBlacklistPage },
      },
      config: manage,
    },
    async (request) => listCreditBlacklist(deps, request.query),
  );

  app.get(
    '/api/credit-blacklist/import-template',
    { schema: { tags, summary: '严重失信主体名单导入模板（.xlsx）' }, config: manage },
    async (_request, reply) =>
      downloadHeaders(reply, {
        type: XLSX_TYPE,
        fileName: '严重失信主体名单导入模板.xlsx',
        asciiName: 'credit-blacklist-template.xlsx',
      }).send(await buildCreditBlacklistTemplate()),
  );

  app.post(
    '/api/credit-blacklist/import',
    {
      schema: {
        tags,
        summary:
          '导入严重失信主体名单（multipart：先填字段 source 名单来源、sourceDate 发布日期，再附文件 file，.xlsx，≤5MB；任一行有误则整体不导入）',
        consumes: ['multipart/form-data'],
        response: { 200: creditBlacklistImportResponse, 400: errorBody },
      },
      config: manage,
    },
    async (request) => {
      const file = await readImportFile(request, CREDIT_BLACKLIST_IMPORT_MAX_BYTES);
      return importCreditBlacklist(deps, actorOf(request), file, requestMeta(request));
    },
  );

  app.post(
    '/api/credit-blacklist/:id/remove',
    {
      schema: {
        tags,
        summary: '将一条记录移出严重失信主体名单（须填写原因，记入审计日志）',
        params: z.object({ id: z.string() }),
        body: creditBlacklistRemoveBody,
        response: { 200: creditBlacklistEntry, 400: errorBody, 404: errorBody, 409: errorBody },
      },
      config: manage,
    },
    async (request) =>
      removeCreditBlacklistEntry(
        deps,
        actorOf(request),
        request.params.id,
        request.body.reason,
        requestMeta(request),
      ),
  );
}
