/** A complete, clean pre-check situation (an active 规上 enterprise filing 焊工) that tests vary. */
import { computeCreditCodeCheckChar } from '../../src/credit-code';
import { DEFAULT_MATERIAL_SLOTS } from '../../src/filing/material-slots';
import type { PrecheckContext, PrecheckScopeItem } from '../../src/filing/precheck-context';
import type { RuleFinding } from '../../src/filing/rule-finding';

export const withCheck = (first17: string) => first17 + computeCreditCodeCheckChar(first17);
export const VALID_CREDIT_CODE = withCheck('91430100MA4L12345');

/** The fixture's day of the check; listing periods in tests are stated relative to it. */
export const FIXTURE_TODAY = '2026-03-16';

export const WELDER = '6-18-02-04';
export const LATHE = '6-18-01-01'; // 车工, standard levels 待核对
export const SECURITY_GUARD = '4-07-05-01'; // 保安员, in the 2021 qualification catalogue
export const ELECTRICIAN = '6-31-01-03'; // 电工, uncertain catalogue match
export const COOK = '4-03-02-01'; // 中式烹调师, category 4
export const ENGINEER = '2-02-07-04'; // category 2 (专业技术人员)
export const MINOR_GROUP = '6-18-02'; // a 小类, not an occupation
export const NO_STANDARD = '6-99-00-01';

export const item = (over: Partial<PrecheckScopeItem> = {}): PrecheckScopeItem => ({
  occupationCode: WELDER,
  jobName: '',
  mode: 'enterprise_self',
  levels: ['level5', 'level4'],
  chainIds: [1],
  businessLink: '本企业主营焊接结构件制造，焊工为核心岗位',
  ...over,
});

export function baseContext(over: Partial<PrecheckContext> = {}): PrecheckContext {
  return {
    today: FIXTURE_TODAY,
    organization: {
      kind: 'enterprise',
      status: 'active',
      creditCode: VALID_CREDIT_CODE,
      registrationType: 'enterprise',
      cityCode: '430100',
      countyCode: '430104',
      isAboveScale: true,
      dishonestyListings: [],
    },
    facts: { businessScope: '焊接结构件制造' },
    scopeItems: [item()],
    occupations: {
      [WELDER]: occupation('焊工', 6, { restrictionReview: 'confirmed' }),
      [LATHE]: occupation('车工', 6),
      [SECURITY_GUARD]: occupation('保安员', 4, {
        restrictedByQualification: true,
        restrictionReview: 'confirmed',
      }),
      [ELECTRICIAN]: occupation('电工', 6, { restrictionReview: 'uncertain' }),
      [COOK]: occupation('中式烹调师', 4),
      [ENGINEER]: occupation('机械设计工程技术人员', 2),
      [MINOR_GROUP]: { ...occupation('焊接人员', 6), level: 'minor' },
      [NO_STANDARD]: occupation('新职业', 6),
    },
    standards: {
      [WELDER]: [
        {
          title: '焊工',
          levels: ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师'],
        },
      ],
      [LATHE]: [{ title: '车工', levels: null }],
      [SECURITY_GUARD]: [{ title: '保安员', levels: null }],
      [ELECTRICIAN]: [{ title: '电工', levels: ['五级/初级工', '四级/中级工', '三级/高级工'] }],
      [COOK]: [
        {
          title: '中式烹调师',
          levels: ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师'],
        },
      ],
      [ENGINEER]: [{ title: '工程技术人员', levels: null }],
    },
    activeChainIds: [1, 2, 3],
    filedCounts: { [WELDER]: { city: 0, province: 4 } },
    targetedOccupationCodes: [],
    ownFilings: [{ occupationCode: WELDER, mode: 'enterprise_self', selfEvaluationCarriedOut: true }],
    round: {
      fewThreshold: 2,
      shortagePolicy: 'warn',
      materialSlots: DEFAULT_MATERIAL_SLOTS,
    },
    materials: Object.fromEntries(DEFAULT_MATERIAL_SLOTS.map((s) => [s.key, 1])),
    legalEntityProofSlotKey: 'legal_entity_proof',
    ...over,
  };
}

function occupation(
  name: string,
  majorCategory: number,
  over: Partial<NonNullable<PrecheckContext['occupations'][string]>> = {},
): NonNullable<PrecheckContext['occupations'][string]> {
  return {
    name,
    level: 'occupation',
    majorCategory,
    restrictedByQualification: false,
    restrictionReview: 'none',
    ...over,
  };
}

export const withOrg = (over: Partial<PrecheckContext['organization']>): PrecheckContext => {
  const ctx = baseContext();
  return { ...ctx, organization: { ...ctx.organization, ...over } };
};

export const withItems = (...items: PrecheckScopeItem[]): PrecheckContext =>
  baseContext({ scopeItems: items });

export const codesOf = (findings: readonly RuleFinding[]) => findings.map((f) => f.code);
export const errorsOf = (findings: readonly RuleFinding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => f.code);
export const warningsOf = (findings: readonly RuleFinding[]) =>
  findings.filter((f) => f.severity === 'warning').map((f) => f.code);
