/** 专家库、专家抽取、专家评审 (通知第五条第二款): request and response schemas. */
import { z } from 'zod';
import { REVIEW_DIMENSION_CODES, REVIEW_SCORE_MAX, REVIEW_SCORE_MIN } from '@skillcert/domain';
import { page, reasonField } from './common';
import {
  createPoolMemberResponse,
  declaredConflict,
  poolAccountField,
  poolCityCodeField,
  poolListQuery,
  poolMemberDto,
  poolMemberFields,
  updatePoolMemberFields,
} from './pools';

const occupationCodeField = z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/, '职业编码格式应为 X-XX-XX-XX');
const uuidField = z.string().regex(/^[0-9a-f-]{36}$/i, '编号格式不正确');
const occupationCodesField = z.array(occupationCodeField).min(1, '至少选择一个可评审的职业').max(50);

export const expertConflict = declaredConflict;

/** An expert: a pool member with the occupations they may review. */
export const expertDto = poolMemberDto.extend({
  occupationCodes: z.array(z.string()),
  occupations: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
});
export type ExpertDto = z.infer<typeof expertDto>;
export const expertList = page(expertDto);

export const expertListQuery = poolListQuery.extend({ occupationCode: occupationCodeField.optional() });

export const createExpertRequest = z.strictObject({
  ...poolMemberFields,
  occupationCodes: occupationCodesField,
  /** city_bureau: forced to the bureau's own city. */
  cityCode: poolCityCodeField.optional(),
  ...poolAccountField,
});
export const createExpertResponse = createPoolMemberResponse;

export const updateExpertRequest = z.strictObject({
  ...updatePoolMemberFields,
  occupationCodes: occupationCodesField.optional(),
});

export const expertDrawRequest = z.strictObject({
  /** Default: the [policy] count (3). Ignored for a replacement, which draws as many as are replaced. */
  count: z.number().int().min(1).max(15).optional(),
  /** Required for a replacement (any draw after the first). */
  reason: reasonField.optional(),
  /** A replacement replaces these experts (default: every expert who has not submitted yet). */
  replaceExpertIds: z.array(uuidField).min(1).max(15).optional(),
});

export const drawRecusal = z.object({ expertCode: z.string(), rule: z.string(), reason: z.string() });

export const drawRecord = z.object({
  id: z.string(),
  kind: z.string(),
  applicationId: z.string().nullable(),
  cityCode: z.string().nullable(),
  algorithmVersion: z.string(),
  params: z.record(z.string(), z.unknown()),
  pool: z.array(z.string()),
  poolHash: z.string(),
  recusals: z.array(drawRecusal),
  recusalHash: z.string(),
  seedHash: z.string(),
  seed: z.string().nullable(),
  result: z.array(z.string()).nullable(),
  status: z.string(),
  reason: z.string().nullable(),
  replacesDrawId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  drawnAt: z.string().nullable(),
});
export const drawnExpert = z.object({
  assignmentId: z.string(),
  expertId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  status: z.string(),
});
export const expertDrawResponse = z.object({ draw: drawRecord, experts: z.array(drawnExpert) });
export const expertDrawList = z.object({
  items: z.array(drawRecord),
  assignments: z.array(
    drawnExpert.extend({ drawId: z.string(), assignedAt: z.string(), replacedReason: z.string().nullable() }),
  ),
});

export const drawReplayResponse = z.object({
  drawId: z.string(),
  matches: z.boolean(),
  mismatches: z.array(z.string()),
  error: z.string().nullable(),
  algorithmVersion: z.string(),
  recomputed: z.object({
    poolHash: z.string(),
    recusalHash: z.string(),
    seedHash: z.string(),
    result: z.array(z.string()).nullable(),
  }),
  stored: z.object({
    poolHash: z.string(),
    recusalHash: z.string(),
    seedHash: z.string(),
    result: z.array(z.string()).nullable(),
  }),
});

export const myAssignment = z.object({
  assignmentId: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  applicationStatus: z.string(),
  organizationName: z.string(),
  cityCode: z.string(),
  occupations: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  status: z.string(),
  statusLabel: z.string(),
  /** What the expert may do with the assignment now (the assignment machine's allowed actions). */
  allowedActions: z.array(z.enum(['submit', 'replace'])),
  assignedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** The expert's own submitted review (read-only once submitted), so the locked form can show it. */
  review: z
    .object({
      scores: z.record(z.string(), z.object({ score: z.number(), comment: z.string().nullish() })),
      itemRecommendations: z.array(
        z.object({ scopeItemId: z.string(), recommend: z.boolean(), reason: z.string().nullish() }),
      ),
      overallComment: z.string().nullable(),
    })
    .nullable(),
});
export const myAssignmentList = z.object({ items: z.array(myAssignment) });

const dimensionScore = z.strictObject({
  score: z
    .number()
    .int('分数应为整数')
    .min(REVIEW_SCORE_MIN, `分数不低于${REVIEW_SCORE_MIN}`)
    .max(REVIEW_SCORE_MAX, `分数不高于${REVIEW_SCORE_MAX}`),
  comment: z.string().trim().max(2000).default(''),
});
export const reviewScores = z.strictObject(
  Object.fromEntries(REVIEW_DIMENSION_CODES.map((c) => [c, dimensionScore])) as Record<
    (typeof REVIEW_DIMENSION_CODES)[number],
    typeof dimensionScore
  >,
);
export const submitReviewRequest = z.strictObject({
  scores: reviewScores,
  itemRecommendations: z
    .array(
      z.strictObject({
        scopeItemId: z.string(),
        recommend: z.boolean(),
        reason: z.string().trim().max(1000).optional(),
      }),
    )
    .max(200),
  overallComment: z.string().trim().max(4000).optional(),
});
export type SubmitReviewRequest = z.infer<typeof submitReviewRequest>;

export const expertReviewDto = z.object({
  id: z.string(),
  assignmentId: z.string(),
  expertId: z.string(),
  expertCode: z.string(),
  expertName: z.string(),
  expertUnit: z.string(),
  scores: z.record(z.string(), z.object({ score: z.number(), comment: z.string() })),
  itemRecommendations: z.array(
    z.object({ scopeItemId: z.string(), recommend: z.boolean(), reason: z.string().nullable().optional() }),
  ),
  overallComment: z.string().nullable(),
  submittedAt: z.string(),
});
export const expertReviewList = z.object({
  items: z.array(expertReviewDto),
  dimensions: z.array(
    z.object({ code: z.string(), name: z.string(), average: z.number().nullable(), count: z.number() }),
  ),
  assigned: z.number(),
  submitted: z.number(),
});
