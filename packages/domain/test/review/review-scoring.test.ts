import { describe, expect, it } from 'vitest';
import {
  assertReviewForm,
  dimensionAverages,
  REVIEW_DIMENSIONS,
  reviewFormErrors,
  type ReviewForm,
} from '../../src/review/review-scoring';

const full = (score = 80): ReviewForm['scores'] =>
  Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d.code, { score, comment: `${d.name}良好` }]));

const codes = (form: ReviewForm, items: string[]) => reviewFormErrors(form, items).map((e) => e.code);

describe('review scoring form', () => {
  it('has the six dimensions of docs/domain.md §4 in order', () => {
    expect(REVIEW_DIMENSIONS.map((d) => d.name)).toEqual([
      '组织保障',
      '制度保障',
      '技术支持',
      '基础条件',
      '队伍建设',
      '质量管理',
    ]);
    expect(REVIEW_DIMENSIONS.map((d) => d.code)).toEqual([
      'organization',
      'system',
      'technology',
      'facilities',
      'team',
      'quality',
    ]);
  });

  it('accepts a complete form', () => {
    const form: ReviewForm = {
      scores: full(),
      itemRecommendations: [
        { scopeItemId: 'a', recommend: true },
        { scopeItemId: 'b', recommend: false, reason: '实操场地工位不足' },
      ],
    };
    expect(reviewFormErrors(form, ['a', 'b'])).toEqual([]);
    expect(() => assertReviewForm(form, ['a', 'b'])).not.toThrow();
  });

  it('refuses scores outside 0–100 or not integers, and missing or unknown dimensions', () => {
    const scores = full();
    scores.organization = { score: 101, comment: '' };
    scores.system = { score: 85.5, comment: '' };
    scores.team = { score: -1, comment: '' };
    delete scores.quality;
    scores.extra = { score: 1, comment: '' };
    const form = { scores, itemRecommendations: [{ scopeItemId: 'a', recommend: true }] };
    expect(codes(form, ['a'])).toEqual([
      'REVIEW_SCORE_OUT_OF_RANGE',
      'REVIEW_SCORE_OUT_OF_RANGE',
      'REVIEW_SCORE_OUT_OF_RANGE',
      'REVIEW_SCORE_MISSING',
      'REVIEW_DIMENSION_UNKNOWN',
    ]);
    expect(() => assertReviewForm(form, ['a'])).toThrow(expect.objectContaining({ code: 'REVIEW_INVALID' }));
  });

  it('needs a reason when an item is not recommended, and one verdict per item of this application', () => {
    expect(
      codes({ scores: full(), itemRecommendations: [{ scopeItemId: 'a', recommend: false, reason: ' ' }] }, [
        'a',
      ]),
    ).toEqual(['REVIEW_REASON_REQUIRED']);
    expect(
      codes(
        {
          scores: full(),
          itemRecommendations: [
            { scopeItemId: 'a', recommend: true },
            { scopeItemId: 'a', recommend: true },
            { scopeItemId: 'x', recommend: true },
          ],
        },
        ['a', 'b'],
      ),
    ).toEqual(['REVIEW_ITEM_DUPLICATE', 'REVIEW_ITEM_UNKNOWN', 'REVIEW_ITEM_MISSING']);
  });

  it('averages each dimension over the submitted reviews', () => {
    const a = dimensionAverages([{ scores: full(80) }, { scores: full(91) }, { scores: full(90) }]);
    expect(a[0]).toEqual({ code: 'organization', name: '组织保障', average: 87, count: 3 });
    expect(dimensionAverages([])[5]).toEqual({ code: 'quality', name: '质量管理', average: null, count: 0 });
  });
});
