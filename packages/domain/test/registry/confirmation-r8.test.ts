import { describe, expect, it } from 'vitest';
import { decideConfirmation, type ConfirmationItem } from '../../src/registry/confirmation-r8';
import type { OrganizationKind } from '../../src/filing/filing-mode';

const WELDER = '6-18-02-04';

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

const decide = (kind: OrganizationKind, items: ConfirmationItem[]) =>
  Object.fromEntries(decideConfirmation({ kind, items }).map((d) => [d.id, d.confirm ? 'confirm' : d.code]));

describe('R8 at confirmation (通知第四条 同步申报, 第五条第五款 经公示无异议的纳入备案管理)', () => {
  it.each([
    ['school, self-evaluation and social together', 'school', [selfItem('school_self'), item()]],
    ['school, social alone', 'school', [item()]],
    ['enterprise, self-evaluation and social together', 'enterprise', [selfItem('enterprise_self'), item()]],
    ['enterprise, social alone', 'enterprise', [item()]],
    ['other body, social', 'other', [item()]],
  ] as const)('files every item that passed the notice: %s', (_case, kind, items) => {
    const decided = decide(kind, [...items]);
    expect(Object.values(decided).every((d) => d === 'confirm')).toBe(true);
    expect(Object.keys(decided)).toHaveLength(items.length);
  });

  it('holds a mode the kind may not use, with the rule message and no row label', () => {
    const [d] = decideConfirmation({ kind: 'other', items: [item({ mode: 'school_self' })] });
    expect(d).toMatchObject({ confirm: false, code: 'MODE_NOT_ALLOWED_FOR_KIND', clause: '通知第四条' });
    if (!d!.confirm) {
      expect(d!.reason).not.toMatch(/^第1项/);
      expect(d!.reason).toContain('其它机构不能申报"院校自主评价"');
    }
  });
});
