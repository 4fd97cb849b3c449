/**
 * 省级评估 (通知第五条第三款 "省厅鉴定中心对市州人社部门汇总申报材料评估"; docs/domain.md §4): the province centre
 * evaluates every forwarded application and decides, with a verdict per scope item still in the running:
 *  - pass: each item passes or is refused (reason required); the application goes to the spot-check
 *    pool with its passed items; when every item is refused the application is rejected instead;
 *  - return: back to the city (已核验) with a reason, item verdicts unchanged (the city reviews again);
 *  - reject: the application is rejected with a reason and a decision letter; every item is refused
 *    (with its own reason when given, else the overall reason).
 */
import {
  checkItemVerdicts,
  joinItemReasons,
  requireReason,
  type ItemVerdict,
  type ItemVerdictInput,
} from './item-verdicts';

export const PROVINCE_REVIEW_DECISIONS = ['pass', 'return', 'reject'] as const;
export type ProvinceReviewDecision = (typeof PROVINCE_REVIEW_DECISIONS)[number];

export const PROVINCE_REVIEW_DECISION_LABELS: Readonly<Record<ProvinceReviewDecision, string>> = {
  pass: '评估通过',
  return: '退回市州',
  reject: '不予通过',
};

export type ProvinceItemVerdict = 'pass' | 'reject';

export interface ProvinceReviewPlan {
  /** The transition to record. */
  action: 'province_pass' | 'province_return' | 'province_reject';
  /** What is stored as the review's outcome (pass with every item refused is stored as reject). */
  outcome: ProvinceReviewDecision;
  reason: string | null;
  /** One per active item (empty on return). */
  items: ItemVerdict<ProvinceItemVerdict>[];
}

/**
 * Decides what a province review does. `activeItemIds`: the scope items still in the running (verdict
 * not in not_recommended / rejected / held). Errors: `PROVINCE_REVIEW_ITEMS_INVALID` (400, details per
 * item) and `REASON_REQUIRED` (400, field reason).
 */
export function planProvinceReview(input: {
  decision: ProvinceReviewDecision;
  activeItemIds: readonly string[];
  items?: readonly ItemVerdictInput<ProvinceItemVerdict>[] | undefined;
  reason?: string | null | undefined;
}): ProvinceReviewPlan {
  const reason = input.reason?.trim() || null;
  switch (input.decision) {
    case 'return':
      return {
        action: 'province_return',
        outcome: 'return',
        reason: requireReason(reason, '退回市州'),
        items: [],
      };
    case 'reject': {
      const overall = requireReason(reason, '省级评估不予通过');
      const given = new Map((input.items ?? []).map((i) => [i.scopeItemId, i.reason?.trim() || null]));
      return {
        action: 'province_reject',
        outcome: 'reject',
        reason: overall,
        items: input.activeItemIds.map((id) => ({
          scopeItemId: id,
          verdict: 'reject',
          reason: given.get(id) ?? overall,
        })),
      };
    }
    case 'pass': {
      const items = checkItemVerdicts(
        input.activeItemIds,
        input.items ?? [],
        'reject',
        'PROVINCE_REVIEW_ITEMS_INVALID',
        '省级评估',
      );
      if (items.some((i) => i.verdict === 'pass')) {
        return { action: 'province_pass', outcome: 'pass', reason, items };
      }
      // Every item refused: the application is rejected (docs/domain.md §4), citing the item reasons.
      return {
        action: 'province_reject',
        outcome: 'reject',
        reason: reason ?? `各申报职业（工种）均未通过省级评估：${joinItemReasons(items, 'reject')}`,
        items,
      };
    }
  }
}
