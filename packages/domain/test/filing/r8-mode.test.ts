import { describe, expect, it } from 'vitest';
import type { PrecheckContext, PrecheckScopeItem } from '../../src/filing/precheck-context';
import { checkMode, modeOrderNote } from '../../src/filing/rules/r8-mode';
import { baseContext, errorsOf, item } from './precheck-fixture';

function ctx(
  kind: PrecheckContext['organization']['kind'],
  scopeItems: PrecheckScopeItem[],
): PrecheckContext {
  const base = baseContext();
  return { ...base, organization: { ...base.organization, kind }, scopeItems, ownFilings: [] };
}

const social = item({ mode: 'social' });

describe('R8 评价方式 (通知第四条)', () => {
  it.each([
    ['enterprise self-evaluation', ctx('enterprise', [item()])],
    ['school self-evaluation', ctx('school', [item({ mode: 'school_self' })])],
    ['other body, social', ctx('other', [social])],
    // 可同步申报: social with or without the self-evaluation, with no filing of it yet.
    ['enterprise, self-evaluation and social together', ctx('enterprise', [item(), social])],
    ['enterprise, social alone without any self-evaluation filing', ctx('enterprise', [social])],
    ['school, self-evaluation and social together', ctx('school', [item({ mode: 'school_self' }), social])],
    ['school, social alone without any self-evaluation filing', ctx('school', [social])],
  ])('passes: %s', (_case, c) => {
    expect(checkMode(c)).toEqual([]);
  });

  it.each([
    ['a school asking enterprise self-evaluation', ctx('school', [item({ mode: 'enterprise_self' })])],
    ['an enterprise asking school self-evaluation', ctx('enterprise', [item({ mode: 'school_self' })])],
    ['an other body asking enterprise self-evaluation', ctx('other', [item()])],
    ['an other body asking school self-evaluation', ctx('other', [item({ mode: 'school_self' })])],
  ])('refuses %s', (_case, c) => {
    const findings = checkMode(c);
    expect(errorsOf(findings)).toEqual(['MODE_NOT_ALLOWED_FOR_KIND']);
    for (const f of findings) expect(f).toMatchObject({ rule: 'R8', clause: '通知第四条' });
  });

  it('says which modes the kind may ask for', () => {
    const [f] = checkMode(ctx('other', [item()]));
    expect(f!.message).toContain('其它机构不能申报"企业自主评价"，只能申报"社会评价"');
    expect(f!.scopeItemIndex).toBe(0);
  });
});

describe('the order of §四 as a note on the item (not a refusal)', () => {
  it('tells an enterprise or school on a social item that both are filed together and self-evaluation is carried out first', () => {
    const note = modeOrderNote('school', 'social');
    expect(note).toContain('院校自主评价与社会评价可同步申报，经公示无异议后一并备案');
    expect(note).toContain('先开展自主评价再进行社会评价');
    expect(note).toContain('通知第四条');
    expect(modeOrderNote('enterprise', 'social')).toContain(
      '完成该职业（工种）的企业自主评价后，方可面向社会开展评价',
    );
  });

  it('says nothing on self-evaluation items or on the social items of other bodies', () => {
    expect(modeOrderNote('school', 'school_self')).toBeNull();
    expect(modeOrderNote('enterprise', 'enterprise_self')).toBeNull();
    expect(modeOrderNote('other', 'social')).toBeNull();
  });
});
