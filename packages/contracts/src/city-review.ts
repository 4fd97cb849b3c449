/**
 * 市州审核 (city review, docs/domain.md §4): 实地评估, 书面评估意见, 推荐汇总 and 决定书. Request bodies are strict;
 * whether a date exists, whether it lies in the future and whether the checklist covers every material
 * slot of the round are checked by the use case (they need the round and the clock).
 */
import { z } from 'zod';
import { REVIEW_DIMENSION_CODES, REVIEW_DIMENSION_LABELS, type ReviewDimension } from '@skillcert/domain';
import { calendarDateString } from './common';

/** 专家评分维度: one definition, in the domain (review-scoring.ts); these names are kept for documents. */
export const SCORE_DIMENSIONS = REVIEW_DIMENSION_CODES;
export type ScoreDimension = ReviewDimension;
export const SCORE_DIMENSION_LABELS = REVIEW_DIMENSION_LABELS;

export const SITE_CHECK_VERDICTS = ['met', 'not_met'] as const;
export const SITE_CHECK_VERDICT_LABELS: Readonly<Record<(typeof SITE_CHECK_VERDICTS)[number], string>> = {
  met: '符合',
  not_met: '不符合',
};

// ------------------------------------------------------------------ 实地评估

export const siteChecklistEntry = z.strictObject({
  slotKey: z.string().trim().min(1).max(60),
  verdict: z.enum(SITE_CHECK_VERDICTS, '请选择"符合"或"不符合"'),
  note: z.string().trim().max(1000).optional(),
});

export const siteAssessmentRequest = z.strictObject({
  visitDate: calendarDateString,
  participants: z.string().trim().min(2, '请填写评估人员').max(500),
  checklist: z.array(siteChecklistEntry).min(1, '请逐项填写核查结果').max(60),
  findings: z.string().trim().min(2, '请填写评估发现').max(5000),
});
export type SiteAssessmentRequest = z.infer<typeof siteAssessmentRequest>;

export const siteAssessmentDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  visitDate: z.string(),
  participants: z.string(),
  checklist: z.array(
    z.object({
      slotKey: z.string(),
      label: z.string(),
      verdict: z.enum(SITE_CHECK_VERDICTS),
      verdictLabel: z.string(),
      note: z.string().nullable(),
    }),
  ),
  findings: z.string(),
  photos: z.array(z.object({ id: z.string(), originalName: z.string(), sizeBytes: z.number() })),
  createdAt: z.string(),
});
export type SiteAssessmentDto = z.infer<typeof siteAssessmentDto>;
export const siteAssessmentList = z.object({ items: z.array(siteAssessmentDto) });

// ------------------------------------------------------------------ 书面评估意见

export const opinionItemInput = z.strictObject({
  scopeItemId: z.string().uuid('申报范围条目无效'),
  recommend: z.boolean(),
  reason: z.string().trim().max(1000).optional(),
});

export const cityOpinionRequest = z
  .strictObject({
    items: z.array(opinionItemInput).min(1, '请对每个申报职业（工种）给出意见').max(50),
    summary: z.string().trim().min(2, '请填写综合意见').max(5000),
    /** The application version the bureau looked at (optional optimistic check). */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((body, ctx) => {
    body.items.forEach((item, i) => {
      if (!item.recommend && !item.reason)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'reason'], message: '不予推荐的须填写理由' });
    });
  });
export type CityOpinionRequest = z.infer<typeof cityOpinionRequest>;

export const expertScoreDto = z.object({
  /** 专家编号 */
  code: z.string(),
  name: z.string(),
  scores: z.record(z.string(), z.number().nullable()),
  total: z.number().nullable(),
  submittedAt: z.string(),
});

export const cityOpinionDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  conclusion: z.enum(['recommend', 'not_recommend']),
  conclusionLabel: z.string(),
  items: z.array(
    z.object({
      scopeItemId: z.string(),
      occupationCode: z.string(),
      occupationName: z.string().nullable(),
      jobName: z.string(),
      recommend: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  summary: z.string(),
  experts: z.array(expertScoreDto),
  averages: z.record(z.string(), z.number().nullable()),
  createdAt: z.string(),
  pdfUrl: z.string(),
});
export type CityOpinionDto = z.infer<typeof cityOpinionDto>;

export const cityOpinionResponse = z.object({
  opinion: cityOpinionDto,
  status: z.string(),
  statusLabel: z.string(),
  supervisingCityCode: z.string().nullable(),
});

// ------------------------------------------------------------------ 推荐汇总

export const recommendationBatchRequest = z.strictObject({
  roundId: z.string().uuid('请选择征集批次'),
  applicationIds: z
    .array(z.string().uuid('申请无效'))
    .min(1, '请至少选择一个已推荐的申请')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, '申请重复'),
});
export type RecommendationBatchRequest = z.infer<typeof recommendationBatchRequest>;

export const recommendationBatchSummary = z.object({
  id: z.string(),
  number: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  roundId: z.string(),
  roundTitle: z.string(),
  applicationCount: z.number(),
  createdAt: z.string(),
});
export const recommendationBatchList = z.object({ items: z.array(recommendationBatchSummary) });

/** One row of the 推荐汇总表: a scope item of a forwarded application. */
export const recommendationBatchRow = z.object({
  applicationId: z.string(),
  applicationNumber: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  occupation: z.string(),
  levels: z.string(),
  mode: z.string(),
  /** Mean of the experts' total scores (one decimal), null without reviews. */
  expertAverage: z.number().nullable(),
  recommendation: z.string(),
  status: z.string(),
  statusLabel: z.string(),
});
export const recommendationBatchDetail = recommendationBatchSummary.extend({
  rows: z.array(recommendationBatchRow),
  xlsxUrl: z.string(),
  pdfUrl: z.string(),
});
export type RecommendationBatchDetail = z.infer<typeof recommendationBatchDetail>;
