/**
 * 专家回避 (docs/domain.md §2, §6; 通知第五条第二款): who may not review an application, with the rule and a reason
 * in Chinese that is frozen into the draw record. Pure: the server supplies the pool, the applicant and
 * the earlier reviews; the time window is a [policy] value (default 365 days).
 *
 * Rules:
 *  - same_employer: the expert works for the applicant (unit credit code = applicant's credit code);
 *  - declared_conflict: the expert declared a conflict of interest with the applicant's credit code;
 *  - prior_rejected_review: the expert reviewed an earlier application of the same organization that
 *    ended rejected / not recommended, within the policy window before the draw;
 *  - already_assigned / previously_replaced: on a replacement draw, the experts already on (or taken
 *    off) this application's panel are not drawn again.
 */

import { declaredConflictWith, worksFor, type PoolMemberForRecusal } from '../pool/pool-member';

export const DEFAULT_RECUSAL_DAYS = 365;
export const DEFAULT_EXPERT_DRAW_COUNT = 3;

export const RECUSAL_RULES = [
  'same_employer',
  'declared_conflict',
  'prior_rejected_review',
  'already_assigned',
  'previously_replaced',
] as const;
export type RecusalRule = (typeof RECUSAL_RULES)[number];

export const RECUSAL_RULE_LABELS: Readonly<Record<RecusalRule, string>> = {
  same_employer: '本单位人员',
  declared_conflict: '申报利益冲突',
  prior_rejected_review: '曾评审该单位未通过的申请',
  already_assigned: '已在本申请专家组',
  previously_replaced: '已被替换',
};

/** An expert as the draw sees it: the public code, never the name or phone. */
export interface PoolExpert extends PoolMemberForRecusal {
  cityCode: string;
  occupationCodes: readonly string[];
  active: boolean;
}

/** An earlier review by an expert of an application of the same organization that did not pass. */
export interface PriorRejectedReview {
  expertCode: string;
  applicationNumber: string | null;
  /** When the review was submitted (ISO timestamp). */
  reviewedAt: string;
}

export interface DrawApplication {
  /** The application's city, or the pseudo-city 430000 for province-level units. */
  cityCode: string;
  /** The applicant's 统一社会信用代码. */
  creditCode: string;
  occupationCodes: readonly string[];
  priorRejectedReviews?: readonly PriorRejectedReview[];
  /** Experts currently on this application's panel (assigned or submitted). */
  assignedExpertCodes?: readonly string[];
  /** Experts earlier replaced on this application. */
  replacedExpertCodes?: readonly string[];
}

export interface RecusalOptions {
  /** The moment of the draw (ISO timestamp); the window counts back from here. */
  asOf: string;
  /** [policy] window for prior_rejected_review, in days; default 365. */
  withinDays?: number;
}

export interface Recusal {
  expertCode: string;
  rule: RecusalRule;
  reason: string;
}

const DAY_MS = 86_400_000;

/**
 * The recusals among `pool` for `application`: at most one entry per expert and rule, in pool order,
 * rules in the order of {@link RECUSAL_RULES}.
 */
export function recusalsFor(
  pool: readonly PoolExpert[],
  application: DrawApplication,
  options: RecusalOptions,
): Recusal[] {
  const withinDays = options.withinDays ?? DEFAULT_RECUSAL_DAYS;
  const asOf = Date.parse(options.asOf);
  if (Number.isNaN(asOf)) throw new RangeError(`recusalsFor: asOf "${options.asOf}" is not a timestamp`);
  const applicant = application.creditCode;
  const assigned = new Set(application.assignedExpertCodes ?? []);
  const replaced = new Set(application.replacedExpertCodes ?? []);
  const out: Recusal[] = [];
  for (const expert of pool) {
    if (worksFor(expert, applicant)) {
      out.push({
        expertCode: expert.code,
        rule: 'same_employer',
        reason: '专家所在单位即申报单位，本单位人员回避',
      });
    }
    const conflict = declaredConflictWith(expert, applicant);
    if (conflict) {
      out.push({
        expertCode: expert.code,
        rule: 'declared_conflict',
        reason: `专家已申报与申报单位存在利益冲突：${conflict.reason.replace(/\s+/g, ' ').trim()}`,
      });
    }
    const prior = (application.priorRejectedReviews ?? [])
      .filter((r) => r.expertCode === expert.code)
      .map((r) => ({ ...r, at: Date.parse(r.reviewedAt) }))
      .filter((r) => !Number.isNaN(r.at) && r.at <= asOf && asOf - r.at <= withinDays * DAY_MS)
      .sort((a, b) => b.at - a.at)[0];
    if (prior) {
      out.push({
        expertCode: expert.code,
        rule: 'prior_rejected_review',
        reason: `专家${withinDays}日内曾评审该单位未通过的申请${prior.applicationNumber ? `（${prior.applicationNumber}）` : ''}，回避`,
      });
    }
    if (assigned.has(expert.code)) {
      out.push({ expertCode: expert.code, rule: 'already_assigned', reason: '专家已在本申请的评审专家组中' });
    } else if (replaced.has(expert.code)) {
      out.push({
        expertCode: expert.code,
        rule: 'previously_replaced',
        reason: '专家此前已从本申请的评审专家组中替换',
      });
    }
  }
  return out;
}

/**
 * The recusal list as committed in the draw record: one canonical line per entry (a JSON array of
 * code, rule and reason, so a reason can never break the line format); hash it with `hashPool`.
 */
export function recusalLines(recusals: readonly Recusal[]): string[] {
  return recusals.map((r) => JSON.stringify([r.expertCode, r.rule, r.reason]));
}
