import { describe, expect, it } from 'vitest';
import { decideConfirmation, type ConfirmationItem } from '../../src/registry/confirmation-r8';
import type { OwnFiling, SocialPolicy } from '../../src/filing/precheck-context';
import type { OrganizationKind } from '../../src/filing/filing-mode';

const WELDER = '6-18-02-04';
const EVIDENCE = '2025年开展焊工自主评价2批共80人';

const item = (over: Partial<ConfirmationItem> = {}): ConfirmationItem => ({
  id: 'social',
  occupationCode: WELDER,
  occupationName: '焊工',
  jobName: '',
  mode: 'social',
  levels: ['level5'],
  ...over,
});
const selfItem = (mode: 'school_self' | 'enterprise_self') => item({ id: 'self', mode });
const filing = (mode: OwnFiling['mode'], carried: boolean): OwnFiling => ({
  occupationCode: WELDER,
  mode,
  selfEvaluationCarriedOut: carried,
});

function decide(
  kind: OrganizationKind,
  policy: SocialPolicy,
  items: ConfirmationItem[],
  existing: OwnFiling[],
) {
  return Object.fromEntries(
    decideConfirmation({ kind, socialPolicy: policy, items, existingFilings: existing }).map((d) => [
      d.id,
      d.confirm ? 'confirm' : d.code,
    ]),
  );
}

describe('R8 at confirmation (通知第四条, 先开展自主评价再进行社会评价)', () => {
  it.each([
    // kind, policy, items, existing filings, expected outcome of the social item
    ['school, strict, no self filing', 'school', 'strict', [item()], [], 'SOCIAL_REQUIRES_SELF_EVALUATION'],
    [
      'school, strict, self filed but not carried out',
      'school',
      'strict',
      [item()],
      [filing('school_self', false)],
      'SOCIAL_REQUIRES_SELF_EVALUATION',
    ],
    [
      'school, strict, self filed and carried out',
      'school',
      'strict',
      [item()],
      [filing('school_self', true)],
      'confirm',
    ],
    [
      'school, strict, self in this same confirmation does not count',
      'school',
      'strict',
      [selfItem('school_self'), item({ selfEvaluationEvidence: EVIDENCE })],
      [],
      'SOCIAL_REQUIRES_SELF_EVALUATION',
    ],
    [
      'enterprise, strict, enterprise self filed and carried out',
      'enterprise',
      'strict',
      [item()],
      [filing('enterprise_self', true)],
      'confirm',
    ],
    [
      'enterprise, strict, only a school-self filing (wrong mode)',
      'enterprise',
      'strict',
      [item()],
      [filing('school_self', true)],
      'SOCIAL_REQUIRES_SELF_EVALUATION',
    ],
    [
      'school, concurrent, self filed now, carrying-out evidence given',
      'school',
      'concurrent',
      [selfItem('school_self'), item({ selfEvaluationEvidence: EVIDENCE })],
      [],
      'confirm',
    ],
    [
      'school, concurrent, self filed now, no evidence',
      'school',
      'concurrent',
      [selfItem('school_self'), item()],
      [],
      'SOCIAL_HELD_SELF_NOT_CARRIED_OUT',
    ],
    [
      'school, concurrent, existing self filing not carried out',
      'school',
      'concurrent',
      [item({ selfEvaluationEvidence: EVIDENCE })],
      [filing('school_self', false)],
      'SOCIAL_HELD_SELF_NOT_CARRIED_OUT',
    ],
    [
      'school, concurrent, existing self filing carried out',
      'school',
      'concurrent',
      [item()],
      [filing('school_self', true)],
      'confirm',
    ],
    [
      'school, concurrent, no self at all',
      'school',
      'concurrent',
      [item({ selfEvaluationEvidence: EVIDENCE })],
      [],
      'SOCIAL_REQUIRES_SELF_EVALUATION',
    ],
    ['other body, strict, social only', 'other', 'strict', [item()], [], 'confirm'],
  ] as const)('%s', (_case, kind, policy, items, existing, expected) => {
    expect(decide(kind, policy, [...items], [...existing]).social).toBe(expected);
  });

  it('never holds a self-evaluation item', () => {
    expect(decide('school', 'strict', [selfItem('school_self')], [])).toEqual({ self: 'confirm' });
  });

  it('holds a mode the kind may not use, with the rule message', () => {
    const [d] = decideConfirmation({
      kind: 'other',
      socialPolicy: 'strict',
      items: [item({ mode: 'school_self' })],
      existingFilings: [],
    });
    expect(d).toMatchObject({ confirm: false, code: 'MODE_NOT_ALLOWED_FOR_KIND', clause: '通知第四条' });
  });

  it('gives a reason without the pre-check row label', () => {
    const [d] = decideConfirmation({
      kind: 'school',
      socialPolicy: 'strict',
      items: [item()],
      existingFilings: [],
    });
    expect(d!.confirm).toBe(false);
    if (!d!.confirm) {
      expect(d!.reason).not.toMatch(/^第1项/);
      expect(d!.reason).toContain('先开展自主评价');
    }
  });
});
