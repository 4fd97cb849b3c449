/**
 * R3 职业大类 (通知第三条: "第三、四、五、六类中的技能类职业（工种），重点针对第六大类"). The code must be an
 * occupation of the 大典 (not a 大类/中类/小类), in categories 3–6; since the round targets category 6,
 * items from 3–5 carry a justification [policy: warn].
 */
import { CLAUSES } from '../clauses';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, isBlank, warningFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type R3Context = Pick<PrecheckContext, 'scopeItems' | 'occupations'>;

const ALLOWED_CATEGORIES: readonly number[] = [3, 4, 5, 6];
const FOCUS_CATEGORY = 6;
const base = { rule: 'R3', clause: CLAUSES.occupationScope } as const;

const LEVEL_LABELS = { major: '大类', middle: '中类', minor: '小类', occupation: '职业' } as const;

/** Whether the later per-item rules can reason about the item's occupation (R3 reports otherwise). */
export const isKnownOccupation = (ctx: Pick<PrecheckContext, 'occupations'>, code: string): boolean =>
  ctx.occupations[code]?.level === 'occupation';

export function checkOccupationCategory(ctx: R3Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  ctx.scopeItems.forEach((item, index) => {
    const occupation = ctx.occupations[item.occupationCode];
    const label = itemLabel(item, index, ctx.occupations);
    if (!occupation) {
      findings.push(
        errorFinding({
          ...base,
          code: 'OCCUPATION_NOT_FOUND',
          message: `${label}：职业编码不在现行职业分类大典及新职业目录中`,
          fix: '请从职业目录中选择职业，不要手工填写编码',
          scopeItemIndex: index,
        }),
      );
      return;
    }
    if (occupation.level !== 'occupation') {
      findings.push(
        errorFinding({
          ...base,
          code: 'OCCUPATION_NOT_FOUND',
          message: `${label}：该编码是大典的${LEVEL_LABELS[occupation.level]}，不是具体职业`,
          fix: '请选择到"职业"一级（如 6-18-02-04 焊工），工种可在其下填写',
          scopeItemIndex: index,
        }),
      );
      return;
    }
    if (!ALLOWED_CATEGORIES.includes(occupation.majorCategory)) {
      findings.push(
        errorFinding({
          ...base,
          code: 'OCCUPATION_CATEGORY_NOT_ALLOWED',
          message: `${label}：属大典第${occupation.majorCategory}大类，只有第三至第六大类的技能类职业可以申报`,
          fix: '请删除该项，或改选第三至第六大类中的职业',
          scopeItemIndex: index,
        }),
      );
      return;
    }
    if (occupation.majorCategory !== FOCUS_CATEGORY && isBlank(item.categoryJustification)) {
      findings.push(
        warningFinding({
          ...base,
          code: 'CATEGORY_JUSTIFICATION_MISSING',
          message: `${label}：非第六大类职业需说明理由（本次征集重点针对第六大类"生产制造及有关人员"）`,
          fix: '请在该项中填写申报非第六大类职业的理由',
          scopeItemIndex: index,
        }),
      );
    }
  });
  return findings;
}
