/**
 * 抽查复核结果 (通知第五条第三款 "实地抽查复核"; docs/domain.md §4, R11): the drawn inspectors record one joint
 * result per target — pass or fail, the findings, a verdict per scope item still in the running:
 *  - pass: each item passes or fails (reason required); the application is cleared with its passed
 *    items; when every item fails the result is a fail;
 *  - fail: the application is rejected, reason required (it goes into the decision letter); every item
 *    fails with its own reason when given, else the overall reason.
 * The result is locked once recorded.
 */
import {
  checkItemVerdicts,
  joinItemReasons,
  requireReason,
  type ItemVerdict,
  type ItemVerdictInput,
} from './item-verdicts';

export const SPOT_CHECK_OUTCOMES = ['pass', 'fail'] as const;
export type SpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];

export const SPOT_CHECK_OUTCOME_LABELS: Readonly<Record<SpotCheckOutcome | 'withdrawn' | 'pending', string>> =
  {
    pass: '复核通过',
    fail: '复核不通过',
    withdrawn: '申请已撤回',
    pending: '待录入',
  };

export type SpotCheckItemVerdict = 'pass' | 'fail';

export interface SpotCheckResultPlan {
  action: 'spot_check_pass' | 'spot_check_fail';
  outcome: SpotCheckOutcome;
  reason: string | null;
  items: ItemVerdict<SpotCheckItemVerdict>[];
}

/** Errors: `SPOT_CHECK_ITEMS_INVALID` (400, details per item), `REASON_REQUIRED` (400, field reason). */
export function planSpotCheckResult(input: {
  outcome: SpotCheckOutcome;
  activeItemIds: readonly string[];
  items?: readonly ItemVerdictInput<SpotCheckItemVerdict>[] | undefined;
  reason?: string | null | undefined;
}): SpotCheckResultPlan {
  const reason = input.reason?.trim() || null;
  if (input.outcome === 'fail') {
    const overall = requireReason(reason, '抽查复核不通过');
    const given = new Map((input.items ?? []).map((i) => [i.scopeItemId, i.reason?.trim() || null]));
    return {
      action: 'spot_check_fail',
      outcome: 'fail',
      reason: overall,
      items: input.activeItemIds.map((id) => ({
        scopeItemId: id,
        verdict: 'fail',
        reason: given.get(id) ?? overall,
      })),
    };
  }
  const items = checkItemVerdicts(
    input.activeItemIds,
    input.items ?? [],
    'fail',
    'SPOT_CHECK_ITEMS_INVALID',
    '抽查复核',
  );
  if (items.some((i) => i.verdict === 'pass')) {
    return { action: 'spot_check_pass', outcome: 'pass', reason, items };
  }
  return {
    action: 'spot_check_fail',
    outcome: 'fail',
    reason: reason ?? `各申报职业（工种）均未通过抽查复核：${joinItemReasons(items, 'fail')}`,
    items,
  };
}
