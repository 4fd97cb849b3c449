/**
 * R5 国家职业资格目录限制 (通知第三条; 中就培函〔2022〕50号): occupations still in the 2021 qualification
 * catalogue are certified through qualifications, so they cannot be filed here — except 焊工. The flag is
 * the admin-maintained one (qualification-restriction.ts); an unconfirmed match only warns because
 * wrongly blocking a lawful occupation is the worse error.
 */
import { isExemptFromQualificationRestriction } from '../../qualification-restriction';
import { CLAUSES } from '../clauses';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, warningFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';
import { isKnownOccupation } from './r3-occupation-category';

export type R5Context = Pick<PrecheckContext, 'scopeItems' | 'occupations'>;

const base = { rule: 'R5', clause: `${CLAUSES.occupationScope}；${CLAUSES.welder}` } as const;

export function checkQualificationRestriction(ctx: R5Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  ctx.scopeItems.forEach((item, index) => {
    const occupation = ctx.occupations[item.occupationCode];
    if (!occupation || !isKnownOccupation(ctx, item.occupationCode)) return; // R3 reports it
    if (isExemptFromQualificationRestriction(item.occupationCode)) return;
    const label = itemLabel(item, index, ctx.occupations);
    if (occupation.restrictedByQualification) {
      findings.push(
        errorFinding({
          ...base,
          code: 'OCCUPATION_QUALIFICATION_RESTRICTED',
          message: `${label}：属国家职业资格目录（2021年版）内的职业，实行职业资格评价，不能备案开展职业技能等级认定`,
          fix: '请删除该项；焊工（6-18-02-04）除外',
          scopeItemIndex: index,
        }),
      );
    } else if (occupation.restrictionReview === 'uncertain') {
      findings.push(
        warningFinding({
          ...base,
          code: 'OCCUPATION_RESTRICTION_UNCERTAIN',
          message: `${label}：可能与国家职业资格目录（2021年版）中的资格有关，对应关系待管理员确认`,
          fix: '请确认该职业不属于准入类职业资格；审核时如确认受限将不予通过',
          scopeItemIndex: index,
        }),
      );
    }
  });
  return findings;
}
