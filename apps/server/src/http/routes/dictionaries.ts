/** 字典 (reference dictionaries): logged-in reads ('dictionary.read'); edits by the system admin ('dictionary.edit'). */
import fastifyMultipart from '@fastify/multipart';
import {
  chainCreate,
  chainItem,
  chainList,
  chainUpdate,
  divisionsResponse,
  errorBody,
  historyPage,
  historyQuery,
  holidayYearParams,
  holidayYearResponse,
  holidayYearsResponse,
  holidayYearUpdate,
  holidaysQuery,
  idParams,
  occupationCodeParams,
  occupationDetail,
  occupationItem,
  occupationPage,
  occupationRestrictionUpdate,
  occupationsQuery,
  standardItem,
  standardPage,
  standardsImportResponse,
  standardsQuery,
  standardUpdate,
} from '@skillcert/contracts';
import { XLSX_TYPE, downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { readImportFile } from '../import-file';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { listCitiesWithCounties } from '../../use-cases/dictionaries/divisions';
import {
  getOccupation,
  listOccupations,
  updateOccupationRestriction,
} from '../../use-cases/dictionaries/occupations';
import { listStandards, updateStandard } from '../../use-cases/dictionaries/standards';
import {
  buildStandardsTemplate,
  IMPORT_MAX_BYTES,
  importStandards,
} from '../../use-cases/dictionaries/standards-import';
import {
  currentYear,
  getHolidayYear,
  listHolidayYears,
  replaceHolidayYear,
} from '../../use-cases/dictionaries/holidays';
import { createChain, listChains, updateChain } from '../../use-cases/dictionaries/chains';
import { dictionaryHistory } from '../../use-cases/dictionaries/history';
import { publicToolRoutes } from './public-tools';

const tags = ['字典'];
const read = { access: { action: 'dictionary.read' as const } };
const edit = { access: { action: 'dictionary.edit' as const } };

/** Registers the dictionary routes and the public tools built on the same dictionaries. */
export function dictionaryRoutes(app: AppInstance): void {
  const { deps } = app;
  publicToolRoutes(app);
  if (!app.hasContentTypeParser('multipart/form-data')) void app.register(fastifyMultipart);

  // ------------------------------------------------------------ divisions
  app.get(
    '/api/dict/divisions',
    {
      schema: { tags, summary: '行政区划（市州及县市区）', response: { 200: divisionsResponse } },
      config: read,
    },
    async () => listCitiesWithCounties(deps.db),
  );

  // ------------------------------------------------------------ occupations
  app.get(
    '/api/dict/occupations',
    {
      schema: {
        tags,
        summary: '职业分类大典：按编码前缀或名称搜索，或逐级展开（无条件时为8个大类）',
        querystring: occupationsQuery,
        response: { 200: occupationPage },
      },
      config: read,
    },
    async (request) => listOccupations(deps.db, request.query),
  );

  app.get(
    '/api/dict/occupations/:code',
    {
      schema: {
        tags,
        summary: '职业详情：上级分类路径与对应的国家职业技能标准',
        params: occupationCodeParams,
        response: { 200: occupationDetail, 404: errorBody },
      },
      config: read,
    },
    async (request) => getOccupation(deps.db, request.params.code),
  );

  app.patch(
    '/api/dict/occupations/:code/restriction',
    {
      schema: {
        tags,
        summary: '确认或取消职业资格目录限制标记（R5）',
        params: occupationCodeParams,
        body: occupationRestrictionUpdate,
        response: { 200: occupationItem, 400: errorBody, 404: errorBody, 409: errorBody },
      },
      config: edit,
    },
    async (request) =>
      updateOccupationRestriction(
        deps,
        actorOf(request),
        request.params.code,
        request.body,
        requestMeta(request),
      ),
  );

  // ------------------------------------------------------------ skill standards
  app.get(
    '/api/dict/standards',
    {
      schema: {
        tags,
        summary: '国家职业技能标准',
        querystring: standardsQuery,
        response: { 200: standardPage },
      },
      config: read,
    },
    async (request) => listStandards(deps.db, request.query),
  );

  app.patch(
    '/api/dict/standards/:id',
    {
      schema: {
        tags,
        summary: '录入标准覆盖的等级或指定对应职业（R4）',
        params: idParams,
        body: standardUpdate,
        response: { 200: standardItem, 400: errorBody, 404: errorBody, 409: errorBody },
      },
      config: edit,
    },
    async (request) =>
      updateStandard(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/api/dict/standards/import-template',
    { schema: { tags, summary: '职业技能标准导入模板（.xlsx）' }, config: edit },
    async (_request, reply) =>
      downloadHeaders(reply, {
        type: XLSX_TYPE,
        fileName: '职业技能标准导入模板.xlsx',
        asciiName: 'standards-template.xlsx',
      }).send(await buildStandardsTemplate()),
  );

  app.post(
    '/api/dict/standards/import',
    {
      schema: {
        tags,
        summary: '导入职业技能标准（multipart，文件字段 file，.xlsx，≤5MB；任一行有误则整体不导入）',
        consumes: ['multipart/form-data'],
        response: { 200: standardsImportResponse, 400: errorBody },
      },
      config: edit,
    },
    async (request) => {
      const file = await readImportFile(request, IMPORT_MAX_BYTES);
      return importStandards(deps, actorOf(request), file, requestMeta(request));
    },
  );

  // ------------------------------------------------------------ holidays
  app.get(
    '/api/dict/holidays',
    {
      schema: {
        tags,
        summary: '某年的节假日与调休安排（默认今年）',
        querystring: holidaysQuery,
        response: { 200: holidayYearResponse },
      },
      config: read,
    },
    async (request) => getHolidayYear(deps.db, request.query.year ?? currentYear(deps.clock.now())),
  );

  app.put(
    '/api/dict/holidays/:year',
    {
      schema: {
        tags,
        summary: '录入或替换某年的节假日安排（国务院办公厅通知发布后）',
        params: holidayYearParams,
        body: holidayYearUpdate,
        response: { 200: holidayYearResponse, 400: errorBody },
      },
      config: edit,
    },
    async (request) =>
      replaceHolidayYear(deps, actorOf(request), request.params.year, request.body, requestMeta(request)),
  );

  app.get(
    '/api/dict/holiday-years',
    {
      schema: { tags, summary: '已录入节假日安排的年份', response: { 200: holidayYearsResponse } },
      config: read,
    },
    async () => listHolidayYears(deps.db),
  );

  // ------------------------------------------------------------ industrial chains
  app.get(
    '/api/dict/chains',
    {
      schema: { tags, summary: '产业链（含停用及示例条目）', response: { 200: chainList } },
      config: read,
    },
    async () => listChains(deps.db),
  );

  app.post(
    '/api/dict/chains',
    {
      schema: {
        tags,
        summary: '新增产业链',
        body: chainCreate,
        response: { 201: chainItem, 400: errorBody, 409: errorBody },
      },
      config: edit,
    },
    async (request, reply) =>
      reply.status(201).send(await createChain(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    '/api/dict/chains/:id',
    {
      schema: {
        tags,
        summary: '修改产业链（名称、说明、启用状态、来源）',
        params: idParams,
        body: chainUpdate,
        response: { 200: chainItem, 400: errorBody, 404: errorBody, 409: errorBody },
      },
      config: edit,
    },
    async (request) =>
      updateChain(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  // ------------------------------------------------------------ history
  app.get(
    '/api/dict/history',
    {
      schema: {
        tags,
        summary: '字典条目的修改历史（来自审计日志）',
        querystring: historyQuery,
        response: { 200: historyPage },
      },
      config: read,
    },
    async (request) => dictionaryHistory(deps.db, request.query),
  );
}
