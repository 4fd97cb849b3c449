import { describe, expect, it } from 'vitest';
import standards from '../../../reference-data/skill-standards.json';
import {
  certificateLevelDigit,
  compareSkillLevels,
  DEFAULT_STANDARD_LEVELS,
  FILABLE_SKILL_LEVELS,
  isFilable,
  parseSkillLevel,
  parseSkillLevelOrThrow,
  SKILL_LEVELS,
  skillLevelLabel,
  sortSkillLevels,
} from '../src/skill-level';

describe('SkillLevel (新八级)', () => {
  it.each([
    ['apprentice', '学徒工', false, null],
    ['level5', '五级/初级工', true, 5],
    ['level4', '四级/中级工', true, 4],
    ['level3', '三级/高级工', true, 3],
    ['level2', '二级/技师', true, 2],
    ['level1', '一级/高级技师', true, 1],
    ['principal', '特级技师', false, null],
    ['chief', '首席技师', false, null],
  ] as const)('%s: %s, filable=%s, certificate digit %s', (level, label, filable, digit) => {
    expect(skillLevelLabel(level)).toBe(label);
    expect(isFilable(level)).toBe(filable);
    expect(certificateLevelDigit(level)).toBe(digit);
  });

  it('orders 学徒工 < 五级 < … < 一级 < 特级技师 < 首席技师', () => {
    expect(
      sortSkillLevels(['chief', 'level1', 'level5', 'apprentice', 'principal', 'level3', 'level5']),
    ).toEqual(['apprentice', 'level5', 'level3', 'level1', 'principal', 'chief']);
    expect(compareSkillLevels('level5', 'level4')).toBeLessThan(0);
    expect(compareSkillLevels('level1', 'level2')).toBeGreaterThan(0);
    expect(SKILL_LEVELS).toHaveLength(8);
  });

  it('only 五级…一级 are filable, and an unrecorded standard defaults to them (R4)', () => {
    expect(FILABLE_SKILL_LEVELS).toEqual(['level5', 'level4', 'level3', 'level2', 'level1']);
    expect(DEFAULT_STANDARD_LEVELS).toEqual(FILABLE_SKILL_LEVELS);
  });
});

describe('parseSkillLevel', () => {
  it.each([
    ['五级/初级工', 'level5'],
    ['一级/高级技师', 'level1'],
    ['二级／技师', 'level2'], // full-width slash
    [' 三级 / 高级工 ', 'level3'],
    ['四级', 'level4'],
    ['中级工', 'level4'],
    ['初级工（五级）', 'level5'],
    ['高级技师(一级)', 'level1'],
    ['特级技师', 'principal'],
    ['首席技师', 'chief'],
    ['学徒工', 'apprentice'],
    ['level3', 'level3'],
    ['六级', null],
    ['技术员', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseSkillLevel(text)).toBe(expected);
  });

  it('reads every level string present in skill-standards.json', () => {
    const strings = new Set<string>();
    for (const s of standards as Array<{ levels?: string[] }>) for (const l of s.levels ?? []) strings.add(l);
    expect(strings.size).toBeGreaterThan(0);
    for (const l of strings) expect(parseSkillLevel(l), l).not.toBeNull();
  });

  it('parseSkillLevelOrThrow refuses an unknown level with SKILL_LEVEL_UNKNOWN', () => {
    expect(() => parseSkillLevelOrThrow('六级')).toThrow('无法识别的职业技能等级"六级"');
    expect(() => parseSkillLevelOrThrow('六级')).toThrow(
      expect.objectContaining({ code: 'SKILL_LEVEL_UNKNOWN' }),
    );
    expect(parseSkillLevelOrThrow('五级/初级工')).toBe('level5');
  });
});
