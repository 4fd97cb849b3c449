/**
 * Why an occupation cannot be filed at all, for the picker to grey it out with its clause instead of
 * hiding it: outside 大典 categories 3–6 (R3, 通知第三条), in the national vocational qualification
 * catalogue (R5, 通知第三条; 焊工 excepted), or without a national standard on file (R4, 通知第三条).
 * The same rules judge the saved item in the pre-check; this only tells the applicant before they pick.
 */
import { isExemptFromQualificationRestriction } from '../qualification-restriction';
import { CLAUSES } from './clauses';

export interface OccupationExclusion {
  rule: 'R3' | 'R4' | 'R5';
  clause: string;
  /** One sentence, in Chinese, naming the clause. */
  reason: string;
}

export interface ExclusionFacts {
  code: string;
  majorCategory: number;
  restrictedByQualification: boolean;
  standardCount: number;
}

const FILABLE_CATEGORIES: readonly number[] = [3, 4, 5, 6];

export function occupationExclusion(o: ExclusionFacts): OccupationExclusion | null {
  const clause = CLAUSES.occupationScope;
  if (!FILABLE_CATEGORIES.includes(o.majorCategory))
    return {
      rule: 'R3',
      clause,
      reason: `属职业分类大典第${o.majorCategory}大类，${clause}只征集第三至第六大类的技能类职业，不能申报`,
    };
  if (o.restrictedByQualification && !isExemptFromQualificationRestriction(o.code))
    return {
      rule: 'R5',
      clause,
      reason: `列入国家职业资格目录，实行职业资格评价，按${clause}不能申报`,
    };
  if (o.standardCount === 0)
    return { rule: 'R4', clause, reason: `尚无国家职业技能标准，按${clause}不能申报` };
  return null;
}
