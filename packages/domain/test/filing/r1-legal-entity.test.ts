import { describe, expect, it } from 'vitest';
import { checkLegalEntity } from '../../src/filing/rules/r1-legal-entity';
import { baseContext, codesOf, withCheck, withOrg, VALID_CREDIT_CODE } from './precheck-fixture';

describe('R1 独立法人主体 (通知第二条第一款)', () => {
  it('an active Hunan legal entity with its proof passes', () => {
    expect(checkLegalEntity(baseContext())).toEqual([]);
  });

  it.each([
    ['pending activation', withOrg({ status: 'pending' }), 'ORGANIZATION_PENDING', 'error'],
    ['disabled account', withOrg({ status: 'disabled' }), 'ORGANIZATION_DISABLED', 'error'],
    [
      'wrong check character',
      withOrg({ creditCode: VALID_CREDIT_CODE.slice(0, 17) + '0' }),
      'CREDIT_CODE_INVALID',
      'error',
    ],
    [
      '个体工商户 (92…)',
      withOrg({ creditCode: withCheck('92430100MA4L12345'), registrationType: null }),
      'INDIVIDUAL_BUSINESS_NOT_ALLOWED',
      'error',
    ],
    [
      'stored registration type individual',
      withOrg({ registrationType: 'individual_business' }),
      'INDIVIDUAL_BUSINESS_NOT_ALLOWED',
      'error',
    ],
    [
      'registered in another Hunan city',
      withOrg({ creditCode: withCheck('91430300MA4L12345') }),
      'CREDIT_CODE_DIVISION_MISMATCH',
      'warning',
    ],
    [
      'registered outside Hunan',
      withOrg({ creditCode: withCheck('91440300MA4L12345') }),
      'CREDIT_CODE_DIVISION_MISMATCH',
      'warning',
    ],
    ['bad credit mark', withOrg({ badCredit: true }), 'BAD_CREDIT', 'error'],
    ['no legal-entity proof', baseContext({ materials: {} }), 'LEGAL_ENTITY_PROOF_MISSING', 'error'],
  ])('%s → %s', (_case, ctx, code, severity) => {
    const findings = checkLegalEntity(ctx);
    expect(codesOf(findings)).toEqual([code]);
    expect(findings[0]).toMatchObject({ rule: 'R1', clause: '通知第二条第一款', severity });
    expect(findings[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(findings[0]!.fix).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the pending message tells the applicant who activates the account', () => {
    expect(checkLegalEntity(withOrg({ status: 'pending' }))[0]!.message).toBe(
      '单位账号尚待市州鉴定中心激活，激活后方可提交',
    );
  });

  it('the missing proof points at its slot', () => {
    expect(checkLegalEntity(baseContext({ materials: {} }))[0]!.slotKey).toBe('legal_entity_proof');
  });

  it.each([
    ['registered by the province (430000)', withCheck('91430000MA4L12345'), '430100'],
    ['registered by a national authority (100000)', withCheck('91100000MA4L12345'), '430100'],
    ['pseudo-city 省直 accepts any Hunan division', withCheck('91430300MA4L12345'), '430000'],
    ['county of the chosen city', withCheck('91430104MA4L12345'), '430100'],
  ])('no mismatch warning: %s', (_case, creditCode, cityCode) => {
    expect(checkLegalEntity(withOrg({ creditCode, cityCode }))).toEqual([]);
  });
});
