/** 专家库、专家抽取与专家评审 (通知第五条第二款). Thin: parse, gate, one use case, present. */
import { z } from 'zod';
import {
  createExpertRequest,
  createExpertResponse,
  declareConflictRequest,
  drawReplayResponse,
  expertDrawList,
  expertDrawRequest,
  expertDrawResponse,
  expertDto,
  expertList,
  expertListQuery,
  expertReviewList,
  myAssignmentList,
  submitReviewRequest,
  updateExpertRequest,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import {
  createExpert,
  declareConflict,
  declareOwnConflict,
  expertView,
  listExperts,
  updateExpert,
} from '../../use-cases/experts/expert-pool';
import { drawExpertsForApplication, listExpertDraws, replayDraw } from '../../use-cases/experts/expert-draws';
import { listExpertReviews, myAssignments, submitReview } from '../../use-cases/experts/expert-reviews';

const tags = ['专家评审'];
const idParams = z.object({ id: z.string() });

export function expertRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/experts',
    {
      schema: {
        tags,
        summary: '专家库（市州人社局：本市州；手机号脱敏）',
        querystring: expertListQuery,
        response: { 200: expertList },
      },
      config: { access: { action: 'expert.read' } },
    },
    async (request) => {
      const { items, total } = await listExperts(deps, actorOf(request), request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/experts',
    {
      schema: {
        tags,
        summary: '新增专家（可同时开通或关联专家账号；新账号的初始口令只返回这一次）',
        body: createExpertRequest,
        response: { 201: createExpertResponse },
      },
      config: { access: { action: 'expert.manage' } },
    },
    async (request, reply) =>
      reply.status(201).send(await createExpert(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    '/api/experts/:id',
    {
      schema: {
        tags,
        summary: '修改专家信息（带版本号）',
        params: idParams,
        body: updateExpertRequest,
        response: { 200: expertDto },
      },
      config: { access: { action: 'expert.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateExpert(deps, actor, request.params.id, request.body, requestMeta(request));
      return expertView(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/experts/:id/conflicts',
    {
      schema: {
        tags,
        summary: '登记专家申报的利益冲突（抽取时自动回避）',
        params: idParams,
        body: declareConflictRequest,
        response: { 200: expertDto },
      },
      config: { access: { action: 'expert.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await declareConflict(deps, actor, request.params.id, request.body, requestMeta(request));
      return expertView(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/my/conflicts',
    {
      schema: {
        tags,
        summary: '专家本人申报利益冲突',
        body: declareConflictRequest,
        response: { 204: z.null() },
      },
      config: { access: { action: 'expertConflict.declare' } },
    },
    async (request, reply) => {
      await declareOwnConflict(deps, actorOf(request), request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/applications/:id/expert-draws',
    {
      schema: {
        tags,
        summary: '随机抽取评审专家（自动回避；再次抽取即替换，须填写原因）',
        params: idParams,
        body: expertDrawRequest,
        response: { 201: expertDrawResponse },
      },
      config: { access: { action: 'expert.draw' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await drawExpertsForApplication(
            deps,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.get(
    '/api/applications/:id/expert-draws',
    {
      schema: {
        tags,
        summary: '专家抽取记录（冻结的抽取范围、回避名单、种子与结果）',
        params: idParams,
        response: { 200: expertDrawList },
      },
      config: { access: { action: 'draw.replay' } },
    },
    async (request) => listExpertDraws(deps.db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/draws/:id/replay',
    {
      schema: {
        tags,
        summary: '复现抽取：用同一算法从存档数据重新计算并比对',
        params: idParams,
        response: { 200: drawReplayResponse },
      },
      config: { access: { action: 'draw.replay' } },
    },
    async (request) => replayDraw(deps.db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/my/assignments',
    {
      schema: {
        tags,
        summary: '我的评审任务',
        response: { 200: myAssignmentList },
      },
      config: { access: { action: 'expertReview.own' } },
    },
    async (request) => myAssignments(deps.db, actorOf(request)),
  );

  app.put(
    '/api/my/assignments/:assignmentId/review',
    {
      schema: {
        tags,
        summary: '提交评分表（提交后锁定）',
        params: z.object({ assignmentId: z.string() }),
        body: submitReviewRequest,
        response: {
          200: z.object({
            id: z.string(),
            assignmentId: z.string(),
            status: z.string(),
            submittedAt: z.string(),
          }),
        },
      },
      config: { access: { action: 'expertReview.own' } },
    },
    async (request) =>
      submitReview(deps, actorOf(request), request.params.assignmentId, request.body, requestMeta(request)),
  );

  app.get(
    '/api/applications/:id/expert-reviews',
    {
      schema: {
        tags,
        summary: '专家评审意见及各维度平均分',
        params: idParams,
        response: { 200: expertReviewList },
      },
      config: { access: { action: 'expertReview.read' } },
    },
    async (request) => listExpertReviews(deps.db, actorOf(request), request.params.id),
  );
}
