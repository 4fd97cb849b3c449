import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors';
import { assertSubmittable, runPrecheck, type PrecheckResult } from '../../src/filing/precheck';
import type { PrecheckContext } from '../../src/filing/precheck-context';
import {
  baseContext,
  COOK,
  ENGINEER,
  item,
  LATHE,
  NO_STANDARD,
  SECURITY_GUARD,
  withItems,
  withOrg,
} from './precheck-fixture';

const other = (c: PrecheckContext): PrecheckContext => ({
  ...c,
  organization: { ...c.organization, kind: 'other' },
  facts: { hasEvaluationExperience: true, mainDutyIsTrainingOrEvaluation: true, fieldInfluence: '行业协会' },
});
const school = (c: PrecheckContext): PrecheckContext => ({
  ...c,
  organization: { ...c.organization, kind: 'school' },
  facts: { schoolType: 'technical' },
});

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('runPrecheck', () => {
  it('a clean application has no findings and does not block', () => {
    expect(runPrecheck(baseContext())).toEqual({ findings: [], blocking: false, warningCodes: [] });
  });

  // The bad inputs the brief names, each with the code it must produce.
  it.each([
    [
      'occupation outside categories 3–6',
      withItems(item({ occupationCode: ENGINEER })),
      'OCCUPATION_CATEGORY_NOT_ALLOWED',
    ],
    [
      'occupation not in the catalogue',
      withItems(item({ occupationCode: '6-00-00-00' })),
      'OCCUPATION_NOT_FOUND',
    ],
    [
      'access-type occupation other than 焊工',
      withItems(item({ occupationCode: SECURITY_GUARD, categoryJustification: '安保' })),
      'OCCUPATION_QUALIFICATION_RESTRICTED',
    ],
    ['no standard on file', withItems(item({ occupationCode: NO_STANDARD })), 'NO_NATIONAL_STANDARD'],
    ['other body asking for self-evaluation', other(baseContext()), 'MODE_NOT_ALLOWED_FOR_KIND'],
    ['organization pending activation', withOrg({ status: 'pending' }), 'ORGANIZATION_PENDING'],
    [
      'level outside the standard',
      withItems(item({ occupationCode: '6-31-01-03', levels: ['level1'] })),
      'LEVEL_NOT_IN_STANDARD',
    ],
    ['特级技师', withItems(item({ levels: ['principal'] })), 'LEVEL_NOT_FILABLE'],
    ['首席技师', withItems(item({ levels: ['chief'] })), 'LEVEL_NOT_FILABLE'],
    ['学徒工', withItems(item({ levels: ['apprentice'] })), 'LEVEL_NOT_FILABLE'],
    ['school asking enterprise self-evaluation', school(baseContext()), 'MODE_NOT_ALLOWED_FOR_KIND'],
    ['duplicate scope items', withItems(item(), item()), 'DUPLICATE_SCOPE_ITEM'],
    ['empty application', withItems(), 'EMPTY_APPLICATION'],
    ['missing required material', baseContext({ materials: { legal_entity_proof: 1 } }), 'MATERIAL_MISSING'],
  ])('%s → %s (blocking)', (_case, ctx, code) => {
    const result = runPrecheck(ctx);
    expect(result.blocking).toBe(true);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toContain(code);
  });

  it('orders findings by rule and collects distinct warning codes', () => {
    const ctx = baseContext({
      scopeItems: [
        item({ occupationCode: COOK }),
        item({ occupationCode: LATHE }),
        item({ occupationCode: COOK, mode: 'social', selfEvaluationEvidence: 'x' }),
      ],
      ownFilings: [{ occupationCode: COOK, mode: 'enterprise_self', selfEvaluationCarriedOut: true }],
      filedCounts: { [COOK]: { city: 5, province: 20 } },
    });
    const result = runPrecheck(ctx);
    expect(result.blocking).toBe(false);
    expect(result.findings.map((f) => `${f.rule}:${f.code}:${f.scopeItemIndex}`)).toEqual([
      'R3:CATEGORY_JUSTIFICATION_MISSING:0',
      'R3:CATEGORY_JUSTIFICATION_MISSING:2',
      'R4:STANDARD_LEVELS_UNVERIFIED:1',
      'R7:NOT_SHORTAGE_IN_CITY:0',
      'R7:NOT_SHORTAGE_IN_CITY:2',
    ]);
    expect(result.warningCodes).toEqual([
      'CATEGORY_JUSTIFICATION_MISSING',
      'STANDARD_LEVELS_UNVERIFIED',
      'NOT_SHORTAGE_IN_CITY',
    ]);
  });

  it('every finding names a rule, a clause of the notice, and says why and how in Chinese', () => {
    const ctx = baseContext({
      organization: {
        ...baseContext().organization,
        status: 'pending',
        dishonestyListings: [
          { authority: '湖南省市场监督管理局', listedOn: '2025-01-01', until: null, reason: '虚假登记' },
        ],
        isAboveScale: false,
      },
      scopeItems: [
        item({ occupationCode: ENGINEER }),
        item({ levels: ['chief'], chainIds: [], businessLink: '' }),
        item({ levels: ['chief'], chainIds: [], businessLink: '' }),
      ],
      materials: {},
    });
    const { findings } = runPrecheck(ctx);
    expect(findings.length).toBeGreaterThan(8);
    for (const f of findings) {
      expect(f.rule).toMatch(/^(R[1-9]|SCOPE)$/);
      expect(f.clause).toMatch(/^(通知第[一二三四五六]条|中就培函|人社部发)/);
      expect(f.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.fix).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('assertSubmittable', () => {
  const warned = (): PrecheckResult =>
    runPrecheck(withItems(item({ occupationCode: COOK }), item({ occupationCode: LATHE })));

  it('passes a clean result', () => {
    expect(() => assertSubmittable(runPrecheck(baseContext()), [])).not.toThrow();
  });

  it('refuses errors with PRECHECK_FAILED, details = the errors', () => {
    const result = runPrecheck(
      baseContext({
        scopeItems: [item({ levels: ['chief'] })],
        materials: {
          legal_entity_proof: 1,
          theory_venue: 1,
          practical_venue: 1,
          video_surveillance: 1,
          department_staff: 1,
          expert_team: 1,
          question_bank: 1,
          quality_control: 1,
        },
      }),
    );
    const e = caught(() => assertSubmittable(result, result.warningCodes));
    expect(e.kind).toBe('invalid');
    expect(e.code).toBe('PRECHECK_FAILED');
    expect(e.message).toContain('2项');
    expect(e.details).toEqual([
      expect.objectContaining({ code: 'LEVEL_NOT_FILABLE', field: 'scopeItems.0' }),
      expect.objectContaining({ code: 'MATERIAL_MISSING', field: 'materials.commitment_letter' }),
    ]);
    expect(e.details![0]!.message).toContain('（通知第三条；人社部发〔2022〕14号）');
  });

  it('refuses unacknowledged warnings with WARNINGS_NOT_ACKNOWLEDGED', () => {
    const e = caught(() => assertSubmittable(warned(), ['CATEGORY_JUSTIFICATION_MISSING']));
    expect(e.kind).toBe('invalid');
    expect(e.code).toBe('WARNINGS_NOT_ACKNOWLEDGED');
    expect(e.details!.map((d) => d.code)).toEqual(['STANDARD_LEVELS_UNVERIFIED']);
  });

  it('passes once every warning code is acknowledged', () => {
    expect(() =>
      assertSubmittable(warned(), ['CATEGORY_JUSTIFICATION_MISSING', 'STANDARD_LEVELS_UNVERIFIED']),
    ).not.toThrow();
  });

  it('errors are reported before warnings', () => {
    const result = runPrecheck(withItems(item({ occupationCode: COOK }), item(), item()));
    expect(caught(() => assertSubmittable(result, [])).code).toBe('PRECHECK_FAILED');
  });
});
