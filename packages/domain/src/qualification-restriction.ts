/**
 * R5 — occupations still covered by the 国家职业资格目录（2021年版）(skill part, mostly 准入类 tied to public
 * safety) are certified through qualifications, not skill levels, and cannot be filed here (通知 §三).
 *
 * Exception: 焊工 (6-18-02-04) may be evaluated through 职业技能等级认定 although its work is also covered by
 * the 特种作业 / 特种设备 permits and the nuclear-equipment welder items (中就培函〔2022〕50号). So 焊工 is
 * never flagged, whatever the catalogue match says.
 *
 * The flag itself is an admin-maintained dictionary entry, seeded from
 * reference-data/qualification-catalogue-2021.json: a same-name match (confidence 'high') is taken as
 * confirmed and blocks filing; a renamed, broader or partial match (e.g. 电工 only through the 特种作业
 * permit) is NOT taken as a restriction: it is marked 'uncertain' and listed for an admin to confirm,
 * because wrongly blocking a lawful skill-level occupation is the worse error (the application
 * pre-check can warn about it meanwhile).
 */
import { invalid } from './errors';

export const WELDER_OCCUPATION_CODE = '6-18-02-04';
export const R5_WELDER_EXCEPTION_CLAUSE = '中就培函〔2022〕50号';

/** How the catalogue item was matched to the occupation (qualification-catalogue-2021.json). */
export type CatalogueMatchConfidence = 'high' | 'medium' | 'low' | 'uncertain';

/** none = not in the catalogue; uncertain = weak match, not restricted until an admin confirms it. */
export type RestrictionReview = 'none' | 'uncertain' | 'confirmed';

export interface CatalogueMatch {
  /** The catalogue item, e.g. '保安员', '特种作业人员'. */
  qualification: string;
  confidence: CatalogueMatchConfidence;
}

export interface QualificationRestriction {
  restrictedByQualification: boolean;
  restrictionReview: RestrictionReview;
  /** Why, in Chinese (shown to the admin and kept on the occupation). */
  note: string | null;
}

const CONFIDENCE_LABEL: Record<CatalogueMatchConfidence, string> = {
  high: '同名',
  medium: '相近',
  low: '部分对应',
  uncertain: '待定',
};

/** Whether the R5 exception applies (焊工, 中就培函〔2022〕50号). */
export const isExemptFromQualificationRestriction = (occupationCode: string): boolean =>
  occupationCode === WELDER_OCCUPATION_CODE;

/** The seeded R5 flag of one occupation from its catalogue matches (possibly none). */
export function restrictionFromCatalogue(
  occupationCode: string,
  matches: readonly CatalogueMatch[],
): QualificationRestriction {
  if (isExemptFromQualificationRestriction(occupationCode)) {
    return {
      restrictedByQualification: false,
      restrictionReview: matches.length > 0 ? 'confirmed' : 'none',
      note:
        matches.length > 0
          ? `焊工按${R5_WELDER_EXCEPTION_CLAUSE}可开展职业技能等级认定，不受国家职业资格目录限制`
          : null,
    };
  }
  if (matches.length === 0)
    return { restrictedByQualification: false, restrictionReview: 'none', note: null };
  const confirmed = matches.some((m) => m.confidence === 'high');
  const items = matches.map((m) => `${m.qualification}（${CONFIDENCE_LABEL[m.confidence]}）`).join('、');
  return {
    restrictedByQualification: confirmed,
    restrictionReview: confirmed ? 'confirmed' : 'uncertain',
    note: `国家职业资格目录（2021年版）：${items}${confirmed ? '' : '；对应关系待管理员确认'}`,
  };
}

/** An admin may clear or set the flag, but never flag 焊工 (R5 exception). */
export function assertRestrictionChangeAllowed(occupationCode: string, restricted: boolean): void {
  if (restricted && isExemptFromQualificationRestriction(occupationCode)) {
    throw invalid(
      'R5_WELDER_EXCEPTION',
      `焊工（${WELDER_OCCUPATION_CODE}）按${R5_WELDER_EXCEPTION_CLAUSE}可开展职业技能等级认定，不能标记为受职业资格目录限制`,
    );
  }
}
