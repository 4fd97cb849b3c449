import { describe, expect, it } from 'vitest';
import {
  assertDecisionReviewPeriod,
  DEFAULT_DECISION_REVIEW_PERIOD,
} from '../../src/filing/decision-review-period';
import { DomainError } from '../../src/errors';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('决定书复核申请期限', () => {
  it('defaults to 10 working days, its basis saying the notice is silent', () => {
    expect(DEFAULT_DECISION_REVIEW_PERIOD.workingDays).toBe(10);
    expect(DEFAULT_DECISION_REVIEW_PERIOD.basis).toContain('通知未规定');
  });

  it('accepts a whole number of working days with a basis, trimming the basis', () => {
    expect(assertDecisionReviewPeriod({ workingDays: 15, basis: '  省人社厅决定  ' })).toEqual({
      workingDays: 15,
      basis: '省人社厅决定',
    });
  });

  it.each([0, -3, 2.5, 61])('refuses %s working days', (workingDays) => {
    const e = refusal(() => assertDecisionReviewPeriod({ workingDays, basis: '依据' }));
    expect(e.code).toBe('DECISION_REVIEW_PERIOD_INVALID');
    expect(e.details?.[0]?.field).toBe('workingDays');
    expect(e.message).toContain('工作日');
  });

  it.each(['', '   ', '依'.repeat(201)])('refuses a blank or overlong basis', (basis) => {
    const e = refusal(() => assertDecisionReviewPeriod({ workingDays: 10, basis }));
    expect(e.details?.[0]?.code).toBe('DECISION_REVIEW_BASIS_INVALID');
  });
});
