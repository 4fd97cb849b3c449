/** 抽查公开 (no login, rate-limited): the draws' commitments, seeds, results and outcomes — codes only. */
import { z } from 'zod';
import { errorBody, publicDrawDetail, publicDrawList, publicDrawListQuery } from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { compiledResponse } from '../compiled-serializer';
import { perMinute } from '../rate-limit';
import { listPublicDraws, publicDrawDetail as drawDetail } from '../../use-cases/spot-checks/public-draws';

const tags = ['信息公开'];

export function publicDrawRoutes(app: AppInstance): void {
  const { deps } = app;
  const config = { access: { public: true as const }, rateLimit: perMinute(deps.config, 120) };

  app.get(
    '/api/public/draws',
    {
      schema: {
        tags,
        summary: '抽查复核抽取公开列表（承诺、抽取、结果公开情况）',
        querystring: publicDrawListQuery,
        response: { 200: compiledResponse(publicDrawList) },
      },
      config,
    },
    async (request) => listPublicDraws(deps.db, request.query),
  );

  app.get(
    '/api/public/draws/:id',
    {
      schema: {
        tags,
        summary: '抽取公开详情：承诺（哈希、参数、名单编码、回避），抽取后的种子与结果，公开后的复核结论',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: publicDrawDetail, 404: errorBody },
      },
      config,
    },
    async (request) => drawDetail(deps.db, request.params.id),
  );
}
