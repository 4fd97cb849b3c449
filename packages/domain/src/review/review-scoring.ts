/**
 * 专家评审评分表 (通知第五条第二款; docs/domain.md §4 "suggested scoring dimensions"): six dimensions, each an integer
 * score 0–100 with a comment, and per scope item a recommendation, with a reason when not recommended.
 * Validation collects every problem (field + code + Chinese message) so the form can mark them all.
 */
import { invalid, type ErrorDetail } from '../errors';

export const REVIEW_DIMENSIONS = [
  { code: 'organization', name: '组织保障' },
  { code: 'system', name: '制度保障' },
  { code: 'technology', name: '技术支持' },
  { code: 'facilities', name: '基础条件' },
  { code: 'team', name: '队伍建设' },
  { code: 'quality', name: '质量管理' },
] as const;

export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number]['code'];
export const REVIEW_DIMENSION_CODES = REVIEW_DIMENSIONS.map((d) => d.code) as [
  ReviewDimension,
  ...ReviewDimension[],
];
export const REVIEW_DIMENSION_LABELS = Object.fromEntries(
  REVIEW_DIMENSIONS.map((d) => [d.code, d.name]),
) as Readonly<Record<ReviewDimension, string>>;

export const REVIEW_SCORE_MIN = 0;
export const REVIEW_SCORE_MAX = 100;
export const REVIEW_COMMENT_MAX = 2000;

export interface DimensionScore {
  score: number;
  comment: string;
}

export interface ItemRecommendation {
  scopeItemId: string;
  recommend: boolean;
  reason?: string | null | undefined;
}

export interface ReviewForm {
  scores: Partial<Record<string, DimensionScore>>;
  itemRecommendations: readonly ItemRecommendation[];
  overallComment?: string | null | undefined;
}

/** Every problem of the form against the application's scope items (empty when it may be submitted). */
export function reviewFormErrors(form: ReviewForm, scopeItemIds: readonly string[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  for (const { code, name } of REVIEW_DIMENSIONS) {
    const entry = form.scores[code];
    const field = `scores.${code}`;
    if (!entry) {
      errors.push({ code: 'REVIEW_SCORE_MISSING', field, message: `请为"${name}"打分` });
      continue;
    }
    if (
      typeof entry.score !== 'number' ||
      !Number.isInteger(entry.score) ||
      entry.score < REVIEW_SCORE_MIN ||
      entry.score > REVIEW_SCORE_MAX
    ) {
      errors.push({
        code: 'REVIEW_SCORE_OUT_OF_RANGE',
        field: `${field}.score`,
        message: `"${name}"的分数应为${REVIEW_SCORE_MIN}至${REVIEW_SCORE_MAX}之间的整数，当前为"${String(entry.score)}"`,
      });
    }
    if (String(entry.comment ?? '').length > REVIEW_COMMENT_MAX) {
      errors.push({
        code: 'REVIEW_COMMENT_TOO_LONG',
        field: `${field}.comment`,
        message: `"${name}"的评语不超过${REVIEW_COMMENT_MAX}字`,
      });
    }
  }
  for (const key of Object.keys(form.scores)) {
    if (!(REVIEW_DIMENSION_CODES as readonly string[]).includes(key)) {
      errors.push({
        code: 'REVIEW_DIMENSION_UNKNOWN',
        field: `scores.${key}`,
        message: `未知的评分维度"${key}"`,
      });
    }
  }
  const known = new Set(scopeItemIds);
  const seen = new Set<string>();
  form.itemRecommendations.forEach((r, i) => {
    const field = `itemRecommendations.${i}`;
    if (!known.has(r.scopeItemId)) {
      errors.push({
        code: 'REVIEW_ITEM_UNKNOWN',
        field,
        message: '评审意见中包含不属于本申请的职业（工种）',
      });
      return;
    }
    if (seen.has(r.scopeItemId)) {
      errors.push({ code: 'REVIEW_ITEM_DUPLICATE', field, message: '同一职业（工种）只能给出一条推荐意见' });
      return;
    }
    seen.add(r.scopeItemId);
    if (!r.recommend && String(r.reason ?? '').trim().length < 2) {
      errors.push({
        code: 'REVIEW_REASON_REQUIRED',
        field: `${field}.reason`,
        message: '不推荐的职业（工种）须填写理由（至少2个字）',
      });
    }
  });
  const missing = scopeItemIds.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    errors.push({
      code: 'REVIEW_ITEM_MISSING',
      field: 'itemRecommendations',
      message: `还有${missing.length}个申报职业（工种）未给出推荐意见`,
    });
  }
  return errors;
}

/** Throws `REVIEW_INVALID` (with every problem in details) unless the form may be submitted. */
export function assertReviewForm(form: ReviewForm, scopeItemIds: readonly string[]): void {
  const errors = reviewFormErrors(form, scopeItemIds);
  if (errors.length > 0) {
    throw invalid('REVIEW_INVALID', `评分表有${errors.length}处需要修改：${errors[0]!.message}`, errors);
  }
}

export interface DimensionAverage {
  code: ReviewDimension;
  name: string;
  /** Mean over the submitted reviews, rounded to one decimal; null when none. */
  average: number | null;
  count: number;
}

/** Average per dimension over submitted reviews (the city opinion records them). */
export function dimensionAverages(reviews: readonly { scores: ReviewForm['scores'] }[]): DimensionAverage[] {
  return REVIEW_DIMENSIONS.map(({ code, name }) => {
    const values = reviews
      .map((r) => r.scores[code]?.score)
      .filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
    const average =
      values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    return { code, name, average, count: values.length };
  });
}
