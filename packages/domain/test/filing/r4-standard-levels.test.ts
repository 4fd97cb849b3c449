import { describe, expect, it } from 'vitest';
import { checkStandardLevels, standardLevels } from '../../src/filing/rules/r4-standard-levels';
import {
  baseContext,
  codesOf,
  ELECTRICIAN,
  item,
  LATHE,
  NO_STANDARD,
  WELDER,
  withItems,
} from './precheck-fixture';

describe('R4 国家职业技能标准与等级 (通知第三条)', () => {
  it.each([
    [
      '五级…一级 within the 焊工 standard',
      item({ levels: ['level5', 'level4', 'level3', 'level2', 'level1'] }),
    ],
    ['labels are read too', item({ levels: ['五级/初级工', '高级工'] })],
    [
      'levels within a recorded standard',
      item({ occupationCode: ELECTRICIAN, levels: ['level5', 'level3'] }),
    ],
  ])('passes: %s', (_case, it_) => {
    expect(checkStandardLevels(withItems(it_))).toEqual([]);
  });

  it.each([
    ['no standard on file', item({ occupationCode: NO_STANDARD }), ['NO_NATIONAL_STANDARD']],
    ['no levels chosen', item({ levels: [] }), ['LEVELS_REQUIRED']],
    ['特级技师', item({ levels: ['level5', 'principal'] }), ['LEVEL_NOT_FILABLE']],
    ['首席技师', item({ levels: ['chief'] }), ['LEVEL_NOT_FILABLE']],
    ['学徒工', item({ levels: ['apprentice'] }), ['LEVEL_NOT_FILABLE']],
    [
      'a level outside the standard',
      item({ occupationCode: ELECTRICIAN, levels: ['level2', 'level1'] }),
      ['LEVEL_NOT_IN_STANDARD', 'LEVEL_NOT_IN_STANDARD'],
    ],
    ['an unknown level', item({ levels: ['九级'] }), ['LEVEL_UNKNOWN']],
  ])('%s → %j', (_case, it_, codes) => {
    const findings = checkStandardLevels(withItems(it_));
    expect(codesOf(findings)).toEqual(codes);
    for (const f of findings) expect(f).toMatchObject({ rule: 'R4', severity: 'error', scopeItemIndex: 0 });
  });

  it('not-filable levels cite 人社部发〔2022〕14号 beside the notice', () => {
    const [f] = checkStandardLevels(withItems(item({ levels: ['principal'] })));
    expect(f!.clause).toBe('通知第三条；人社部发〔2022〕14号');
    expect(f!.message).toContain('特级技师');
  });

  it('a standard whose levels are 待核对 is taken as 五级…一级, with a warning', () => {
    const findings = checkStandardLevels(withItems(item({ occupationCode: LATHE, levels: ['level1'] })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'STANDARD_LEVELS_UNVERIFIED', severity: 'warning' });
    expect(findings[0]!.message).toContain('标准等级待核对');
  });

  it('recorded standards decide even when another standard of the occupation is 待核对', () => {
    const ctx = baseContext({
      scopeItems: [item({ occupationCode: ELECTRICIAN, levels: ['level1'] })],
      standards: {
        [ELECTRICIAN]: [
          { title: '电工', levels: ['五级/初级工', '四级/中级工', '三级/高级工'] },
          { title: '电工（旧）', levels: null },
        ],
      },
    });
    expect(codesOf(checkStandardLevels(ctx))).toEqual(['LEVEL_NOT_IN_STANDARD']);
    expect(standardLevels(ctx.standards[ELECTRICIAN]!).unverified).toBe(false);
  });

  it('an empty standards list counts as no standard', () => {
    const ctx = baseContext({ standards: { [WELDER]: [] } });
    expect(codesOf(checkStandardLevels(ctx))).toEqual(['NO_NATIONAL_STANDARD']);
  });

  it('skips occupations R3 already refused', () => {
    expect(checkStandardLevels(withItems(item({ occupationCode: '9-99-99-99' })))).toEqual([]);
  });

  it('uses the standard title in its messages', () => {
    const [f] = checkStandardLevels(withItems(item({ occupationCode: ELECTRICIAN, levels: ['level1'] })));
    expect(f!.message).toContain('《电工》');
  });
});
