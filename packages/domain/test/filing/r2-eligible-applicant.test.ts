import { describe, expect, it } from 'vitest';
import type { OwnFiling, PrecheckContext } from '../../src/filing/precheck-context';
import { checkEligibleApplicant } from '../../src/filing/rules/r2-eligible-applicant';
import { baseContext, errorsOf, LATHE, warningsOf, WELDER } from './precheck-fixture';

const filing = (mode: OwnFiling['mode'], carriedOut: boolean, occupationCode = WELDER): OwnFiling => ({
  occupationCode,
  mode,
  selfEvaluationCarriedOut: carriedOut,
});
const SCHOOL_FILED = [filing('school_self', true)];
const ENTERPRISE_FILED = [filing('enterprise_self', true)];

const ctx = (
  kind: PrecheckContext['organization']['kind'],
  facts: PrecheckContext['facts'],
  over: Partial<PrecheckContext['organization']> = {},
  ownFilings: OwnFiling[] = kind === 'school' ? SCHOOL_FILED : ENTERPRISE_FILED,
): PrecheckContext => {
  const base = baseContext();
  return { ...base, organization: { ...base.organization, kind, ...over }, facts, ownFilings };
};

const OTHER_OK = {
  hasEvaluationExperience: true,
  mainDutyIsTrainingOrEvaluation: true,
  fieldInfluence: '省级行业协会',
};

describe('R2 申报单位范围 (通知第一条)', () => {
  it.each([
    ['规上 enterprise filed for self-evaluation and carried it out', ctx('enterprise', {})],
    ['技工院校', ctx('school', { schoolType: 'technical' })],
    ['职业院校', ctx('school', { schoolType: 'vocational' })],
    ['高等院校（应用型学科）', ctx('school', { schoolType: 'higher_applied' })],
    [
      'school with one carried-out filing among others not yet carried out',
      ctx('school', { schoolType: 'technical' }, {}, [
        filing('school_self', false),
        filing('school_self', true, LATHE),
      ]),
    ],
    ['other body with experience, main duty and influence', ctx('other', OTHER_OK, {}, [])],
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
      ctx('enterprise', {}, {}, []),
      ['ENTERPRISE_SELF_EVALUATION_FILING_MISSING'],
      [],
      '通知第一条第二款',
    ],
    [
      'enterprise with a filing it has not carried out',
      ctx('enterprise', {}, {}, [filing('enterprise_self', false)]),
      ['ENTERPRISE_SELF_EVALUATION_NOT_CARRIED_OUT'],
      [],
      '通知第一条第二款',
    ],
    [
      'enterprise holding only a social filing',
      ctx('enterprise', {}, {}, [filing('social', true)]),
      ['ENTERPRISE_SELF_EVALUATION_FILING_MISSING'],
      [],
      '通知第一条第二款',
    ],
    [
      'enterprise missing both',
      ctx('enterprise', {}, { isAboveScale: false }, []),
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
      'school without a self-evaluation filing',
      ctx('school', { schoolType: 'technical' }, {}, []),
      ['SCHOOL_SELF_EVALUATION_FILING_MISSING'],
      [],
      '通知第一条第一款',
    ],
    [
      'school with a filing it has not carried out',
      ctx('school', { schoolType: 'technical' }, {}, [filing('school_self', false)]),
      ['SCHOOL_SELF_EVALUATION_NOT_CARRIED_OUT'],
      [],
      '通知第一条第一款',
    ],
    [
      'school holding only an enterprise-self filing (not its own mode)',
      ctx('school', { schoolType: 'technical' }, {}, [filing('enterprise_self', true)]),
      ['SCHOOL_SELF_EVALUATION_FILING_MISSING'],
      [],
      '通知第一条第一款',
    ],
    [
      'other body without experience',
      ctx('other', { ...OTHER_OK, hasEvaluationExperience: false }, {}, []),
      ['EVALUATION_EXPERIENCE_REQUIRED'],
      [],
      '通知第一条第三款',
    ],
    [
      'other body whose main duty is something else',
      ctx('other', { ...OTHER_OK, mainDutyIsTrainingOrEvaluation: undefined }, {}, []),
      ['MAIN_DUTY_NOT_TRAINING_OR_EVALUATION'],
      [],
      '通知第一条第三款',
    ],
    [
      'other body without influence evidence',
      ctx('other', { ...OTHER_OK, fieldInfluence: '  ' }, {}, []),
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

  describe('the fix names 第一条第三款 only where the body could use it', () => {
    const fixOf = (c: PrecheckContext) => checkEligibleApplicant(c)[0]!.fix;

    it('tells a school without a filing how to get one, and of 第一条第三款 (talent training is its duty)', () => {
      const fix = fixOf(ctx('school', { schoolType: 'vocational' }, {}, []));
      expect(fix).toContain('湘人社规〔2022〕17号');
      expect(fix).toContain('面向本校在籍学生开展评价');
      expect(fix).toContain('通知第一条第三款');
    });

    it('does not offer it to an ordinary enterprise', () => {
      for (const c of [
        ctx('enterprise', {}, {}, []),
        ctx('enterprise', {}, {}, [filing('enterprise_self', false)]),
        ctx('enterprise', {}, { isAboveScale: false }),
      ]) {
        expect(fixOf(c)).not.toContain('第一条第三款');
        expect(fixOf(c)).not.toContain('其它机构');
      }
      expect(fixOf(ctx('enterprise', {}, {}, [filing('enterprise_self', false)]))).toContain(
        '面向内部职工开展已备案职业（工种）的自主评价',
      );
    });

    it('offers it to an enterprise that declares training/evaluation as its main duty', () => {
      const fix = fixOf(ctx('enterprise', { mainDutyIsTrainingOrEvaluation: true }, {}, []));
      expect(fix).toContain('以人才培养评价服务为主要工作职责');
      expect(fix).toContain('通知第一条第三款');
    });
  });
});
