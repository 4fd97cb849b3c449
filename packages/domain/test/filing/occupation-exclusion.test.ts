import { describe, expect, it } from 'vitest';
import { occupationExclusion } from '../../src/filing/occupation-exclusion';

const welder = { code: '6-18-02-04', majorCategory: 6, restrictedByQualification: true, standardCount: 1 };
const lathe = { code: '6-18-01-01', majorCategory: 6, restrictedByQualification: false, standardCount: 1 };

describe('occupationExclusion (通知第三条: what the picker greys out, and why)', () => {
  it('lets a skill occupation of categories 3–6 with a standard through, and 焊工 despite the catalogue', () => {
    expect(occupationExclusion(lathe)).toBeNull();
    expect(occupationExclusion({ ...lathe, code: '4-01-02-01', majorCategory: 4 })).toBeNull();
    expect(occupationExclusion(welder)).toBeNull();
  });

  it.each([
    [{ ...lathe, code: '2-02-07-04', majorCategory: 2 }, 'R3', '第2大类'],
    [{ ...lathe, code: '1-01-00-01', majorCategory: 1 }, 'R3', '第1大类'],
    [
      { ...lathe, code: '4-10-01-01', majorCategory: 4, restrictedByQualification: true },
      'R5',
      '国家职业资格目录',
    ],
    [{ ...lathe, standardCount: 0 }, 'R4', '国家职业技能标准'],
  ])('excludes %o by %s, naming 通知第三条', (facts, rule, words) => {
    const found = occupationExclusion(facts);
    expect(found).toMatchObject({ rule, clause: '通知第三条' });
    expect(found!.reason).toContain(words);
    expect(found!.reason).toContain('通知第三条');
  });
});
