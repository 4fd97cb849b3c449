/**
 * 逐项结论 at the province stages (docs/domain.md §4: "every scope item also carries its own verdict at each
 * stage, so one occupation can fail while the others go on; an application whose items have all failed
 * is rejected"). Shared by 省级评估 and 抽查复核 (通知第五条第三款): a decision on every item still in the
 * running, each exactly once, a reason for every refused item.
 */
import { invalid, type ErrorDetail } from '../errors';
import type { ErrorCode } from '../error-codes';

export interface ItemVerdictInput<V extends string> {
  scopeItemId: string;
  verdict: V;
  reason?: string | null | undefined;
}

export interface ItemVerdict<V extends string> {
  scopeItemId: string;
  verdict: V;
  reason: string | null;
}

/**
 * Checks one verdict per active item (none for other items, none twice); `refused` verdicts need a
 * reason. `code` names the whole refusal (e.g. PROVINCE_REVIEW_ITEMS_INVALID), details name each item.
 */
export function checkItemVerdicts<V extends string>(
  activeItemIds: readonly string[],
  items: readonly ItemVerdictInput<V>[],
  refused: V,
  code: ErrorCode,
  what: string,
): ItemVerdict<V>[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!activeItemIds.includes(item.scopeItemId)) {
      details.push({
        code: 'SCOPE_ITEM_UNKNOWN',
        message: '该条目不属于本申请仍在办理的申报范围',
        field: `items.${i}.scopeItemId`,
      });
    } else if (seen.has(item.scopeItemId)) {
      details.push({
        code: 'SCOPE_ITEM_DUPLICATE',
        message: '同一申报条目只能给出一次结论',
        field: `items.${i}.scopeItemId`,
      });
    } else if (item.verdict === refused && !item.reason?.trim()) {
      details.push({
        code: 'ITEM_REASON_REQUIRED',
        message: '不通过的申报条目须填写理由',
        field: `items.${i}.reason`,
      });
    }
    seen.add(item.scopeItemId);
  });
  const missing = activeItemIds.filter((id) => !seen.has(id)).length;
  if (missing > 0) {
    details.push({
      code: 'SCOPE_ITEM_MISSING',
      message: `还有${missing}个申报职业（工种）未给出结论`,
      field: 'items',
    });
  }
  if (details.length > 0) {
    throw invalid(code, `须对每个申报职业（工种）逐项给出${what}结论，不通过的须填写理由`, details);
  }
  return activeItemIds.map((id) => {
    const item = items.find((i) => i.scopeItemId === id)!;
    return { scopeItemId: id, verdict: item.verdict, reason: item.reason?.trim() || null };
  });
}

/** `REASON_REQUIRED` on the field `reason` (the same code the transition table uses). */
export function requireReason(reason: string | null | undefined, label: string): string {
  const r = reason?.trim();
  if (!r) {
    throw invalid('REASON_REQUIRED', `${label}须填写理由`, [
      { code: 'REASON_REQUIRED', message: `${label}须填写理由`, field: 'reason' },
    ]);
  }
  return r;
}

/** The reasons of refused items as one text, for the transition's reason when every item failed. */
export const joinItemReasons = <V extends string>(items: readonly ItemVerdict<V>[], refused: V): string =>
  items
    .filter((i) => i.verdict === refused && i.reason)
    .map((i) => i.reason)
    .join('；');
