import { describe, expect, it } from 'vitest';
import { planProvinceReview } from '../../src/province/province-review';
import { planSpotCheckResult } from '../../src/province/spot-check-result';

const ITEMS = ['i1', 'i2'];

describe('省级评估 (planProvinceReview)', () => {
  it.each([
    [
      'every item passes → spot-check pool',
      { decision: 'pass' as const, items: [ok('i1'), ok('i2')] },
      'province_pass',
      ['pass', 'pass'],
    ],
    [
      'one item refused → pass with that item rejected',
      { decision: 'pass' as const, items: [ok('i1'), no('i2', '场地不符合')] },
      'province_pass',
      ['pass', 'reject'],
    ],
    [
      'every item refused → rejected',
      { decision: 'pass' as const, items: [no('i1', '缺少题库'), no('i2', '场地不符合')] },
      'province_reject',
      ['reject', 'reject'],
    ],
    [
      'reject → every item rejected',
      { decision: 'reject' as const, reason: '材料不实', items: [] },
      'province_reject',
      ['reject', 'reject'],
    ],
    [
      'return → item verdicts untouched',
      { decision: 'return' as const, reason: '请补充评估' },
      'province_return',
      [],
    ],
  ])('%s', (_, input, action, verdicts) => {
    const plan = planProvinceReview({ activeItemIds: ITEMS, ...input });
    expect(plan.action).toBe(action);
    expect(plan.items.map((i) => i.verdict)).toEqual(verdicts);
  });

  it('names the item reasons when every item is refused, and the overall reason on reject', () => {
    const all = planProvinceReview({
      decision: 'pass',
      activeItemIds: ITEMS,
      items: [no('i1', '缺少题库'), no('i2', '场地不符合')],
    });
    expect(all.reason).toContain('缺少题库；场地不符合');
    const rejected = planProvinceReview({
      decision: 'reject',
      activeItemIds: ITEMS,
      reason: '材料不实',
      items: [no('i1', '题库造假')],
    });
    expect(rejected.items.map((i) => i.reason)).toEqual(['题库造假', '材料不实']);
  });

  it.each([
    ['a missing item', [ok('i1')], 'SCOPE_ITEM_MISSING'],
    ['an item twice', [ok('i1'), ok('i1'), ok('i2')], 'SCOPE_ITEM_DUPLICATE'],
    ['an item of another application', [ok('i1'), ok('i2'), ok('x9')], 'SCOPE_ITEM_UNKNOWN'],
    ['a refused item without reason', [ok('i1'), no('i2', '  ')], 'ITEM_REASON_REQUIRED'],
  ])('refuses %s (400 PROVINCE_REVIEW_ITEMS_INVALID)', (_, items, detail) => {
    expect(() => planProvinceReview({ decision: 'pass', activeItemIds: ITEMS, items })).toThrow(
      expect.objectContaining({
        code: 'PROVINCE_REVIEW_ITEMS_INVALID',
        kind: 'invalid',
        details: expect.arrayContaining([expect.objectContaining({ code: detail })]),
      }),
    );
  });

  it.each(['return', 'reject'] as const)('%s needs a reason', (decision) => {
    expect(() => planProvinceReview({ decision, activeItemIds: ITEMS, reason: ' ' })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
  });
});

describe('抽查复核结果 (planSpotCheckResult)', () => {
  it('pass clears with failed items marked, all items failing is a fail, fail needs a reason', () => {
    const pass = planSpotCheckResult({
      outcome: 'pass',
      activeItemIds: ITEMS,
      items: [
        { scopeItemId: 'i1', verdict: 'pass' },
        { scopeItemId: 'i2', verdict: 'fail', reason: '工位不足' },
      ],
    });
    expect(pass.action).toBe('spot_check_pass');
    expect(pass.items.map((i) => i.verdict)).toEqual(['pass', 'fail']);
    const allFail = planSpotCheckResult({
      outcome: 'pass',
      activeItemIds: ITEMS,
      items: [
        { scopeItemId: 'i1', verdict: 'fail', reason: '无视频监控' },
        { scopeItemId: 'i2', verdict: 'fail', reason: '工位不足' },
      ],
    });
    expect(allFail.action).toBe('spot_check_fail');
    expect(allFail.reason).toContain('无视频监控；工位不足');
    expect(() => planSpotCheckResult({ outcome: 'fail', activeItemIds: ITEMS })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    const fail = planSpotCheckResult({ outcome: 'fail', activeItemIds: ITEMS, reason: '现场与材料严重不符' });
    expect(fail.items.every((i) => i.verdict === 'fail' && i.reason === '现场与材料严重不符')).toBe(true);
    expect(() =>
      planSpotCheckResult({
        outcome: 'pass',
        activeItemIds: ITEMS,
        items: [{ scopeItemId: 'i1', verdict: 'pass' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'SPOT_CHECK_ITEMS_INVALID' }));
  });
});

function ok(id: string) {
  return { scopeItemId: id, verdict: 'pass' as const };
}
function no(id: string, reason: string) {
  return { scopeItemId: id, verdict: 'reject' as const, reason };
}
