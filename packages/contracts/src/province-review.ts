/** 省级评估 (通知第五条第三款): request and response schemas. */
import { z } from 'zod';
import { versionField } from './common';

export const provinceReviewItemInput = z.strictObject({
  scopeItemId: z.string().max(64),
  verdict: z.enum(['pass', 'reject'], { message: '逐项结论应为"通过"或"不通过"' }),
  reason: z.string().trim().max(1000).optional(),
});

export const provinceReviewRequest = z.strictObject({
  /** pass → 待抽查; return → 退回市州; reject → 不予通过 (decision letter). */
  decision: z.enum(['pass', 'return', 'reject'], { message: '请选择评估结论' }),
  /** Required for return and reject; it is cited in the decision letter. */
  reason: z.string().trim().max(2000).optional(),
  /** pass: one verdict per scope item still in the running; reject: optional item reasons. */
  items: z.array(provinceReviewItemInput).max(200).optional(),
  version: versionField,
});
export type ProvinceReviewRequest = z.infer<typeof provinceReviewRequest>;

export const provinceReviewDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  outcome: z.enum(['pass', 'return', 'reject']),
  outcomeLabel: z.string(),
  reason: z.string().nullable(),
  items: z.array(
    z.object({
      scopeItemId: z.string(),
      occupationCode: z.string().nullable(),
      occupationName: z.string().nullable(),
      jobName: z.string().nullable(),
      verdict: z.enum(['pass', 'reject']),
      verdictLabel: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  /** Staff only (null for the applicant). */
  reviewerName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProvinceReviewDto = z.infer<typeof provinceReviewDto>;

export const provinceReviewList = z.object({ items: z.array(provinceReviewDto) });

export const provinceReviewResponse = z.object({
  review: provinceReviewDto,
  status: z.string(),
  statusLabel: z.string(),
  version: z.number(),
});
