import { describe, expect, it } from 'vitest';
import {
  assertRestrictionChangeAllowed,
  restrictionFromCatalogue,
  R5_WELDER_EXCEPTION_CLAUSE,
  WELDER_OCCUPATION_CODE,
} from '../src/qualification-restriction';

describe('R5: national qualification catalogue restriction', () => {
  it('a same-name catalogue match is a confirmed restriction (保安员)', () => {
    expect(restrictionFromCatalogue('4-07-05-01', [{ qualification: '保安员', confidence: 'high' }])).toEqual(
      {
        restrictedByQualification: true,
        restrictionReview: 'confirmed',
        note: '国家职业资格目录（2021年版）：保安员（同名）',
      },
    );
  });

  it('a renamed or partial match does not block filing; it is listed for an admin to confirm', () => {
    const r = restrictionFromCatalogue('4-02-02-02', [
      { qualification: '危险货物道路运输从业人员', confidence: 'low' },
      { qualification: '经营性货运驾驶员', confidence: 'medium' },
    ]);
    expect(r.restrictedByQualification).toBe(false);
    expect(r.restrictionReview).toBe('uncertain');
    expect(r.note).toContain('待管理员确认');
  });

  it('an occupation outside the catalogue is not restricted', () => {
    expect(restrictionFromCatalogue('6-31-01-01', [])).toEqual({
      restrictedByQualification: false,
      restrictionReview: 'none',
      note: null,
    });
  });

  it(`焊工 is never restricted, whatever the matches (${R5_WELDER_EXCEPTION_CLAUSE})`, () => {
    const r = restrictionFromCatalogue(WELDER_OCCUPATION_CODE, [
      { qualification: '特种作业人员', confidence: 'medium' },
      { qualification: '民用核安全设备焊工、焊接操作工', confidence: 'uncertain' },
    ]);
    expect(r.restrictedByQualification).toBe(false);
    expect(r.note).toContain('中就培函〔2022〕50号');
    expect(() => assertRestrictionChangeAllowed(WELDER_OCCUPATION_CODE, true)).toThrow(/不能标记/);
    expect(() => assertRestrictionChangeAllowed(WELDER_OCCUPATION_CODE, false)).not.toThrow();
    expect(() => assertRestrictionChangeAllowed('4-07-05-01', true)).not.toThrow();
  });
});
