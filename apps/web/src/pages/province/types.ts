/** Shapes of the province review, inspector pool and spot-check API, inferred from the contracts. */
import type { z } from 'zod';
import type {
  spotCheckResultDto,
  mySpotCheck,
  myInspectorProfile,
  provinceReviewDto,
  provinceReviewResponse,
  publicDrawDetail,
  publicDrawSummary,
  spotCheckDrawDetail,
  spotCheckDrawSummary,
  spotCheckPolicy,
  spotCheckPreview,
} from '@skillcert/contracts';

export type ProvinceReview = z.infer<typeof provinceReviewDto>;
export type ProvinceReviewAnswer = z.infer<typeof provinceReviewResponse>;
export type InspectorProfile = z.infer<typeof myInspectorProfile>;
export type SpotCheckPolicy = z.infer<typeof spotCheckPolicy>;
export type SpotCheckPreview = z.infer<typeof spotCheckPreview>;
export type DrawSummary = z.infer<typeof spotCheckDrawSummary>;
export type DrawDetail = z.infer<typeof spotCheckDrawDetail>;
export type JointResult = z.infer<typeof spotCheckResultDto>;
export type DrawTarget = DrawDetail['targets'][number];
export type MySpotCheck = z.infer<typeof mySpotCheck>;
export type PublicDrawSummary = z.infer<typeof publicDrawSummary>;
export type PublicDraw = z.infer<typeof publicDrawDetail>;

/** Status tag colours of a draw. */
export const DRAW_STATUS_COLOR: Record<string, string> = {
  committed: 'blue',
  drawn: 'green',
  void: 'default',
};
