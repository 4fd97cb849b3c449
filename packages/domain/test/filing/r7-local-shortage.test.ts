import { describe, expect, it } from 'vitest';
import { checkLocalShortage, shortageVerdict } from '../../src/filing/rules/r7-local-shortage';
import { baseContext, codesOf, WELDER } from './precheck-fixture';

describe('shortageVerdict (通知第三条第二款)', () => {
  it.each([
    [undefined, 2, 'warn', 'ok', '本市州已备案评价机构0家，全省0家，当地无备案评价机构'],
    [{ city: 0, province: 5 }, 2, 'refuse', 'ok', '本市州已备案评价机构0家，全省5家，当地无备案评价机构'],
    [{ city: 1, province: 5 }, 2, 'refuse', 'ok', '本市州已备案评价机构1家，全省5家，少于2家，属数量较少'],
    [
      { city: 2, province: 5 },
      2,
      'warn',
      'warn',
      '本市州已备案评价机构2家，全省5家，已达到本批次"数量较少"上限2家，不属当地紧缺',
    ],
    [
      { city: 3, province: 9 },
      2,
      'refuse',
      'refuse',
      '本市州已备案评价机构3家，全省9家，已达到本批次"数量较少"上限2家，不属当地紧缺',
    ],
  ] as const)('%j, threshold %i, %s → %s', (counts, threshold, policy, verdict, message) => {
    expect(shortageVerdict(counts, threshold, policy)).toEqual({ verdict, message });
  });
});

describe('R7 本地紧缺', () => {
  it('passes below the threshold', () => {
    expect(checkLocalShortage(baseContext())).toEqual([]);
  });

  it.each([
    ['warn', 'warning'],
    ['refuse', 'error'],
  ] as const)(
    'at the threshold under %s → NOT_SHORTAGE_IN_CITY (%s) with both counts',
    (shortagePolicy, severity) => {
      const ctx = baseContext({ filedCounts: { [WELDER]: { city: 2, province: 7 } } });
      const findings = checkLocalShortage({ ...ctx, round: { ...ctx.round, shortagePolicy } });
      expect(codesOf(findings)).toEqual(['NOT_SHORTAGE_IN_CITY']);
      expect(findings[0]).toMatchObject({
        rule: 'R7',
        clause: '通知第三条第二款',
        severity,
        scopeItemIndex: 0,
      });
      expect(findings[0]!.message).toContain('本市州已备案评价机构2家，全省7家');
    },
  );
});
