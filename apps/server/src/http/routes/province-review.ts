/** 省级评估 (通知第五条第三款): record the province centre's outcome; the review history. Thin routes. */
import { z } from 'zod';
import {
  errorBody,
  provinceReviewList,
  provinceReviewRequest,
  provinceReviewResponse,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { listProvinceReviews, recordProvinceReview } from '../../use-cases/province-review/province-review';

const tags = ['省级评估与抽查复核'];
const idParams = z.object({ id: z.string() });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };

export function provinceReviewRoutes(app: AppInstance): void {
  const { deps } = app;

  app.post(
    '/api/applications/:id/province-review',
    {
      schema: {
        tags,
        summary: '省级评估：通过（逐项结论，进入待抽查）、退回市州或不予通过（带版本号）',
        params: idParams,
        body: provinceReviewRequest,
        response: { 200: provinceReviewResponse, ...errors },
      },
      config: { access: { action: 'provinceReview.record' } },
    },
    async (request) =>
      recordProvinceReview(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/api/applications/:id/province-reviews',
    {
      schema: {
        tags,
        summary: '省级评估记录（逐项结论与理由）',
        params: idParams,
        response: { 200: provinceReviewList, 404: errorBody },
      },
      config: { access: { action: 'application.read' } },
    },
    async (request) => listProvinceReviews(deps.db, actorOf(request), request.params.id),
  );
}
