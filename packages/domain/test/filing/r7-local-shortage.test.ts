import { describe, expect, it } from 'vitest';
import {
  checkLocalShortage,
  isTargeted,
  shortageKey,
  shortageVerdict,
} from '../../src/filing/rules/r7-local-shortage';
import { baseContext, codesOf, item, LATHE, WELDER } from './precheck-fixture';

const TALLY = (city: number, province: number) =>
  `本市州已备案该职业（工种）社会评价机构${city}家（不含本单位），全省${province}家`;

describe('shortageVerdict (通知第三条第二款)', () => {
  it.each([
    [undefined, 2, 'warn', 'ok', `${TALLY(0, 0)}，当地无备案评价机构`],
    [{ city: 0, province: 5 }, 2, 'refuse', 'ok', `${TALLY(0, 5)}，当地无备案评价机构`],
    [{ city: 1, province: 5 }, 2, 'refuse', 'ok', `${TALLY(1, 5)}，少于2家，属数量较少`],
    [
      { city: 2, province: 5 },
      2,
      'warn',
      'warn',
      `${TALLY(2, 5)}，已达到本批次"数量较少"上限2家，不属当地紧缺`,
    ],
    [
      { city: 3, province: 9 },
      2,
      'refuse',
      'refuse',
      `${TALLY(3, 9)}，已达到本批次"数量较少"上限2家，不属当地紧缺`,
    ],
  ] as const)('%j, threshold %i, %s → %s', (counts, threshold, policy, verdict, message) => {
    expect(shortageVerdict(counts, threshold, policy)).toEqual({ verdict, message });
  });

  it("says whether the round's targeted list of the city names the occupation, without changing the verdict", () => {
    expect(shortageVerdict({ city: 0, province: 1 }, 2, 'warn', true)).toEqual({
      verdict: 'ok',
      message: `${TALLY(0, 1)}，当地无备案评价机构；本批次已将其列入本市州紧缺职业（工种）目录`,
    });
    expect(shortageVerdict({ city: 2, province: 3 }, 2, 'refuse', false)).toEqual({
      verdict: 'refuse',
      message: `${TALLY(2, 3)}，已达到本批次"数量较少"上限2家，不属当地紧缺；不在本批次本市州紧缺职业（工种）目录中`,
    });
  });

  it('has nothing to say about targeting when the round names no occupation for the city', () => {
    expect(isTargeted([], WELDER)).toBeUndefined();
    expect(isTargeted([WELDER], WELDER)).toBe(true);
    expect(isTargeted([LATHE], WELDER)).toBe(false);
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
      expect(findings[0]!.message).toContain(TALLY(2, 7));
    },
  );

  it('reads the count of the named 工种, not of the whole occupation', () => {
    const ctx = baseContext({
      scopeItems: [item({ jobName: '电焊工' }), item({ jobName: '气焊工', mode: 'social' })],
      filedCounts: {
        [WELDER]: { city: 3, province: 8 },
        [shortageKey(WELDER, '电焊工')]: { city: 1, province: 2 },
        [shortageKey(WELDER, '气焊工')]: { city: 2, province: 5 },
      },
    });
    const findings = checkLocalShortage(ctx);
    expect(findings.map((f) => f.scopeItemIndex)).toEqual([1]);
    expect(findings[0]!.message).toContain('（工种：气焊工）');
    expect(findings[0]!.message).toContain(TALLY(2, 5));
  });

  it("names the round's targeted list in the finding", () => {
    const ctx = baseContext({
      filedCounts: { [WELDER]: { city: 4, province: 9 } },
      targetedOccupationCodes: [LATHE],
    });
    expect(checkLocalShortage(ctx)[0]!.message).toContain('不在本批次本市州紧缺职业（工种）目录中');
  });
});
