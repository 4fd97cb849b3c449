/**
 * 申报范围结构 (通知第三条: an application asks to be filed for 职业（工种）; docs/domain.md §3: occupation +
 * 工种 + mode is the key of a scope item). An application without items has nothing to review, and the
 * same key twice would give two verdicts for one thing.
 */
import { CLAUSES } from '../clauses';
import { filingModeLabel } from '../filing-mode';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type ScopeStructureContext = Pick<PrecheckContext, 'scopeItems' | 'occupations'>;

/** Normalised key of a scope item; 工种 compared trimmed. */
export const scopeItemKey = (item: { occupationCode: string; jobName: string; mode: string }): string =>
  `${item.occupationCode.trim()}|${item.jobName.trim()}|${item.mode}`;

export function checkScopeStructure(ctx: ScopeStructureContext): RuleFinding[] {
  if (ctx.scopeItems.length === 0) {
    return [
      errorFinding({
        rule: 'SCOPE',
        clause: CLAUSES.occupationScope,
        code: 'EMPTY_APPLICATION',
        message: '申请未填写任何申报职业（工种），无法审核',
        fix: '请至少添加一项申报职业（工种）、等级和评价方式',
      }),
    ];
  }
  const findings: RuleFinding[] = [];
  const firstIndex = new Map<string, number>();
  ctx.scopeItems.forEach((item, index) => {
    const key = scopeItemKey(item);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    findings.push(
      errorFinding({
        rule: 'SCOPE',
        clause: CLAUSES.occupationScope,
        code: 'DUPLICATE_SCOPE_ITEM',
        message: `${itemLabel(item, index, ctx.occupations)}（${filingModeLabel(item.mode)}）与第${first + 1}项重复：同一职业、工种和评价方式只能申报一次`,
        fix: `请删除重复项，需要的等级合并到第${first + 1}项中`,
        scopeItemIndex: index,
      }),
    );
  });
  return findings;
}
