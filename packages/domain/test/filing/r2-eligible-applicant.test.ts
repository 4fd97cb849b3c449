import { describe, expect, it } from 'vitest';
import type { PrecheckContext } from '../../src/filing/precheck-context';
import { checkEligibleApplicant } from '../../src/filing/rules/r2-eligible-applicant';
import { baseContext, errorsOf, warningsOf } from './precheck-fixture';

const ctx = (
  kind: PrecheckContext['organization']['kind'],
  facts: PrecheckContext['facts'],
  over: Partial<PrecheckContext['organization']> = {},
  hasProvinceSelfEvaluationFiling = true,
): PrecheckContext => {
  const base = baseContext();
  return {
    ...base,
    organization: { ...base.organization, kind, ...over },
    facts,
    hasProvinceSelfEvaluationFiling,
  };
};

const OTHER_OK = {
  hasEvaluationExperience: true,
  mainDutyIsTrainingOrEvaluation: true,
  fieldInfluence: '省级行业协会',
};

describe('R2 申报单位范围 (通知第一条)', () => {
  it.each([
    ['规上 enterprise filed for self-evaluation', ctx('enterprise', {})],
    ['技工院校', ctx('school', { schoolType: 'technical' })],
    ['职业院校', ctx('school', { schoolType: 'vocational' })],
    ['高等院校（应用型学科）', ctx('school', { schoolType: 'higher_applied' })],
    ['other body with experience, main duty and influence', ctx('other', OTHER_OK)],
  ])('passes: %s', (_case, c) => {
    expect(checkEligibleApplicant(c)).toEqual([]);
  });

  it.each([
    [
      'enterprise not 规上',
      ctx('enterprise', {}, { isAboveScale: false }),
      ['ENTERPRISE_NOT_ABOVE_SCALE'],
      [],
      '通知第一条第二款',
    ],
    [
      'enterprise without self-evaluation filing',
      ctx('enterprise', {}, {}, false),
      ['ENTERPRISE_SELF_EVALUATION_FILING_MISSING'],
      [],
      '通知第一条第二款',
    ],
    [
      'enterprise missing both',
      ctx('enterprise', {}, { isAboveScale: false }, false),
      ['ENTERPRISE_NOT_ABOVE_SCALE', 'ENTERPRISE_SELF_EVALUATION_FILING_MISSING'],
      [],
      '通知第一条第二款',
    ],
    ['school type not declared', ctx('school', {}), ['SCHOOL_TYPE_REQUIRED'], [], '通知第一条第一款'],
    [
      'other school type',
      ctx('school', { schoolType: 'other' }),
      ['SCHOOL_TYPE_NOT_ELIGIBLE'],
      [],
      '通知第一条第一款',
    ],
    [
      'school without a recorded self-evaluation filing',
      ctx('school', { schoolType: 'technical' }, {}, false),
      [],
      ['SCHOOL_SELF_EVALUATION_FILING_NOT_FOUND'],
      '通知第一条第一款',
    ],
    [
      'other body without experience',
      ctx('other', { ...OTHER_OK, hasEvaluationExperience: false }),
      ['EVALUATION_EXPERIENCE_REQUIRED'],
      [],
      '通知第一条第三款',
    ],
    [
      'other body whose main duty is something else',
      ctx('other', { ...OTHER_OK, mainDutyIsTrainingOrEvaluation: undefined }),
      ['MAIN_DUTY_NOT_TRAINING_OR_EVALUATION'],
      [],
      '通知第一条第三款',
    ],
    [
      'other body without influence evidence',
      ctx('other', { ...OTHER_OK, fieldInfluence: '  ' }),
      [],
      ['FIELD_INFLUENCE_EVIDENCE_MISSING'],
      '通知第一条第三款',
    ],
  ])('%s', (_case, c, errors, warnings, clause) => {
    const findings = checkEligibleApplicant(c);
    expect(errorsOf(findings)).toEqual(errors);
    expect(warningsOf(findings)).toEqual(warnings);
    for (const f of findings) expect(f).toMatchObject({ rule: 'R2', clause });
  });
});
