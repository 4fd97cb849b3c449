import { describe, expect, it } from 'vitest';
import { checkQualificationRestriction } from '../../src/filing/rules/r5-qualification-restriction';
import {
  baseContext,
  codesOf,
  COOK,
  ELECTRICIAN,
  item,
  SECURITY_GUARD,
  WELDER,
  withItems,
} from './precheck-fixture';

describe('R5 国家职业资格目录限制 (通知第三条；中就培函〔2022〕50号)', () => {
  it.each([
    ['not in the catalogue', COOK],
    ['焊工 (exception)', WELDER],
  ])('passes: %s', (_case, occupationCode) => {
    expect(checkQualificationRestriction(withItems(item({ occupationCode })))).toEqual([]);
  });

  it('焊工 passes even if its flag were set (中就培函〔2022〕50号)', () => {
    const ctx = baseContext();
    ctx.occupations[WELDER] = { ...ctx.occupations[WELDER]!, restrictedByQualification: true };
    expect(checkQualificationRestriction(ctx)).toEqual([]);
  });

  it.each([
    [
      'an access-type occupation other than 焊工 (保安员)',
      SECURITY_GUARD,
      'OCCUPATION_QUALIFICATION_RESTRICTED',
      'error',
    ],
    ['an unconfirmed catalogue match (电工)', ELECTRICIAN, 'OCCUPATION_RESTRICTION_UNCERTAIN', 'warning'],
  ])('%s → %s', (_case, occupationCode, code, severity) => {
    const findings = checkQualificationRestriction(withItems(item({ occupationCode })));
    expect(codesOf(findings)).toEqual([code]);
    expect(findings[0]).toMatchObject({
      rule: 'R5',
      clause: '通知第三条；中就培函〔2022〕50号',
      severity,
      scopeItemIndex: 0,
    });
  });
});
