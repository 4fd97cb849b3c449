/** 督导人员库 (R11): the pool, its maintenance and conflict declarations. Thin routes. */
import { z } from 'zod';
import {
  createInspectorRequest,
  createInspectorResponse,
  errorBody,
  inspectorConflictRequest,
  inspectorDto,
  inspectorList,
  inspectorListQuery,
  myInspectorProfile as myInspectorProfileDto,
  updateInspectorRequest,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import {
  createInspector,
  declareInspectorConflict,
  declareOwnInspectorConflict,
  inspectorView,
  listInspectors,
  myInspectorProfile,
  updateInspector,
} from '../../use-cases/inspectors/inspector-pool';

const tags = ['省级评估与抽查复核'];
const idParams = z.object({ id: z.string() });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };

export function inspectorRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/inspectors',
    {
      schema: {
        tags,
        summary: '督导人员库（手机号脱敏）',
        querystring: inspectorListQuery,
        response: { 200: inspectorList },
      },
      config: { access: { action: 'inspector.read' } },
    },
    async (request) => {
      const { items, total } = await listInspectors(deps, actorOf(request), request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/inspectors',
    {
      schema: {
        tags,
        summary: '新增督导人员（编号可留空自动生成；可同时开通或关联督导账号，新账号的初始口令只返回这一次）',
        body: createInspectorRequest,
        response: { 201: createInspectorResponse, ...errors },
      },
      config: { access: { action: 'inspector.manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInspector(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    '/api/inspectors/:id',
    {
      schema: {
        tags,
        summary: '修改督导人员信息、停用或启用（带版本号）',
        params: idParams,
        body: updateInspectorRequest,
        response: { 200: inspectorDto, ...errors },
      },
      config: { access: { action: 'inspector.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateInspector(deps, actor, request.params.id, request.body, requestMeta(request));
      return inspectorView(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/inspectors/:id/conflicts',
    {
      schema: {
        tags,
        summary: '登记督导人员申报的利益冲突（抽取时自动回避）',
        params: idParams,
        body: inspectorConflictRequest,
        response: { 200: inspectorDto, ...errors },
      },
      config: { access: { action: 'inspector.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await declareInspectorConflict(deps, actor, request.params.id, request.body, requestMeta(request));
      return inspectorView(deps, actor, request.params.id);
    },
  );

  app.get(
    '/api/my/inspector-profile',
    {
      schema: {
        tags,
        summary: '本人的督导人员库记录（含已申报的利益冲突）',
        response: { 200: myInspectorProfileDto },
      },
      config: { access: { action: 'inspectorConflict.declare' } },
    },
    async (request) => myInspectorProfile(deps.db, actorOf(request)),
  );

  app.post(
    '/api/my/inspector-conflicts',
    {
      schema: {
        tags,
        summary: '督导人员本人申报利益冲突',
        body: inspectorConflictRequest,
        response: { 200: myInspectorProfileDto, ...errors },
      },
      config: { access: { action: 'inspectorConflict.declare' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await declareOwnInspectorConflict(deps, actor, request.body, requestMeta(request));
      return myInspectorProfile(deps.db, actor);
    },
  );
}
