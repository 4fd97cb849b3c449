/**
 * 评价机构名录 and 备案名单 (第N批) for the public — no login, rate-limited per client address, no
 * personal data: search, one body per stable URL (/api/public/registry/{统一社会信用代码}), streamed
 * exports (.xlsx, CSV, JSON), the lists with their PDF / .xlsx, and the open collection rounds for the
 * portal's home page.
 */
import {
  creditCodeParams,
  errorBody,
  filingListDetail,
  filingListPage,
  filingListPublicQuery,
  publicOccupationList,
  publicOccupationQuery,
  publicRoundList,
  registryBodyDetail,
  registryExportQuery,
  registrySearchQuery,
  registrySearchResult,
  sequenceParams,
  type RegistrySearchResult,
} from '@skillcert/contracts';
import { downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { compiledResponse } from '../compiled-serializer';
import { perMinute } from '../rate-limit';
import { registryBody } from '../../use-cases/registry/registry-body';
import { cachedRegistrySearch, RegistrySearchCache } from '../../use-cases/registry/registry-search-cache';
import {
  assertExportSize,
  REGISTRY_EXPORT_TYPES,
  registryExportStream,
  type RegistryExportFormat,
} from '../../use-cases/registry/registry-export';
import {
  filingListFile,
  listFilingLists,
  publicFilingList,
} from '../../use-cases/filing-lists/filing-list-queries';
import { openRounds, searchPublicOccupations } from '../../use-cases/registry/public-portal';
import { todayInShanghai } from '@skillcert/domain';

const tags = ['评价机构名录'];

export function registryRoutes(app: AppInstance): void {
  const { deps } = app;
  const reads = { access: { public: true as const }, rateLimit: perMinute(deps.config, 120) };
  const files = { access: { public: true as const }, rateLimit: perMinute(deps.config, 20) };
  // One cache per app instance (bounded; invalidated through the registry version in the database).
  const searchCache = new RegistrySearchCache({ now: () => deps.clock.now().getTime() });

  app.get(
    '/api/public/registry',
    {
      schema: {
        tags,
        summary: '评价机构名录检索（名称可输入1–2个字；信用代码可输入开头几位；分页，按评价机构序列码排序）',
        querystring: registrySearchQuery,
        response: { 200: registrySearchResult, 400: errorBody },
      },
      config: reads,
    },
    async (request, reply) => {
      const { json, hit } = await cachedRegistrySearch(deps.db, searchCache, request.query);
      // Already the JSON of a registrySearchResult (built by searchRegistry): a string with a JSON
      // content type is sent as is, not serialized again (the typed reply only knows the object form).
      return reply
        .header('x-registry-cache', hit ? 'hit' : 'miss')
        .type('application/json; charset=utf-8')
        .send(json as unknown as RegistrySearchResult);
    },
  );

  for (const format of ['xlsx', 'csv', 'json'] as const satisfies RegistryExportFormat[]) {
    app.get(
      `/api/public/registry/export.${format}`,
      {
        schema: {
          tags,
          summary: `导出名录检索结果（${format === 'xlsx' ? 'Excel' : format.toUpperCase()}；每个备案职业（工种）一行${format === 'json' ? '，按机构分组' : ''}；超过1万家时请缩小条件）`,
          querystring: registryExportQuery,
          produces: [REGISTRY_EXPORT_TYPES[format].split(';')[0]!],
        },
        config: files,
      },
      async (request, reply) => {
        await assertExportSize(deps.db, request.query);
        const now = deps.clock.now();
        const stamp = todayInShanghai(now);
        return downloadHeaders(reply, {
          type: REGISTRY_EXPORT_TYPES[format],
          fileName: `评价机构名录-${stamp}.${format}`,
          asciiName: `registry-${stamp}.${format}`,
        }).send(registryExportStream(deps.db, request.query, format, now));
      },
    );
  }

  app.get(
    '/api/public/registry/:creditCode',
    {
      schema: {
        tags,
        summary: '评价机构详情：备案范围、主管单位、评价机构序列码与状态记录',
        params: creditCodeParams,
        response: { 200: compiledResponse(registryBodyDetail), 404: errorBody },
      },
      config: reads,
    },
    async (request) => registryBody(deps.db, request.params.creditCode),
  );

  app.get(
    '/api/public/filing-lists',
    {
      schema: {
        tags,
        summary: '备案名单（第N批），最新在前',
        querystring: filingListPublicQuery,
        response: { 200: filingListPage },
      },
      config: reads,
    },
    async (request) => listFilingLists(deps.db, request.query),
  );

  app.get(
    '/api/public/filing-lists/:sequence',
    {
      schema: {
        tags,
        summary: '第N批备案名单',
        params: sequenceParams,
        response: { 200: filingListDetail, 404: errorBody },
      },
      config: reads,
    },
    async (request) => publicFilingList(deps.db, request.params.sequence),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/public/filing-lists/:sequence/list.${format}`,
      {
        schema: {
          tags,
          summary: `第N批备案名单（${format === 'pdf' ? 'PDF' : 'Excel'}）`,
          params: sequenceParams,
        },
        config: files,
      },
      async (request, reply) => {
        const file = await filingListFile(deps.db, request.params.sequence, format);
        return downloadHeaders(reply, {
          type: format === 'pdf' ? 'application/pdf' : REGISTRY_EXPORT_TYPES.xlsx,
          fileName: file.fileName,
          asciiName: file.ascii,
        }).send(file.body);
      },
    );
  }

  app.get(
    '/api/public/rounds',
    {
      schema: {
        tags: ['公共服务'],
        summary: '正在征集的批次（申报通知与申报时间）',
        response: { 200: publicRoundList },
      },
      config: reads,
    },
    async () => openRounds(deps.db),
  );

  app.get(
    '/api/public/occupations',
    {
      schema: {
        tags: ['公共服务'],
        summary: '职业分类大典（职业细类）检索：编码前缀或名称的一部分，最多20条',
        querystring: publicOccupationQuery,
        response: { 200: publicOccupationList },
      },
      config: reads,
    },
    async (request) => searchPublicOccupations(deps.db, request.query.q),
  );
}
