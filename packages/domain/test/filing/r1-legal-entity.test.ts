import { describe, expect, it } from 'vitest';
import { checkLegalEntity } from '../../src/filing/rules/r1-legal-entity';
import { addDays } from '../../src/calendar-date';
import type { DishonestyListing } from '../../src/filing/serious-dishonesty';
import {
  baseContext,
  codesOf,
  FIXTURE_TODAY,
  withCheck,
  withOrg,
  VALID_CREDIT_CODE,
} from './precheck-fixture';

const listing = (over: Partial<DishonestyListing> = {}): DishonestyListing => ({
  authority: '湖南省市场监督管理局',
  listedOn: addDays(FIXTURE_TODAY, -100),
  until: addDays(FIXTURE_TODAY, 265),
  reason: '提供虚假材料骗取登记',
  ...over,
});

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
    [
      'on the 严重失信主体名单, open-ended',
      withOrg({ dishonestyListings: [listing({ until: null })] }),
      'SERIOUS_DISHONESTY_LISTED',
      'error',
    ],
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

  describe('社会信用良好: the 严重失信主体名单', () => {
    const refusedBy = (listings: DishonestyListing[]) =>
      checkLegalEntity(withOrg({ dishonestyListings: listings }));

    it('a listing whose period covers the day refuses, naming the authority, date and period', () => {
      const [finding] = refusedBy([listing()]);
      expect(finding).toMatchObject({ code: 'SERIOUS_DISHONESTY_LISTED', severity: 'error' });
      expect(finding!.message).toBe(
        `单位被湖南省市场监督管理局于${addDays(FIXTURE_TODAY, -100)}列入严重失信主体名单` +
          `（有效期：${addDays(FIXTURE_TODAY, -100)}至${addDays(FIXTURE_TODAY, 265)}；事由：提供虚假材料骗取登记），` +
          '不符合"社会信用良好"的申报条件',
      );
    });

    it('the first and the last day of the period both count', () => {
      expect(codesOf(refusedBy([listing({ listedOn: FIXTURE_TODAY })]))).toEqual([
        'SERIOUS_DISHONESTY_LISTED',
      ]);
      expect(codesOf(refusedBy([listing({ until: FIXTURE_TODAY })]))).toEqual(['SERIOUS_DISHONESTY_LISTED']);
    });

    it('an open-ended listing says so', () => {
      expect(refusedBy([listing({ until: null })])[0]!.message).toContain(
        `有效期：${addDays(FIXTURE_TODAY, -100)}起长期有效`,
      );
    });

    it('an expired listing, or one listed from a later day, does not refuse', () => {
      expect(refusedBy([listing({ until: addDays(FIXTURE_TODAY, -1) })])).toEqual([]);
      expect(refusedBy([listing({ listedOn: addDays(FIXTURE_TODAY, 1) })])).toEqual([]);
    });

    it('one finding however many listings are in force; an expired one beside it does not matter', () => {
      const findings = refusedBy([
        listing({
          authority: '国家税务总局湖南省税务局',
          listedOn: addDays(FIXTURE_TODAY, -900),
          until: addDays(FIXTURE_TODAY, -30),
        }),
        listing({ authority: '湖南省应急管理厅', listedOn: addDays(FIXTURE_TODAY, -10) }),
        listing(),
      ]);
      expect(codesOf(findings)).toEqual(['SERIOUS_DISHONESTY_LISTED']);
      // The earliest listing in force is cited.
      expect(findings[0]!.message).toContain('湖南省市场监督管理局');
    });
  });
});
