import { z } from 'zod';
import {
  roundDto,
  roundInput,
  roundList,
  roundListQuery,
  roundUpdate,
  versionBody,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import {
  changeRoundStatus,
  createRound,
  getRound,
  listRounds,
  presentRound,
  updateRound,
} from '../../use-cases/rounds/rounds';

const tags = ['征集批次'];
const idParams = z.object({ id: z.string() });

export function roundRoutes(app: AppInstance): void {
  const { deps } = app;
  const now = () => deps.clock.now();

  app.get(
    '/api/rounds',
    {
      schema: { tags, summary: '征集批次列表', querystring: roundListQuery, response: { 200: roundList } },
      config: { access: { action: 'round.read' } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listRounds(deps.db, actor, request.query);
      return {
        items: rows.map((r) => presentRound(r, actor, now())),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
  app.get(
    '/api/rounds/:id',
    {
      schema: { tags, summary: '征集批次详情', params: idParams, response: { 200: roundDto } },
      config: { access: { action: 'round.read' } },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentRound(await getRound(deps.db, actor, request.params.id), actor, now());
    },
  );
  app.post(
    '/api/rounds',
    {
      schema: { tags, summary: '创建征集批次（省鉴定中心）', body: roundInput, response: { 201: roundDto } },
      config: { access: { action: 'round.manage' } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await createRound(deps, actor, request.body, requestMeta(request));
      return reply.status(201).send(presentRound(row, actor, now()));
    },
  );
  app.patch(
    '/api/rounds/:id',
    {
      schema: {
        tags,
        summary: '修改征集批次（仅草稿）',
        params: idParams,
        body: roundUpdate,
        response: { 200: roundDto },
      },
      config: { access: { action: 'round.manage' } },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentRound(
        await updateRound(deps, actor, request.params.id, request.body, requestMeta(request)),
        actor,
        now(),
      );
    },
  );
  for (const [verb, to, summary] of [
    ['open', 'open', '开启征集（政策与材料要求随之固定）'],
    ['close', 'closed', '截止征集'],
  ] as const) {
    app.post(
      `/api/rounds/:id/${verb}`,
      {
        schema: { tags, summary, params: idParams, body: versionBody, response: { 200: roundDto } },
        config: { access: { action: 'round.manage' } },
      },
      async (request) => {
        const actor = actorOf(request);
        return presentRound(
          await changeRoundStatus(
            deps,
            actor,
            request.params.id,
            to,
            request.body.version,
            requestMeta(request),
          ),
          actor,
          now(),
        );
      },
    );
  }
}
