import { describe, expect, it } from 'vitest';
import type {
  OwnFiling,
  PrecheckContext,
  PrecheckScopeItem,
  SocialPolicy,
} from '../../src/filing/precheck-context';
import { checkMode } from '../../src/filing/rules/r8-mode';
import { baseContext, errorsOf, item, warningsOf, WELDER } from './precheck-fixture';

const EVIDENCE = '2023年起开展焊工自主评价3批共120人';

function ctx(
  kind: PrecheckContext['organization']['kind'],
  scopeItems: PrecheckScopeItem[],
  ownFilings: OwnFiling[],
  socialPolicy: SocialPolicy = 'strict',
): PrecheckContext {
  const base = baseContext();
  return {
    ...base,
    organization: { ...base.organization, kind },
    scopeItems,
    ownFilings,
    round: { ...base.round, socialPolicy },
  };
}

const social = item({ mode: 'social', selfEvaluationEvidence: EVIDENCE });
const carriedOut = (mode: OwnFiling['mode']): OwnFiling => ({
  occupationCode: WELDER,
  mode,
  selfEvaluationCarriedOut: true,
});
const notCarriedOut = (mode: OwnFiling['mode']): OwnFiling => ({
  occupationCode: WELDER,
  mode,
  selfEvaluationCarriedOut: false,
});

describe('R8 评价方式 (通知第四条)', () => {
  it.each([
    ['enterprise self-evaluation', ctx('enterprise', [item()], [])],
    ['school self-evaluation', ctx('school', [item({ mode: 'school_self' })], [])],
    ['other body, social', ctx('other', [item({ mode: 'social' })], [])],
    [
      'enterprise social after carried-out self-evaluation (strict)',
      ctx('enterprise', [social], [carriedOut('enterprise_self')]),
    ],
    [
      'school social after carried-out self-evaluation (strict)',
      ctx('school', [social], [carriedOut('school_self')]),
    ],
    [
      'concurrent: carried-out filing, no warning',
      ctx('enterprise', [social], [carriedOut('enterprise_self')], 'concurrent'),
    ],
  ])('passes: %s', (_case, c) => {
    expect(checkMode(c)).toEqual([]);
  });

  it.each([
    [
      'a school asking enterprise self-evaluation',
      ctx('school', [item({ mode: 'enterprise_self' })], []),
      ['MODE_NOT_ALLOWED_FOR_KIND'],
      [],
    ],
    [
      'an enterprise asking school self-evaluation',
      ctx('enterprise', [item({ mode: 'school_self' })], []),
      ['MODE_NOT_ALLOWED_FOR_KIND'],
      [],
    ],
    [
      'an other body asking enterprise self-evaluation',
      ctx('other', [item()], []),
      ['MODE_NOT_ALLOWED_FOR_KIND'],
      [],
    ],
    [
      'an other body asking school self-evaluation',
      ctx('other', [item({ mode: 'school_self' })], []),
      ['MODE_NOT_ALLOWED_FOR_KIND'],
      [],
    ],
    [
      'strict: social without any self-evaluation filing',
      ctx('enterprise', [social], []),
      ['SOCIAL_REQUIRES_SELF_EVALUATION'],
      [],
    ],
    [
      'strict: social with self-evaluation filed but not carried out',
      ctx('enterprise', [social], [notCarriedOut('enterprise_self')]),
      ['SOCIAL_REQUIRES_SELF_EVALUATION'],
      [],
    ],
    [
      'strict: asking both at once is not enough',
      ctx('enterprise', [item(), social], []),
      ['SOCIAL_REQUIRES_SELF_EVALUATION'],
      [],
    ],
    [
      'strict: the filing must be of the kind’s own self mode',
      ctx('school', [social], [carriedOut('enterprise_self')]),
      ['SOCIAL_REQUIRES_SELF_EVALUATION'],
      [],
    ],
    [
      'concurrent: social alone without any self-evaluation',
      ctx('enterprise', [social], [], 'concurrent'),
      ['SOCIAL_REQUIRES_SELF_EVALUATION'],
      [],
    ],
    [
      'concurrent: self and social asked together',
      ctx('enterprise', [item(), item({ mode: 'social' })], [], 'concurrent'),
      [],
      ['SOCIAL_CONFIRMED_AFTER_SELF'],
    ],
    [
      'concurrent: filed but not carried out',
      ctx('enterprise', [social], [notCarriedOut('enterprise_self')], 'concurrent'),
      [],
      ['SOCIAL_CONFIRMED_AFTER_SELF'],
    ],
    [
      'relying on a filing without evidence',
      ctx('enterprise', [item({ mode: 'social' })], [carriedOut('enterprise_self')]),
      [],
      ['SELF_EVALUATION_EVIDENCE_MISSING'],
    ],
  ])('%s', (_case, c, errors, warnings) => {
    const findings = checkMode(c);
    expect(errorsOf(findings)).toEqual(errors);
    expect(warningsOf(findings)).toEqual(warnings);
    for (const f of findings) expect(f).toMatchObject({ rule: 'R8', clause: '通知第四条' });
  });

  it('says which modes the kind may ask for', () => {
    const [f] = checkMode(ctx('other', [item()], []));
    expect(f!.message).toContain('其它机构不能申报"企业自主评价"，只能申报"社会评价"');
    expect(f!.scopeItemIndex).toBe(0);
  });

  it('the concurrent warning says social is confirmed after self-evaluation', () => {
    const findings = checkMode(
      ctx('school', [item({ mode: 'school_self' }), item({ mode: 'social' })], [], 'concurrent'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('社会评价须在自主评价开展后方可确认');
    expect(findings[0]!.scopeItemIndex).toBe(1);
  });
});
