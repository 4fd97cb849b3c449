/**
 * 复核期限 of a decision letter: the working days, from receipt of a 退回/不予通过/不予推荐 letter, within
 * which the applicant may ask for a review, and the basis the letter prints for that period.
 *
 * [policy] The notice (通知第五条) does not set this period; 10 working days is this system's default and
 * its basis text says so. The province centre edits both (docs/domain.md §11).
 */
import { invalid } from '../errors';

export interface DecisionReviewPeriod {
  workingDays: number;
  /** 依据: printed on the letter after the period, e.g. a regulation's article or the policy decision. */
  basis: string;
}

export const MIN_DECISION_REVIEW_WORKING_DAYS = 1;
export const MAX_DECISION_REVIEW_WORKING_DAYS = 60;
export const MAX_DECISION_REVIEW_BASIS_LENGTH = 200;

export const DEFAULT_DECISION_REVIEW_PERIOD: DecisionReviewPeriod = {
  workingDays: 10,
  basis: '省职业技能鉴定中心确定的复核申请期限（征集通知未规定该期限）',
};

/** Checks a period before it is saved; returns it with the basis trimmed. */
export function assertDecisionReviewPeriod(p: DecisionReviewPeriod): DecisionReviewPeriod {
  if (
    !Number.isInteger(p.workingDays) ||
    p.workingDays < MIN_DECISION_REVIEW_WORKING_DAYS ||
    p.workingDays > MAX_DECISION_REVIEW_WORKING_DAYS
  ) {
    const message = `复核申请期限应为${MIN_DECISION_REVIEW_WORKING_DAYS}至${MAX_DECISION_REVIEW_WORKING_DAYS}个工作日之间的整数，当前为"${p.workingDays}"`;
    throw invalid('DECISION_REVIEW_PERIOD_INVALID', message, [
      { code: 'DECISION_REVIEW_DAYS_INVALID', message, field: 'workingDays' },
    ]);
  }
  const basis = p.basis.trim();
  if (!basis || basis.length > MAX_DECISION_REVIEW_BASIS_LENGTH) {
    const message = `请填写复核申请期限的依据（1至${MAX_DECISION_REVIEW_BASIS_LENGTH}字）`;
    throw invalid('DECISION_REVIEW_PERIOD_INVALID', message, [
      { code: 'DECISION_REVIEW_BASIS_INVALID', message, field: 'basis' },
    ]);
  }
  return { workingDays: p.workingDays, basis };
}
