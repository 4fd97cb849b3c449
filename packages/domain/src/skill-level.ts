/**
 * 职业技能等级 (SkillLevel) — the 新八级 ladder, 人社部发〔2022〕14号 (docs/domain.md §9).
 *
 * 学徒工 < 五级/初级工 < 四级/中级工 < 三级/高级工 < 二级/技师 < 一级/高级技师 < 特级技师 < 首席技师.
 * Only 五级 … 一级 can be filed through this workflow (R4, 通知 §三); the others exist so that the
 * enumeration matches the national system and are marked not filable.
 */
import { invalid } from './errors';

/** Ordered from lowest to highest. */
export const SKILL_LEVELS = [
  'apprentice',
  'level5',
  'level4',
  'level3',
  'level2',
  'level1',
  'principal',
  'chief',
] as const;

export type SkillLevel = (typeof SKILL_LEVELS)[number];

interface SkillLevelInfo {
  /** The label used by national skill standards, e.g. '五级/初级工'. */
  label: string;
  /** 等级 part ('五级') where one exists. */
  grade: string | null;
  /** 称谓 part ('初级工'). */
  title: string;
  filable: boolean;
  /** Level digit of the certificate number (人社鉴发〔2019〕2号): 5 for 五级 … 1 for 一级. */
  certificateDigit: number | null;
}

const INFO: Readonly<Record<SkillLevel, SkillLevelInfo>> = {
  apprentice: { label: '学徒工', grade: null, title: '学徒工', filable: false, certificateDigit: null },
  level5: { label: '五级/初级工', grade: '五级', title: '初级工', filable: true, certificateDigit: 5 },
  level4: { label: '四级/中级工', grade: '四级', title: '中级工', filable: true, certificateDigit: 4 },
  level3: { label: '三级/高级工', grade: '三级', title: '高级工', filable: true, certificateDigit: 3 },
  level2: { label: '二级/技师', grade: '二级', title: '技师', filable: true, certificateDigit: 2 },
  level1: { label: '一级/高级技师', grade: '一级', title: '高级技师', filable: true, certificateDigit: 1 },
  principal: { label: '特级技师', grade: null, title: '特级技师', filable: false, certificateDigit: null },
  chief: { label: '首席技师', grade: null, title: '首席技师', filable: false, certificateDigit: null },
};

/** 五级 … 一级, lowest first: the levels an application may request (R4). */
export const FILABLE_SKILL_LEVELS: readonly SkillLevel[] = SKILL_LEVELS.filter((l) => INFO[l].filable);

/**
 * Levels assumed for a standard whose levels are not recorded yet (R4: shown as 待核对 until an
 * admin records them). Same as the filable levels.
 */
export const DEFAULT_STANDARD_LEVELS: readonly SkillLevel[] = FILABLE_SKILL_LEVELS;

export const isSkillLevel = (value: unknown): value is SkillLevel =>
  typeof value === 'string' && (SKILL_LEVELS as readonly string[]).includes(value);

/** '五级/初级工', '特级技师', … */
export const skillLevelLabel = (level: SkillLevel): string => INFO[level].label;

/** Whether the level can be requested in a filing application (R4, docs/domain.md §9). */
export const isFilable = (level: SkillLevel): boolean => INFO[level].filable;

/** 5 … 1 for 五级 … 一级 (certificate numbers), null otherwise. */
export const certificateLevelDigit = (level: SkillLevel): number | null => INFO[level].certificateDigit;

/** 0 for 学徒工 … 7 for 首席技师. */
export const skillLevelRank = (level: SkillLevel): number => SKILL_LEVELS.indexOf(level);

/** Sort comparator: negative when `a` is lower than `b`. */
export const compareSkillLevels = (a: SkillLevel, b: SkillLevel): number =>
  skillLevelRank(a) - skillLevelRank(b);

/** Sorted lowest first, duplicates removed. */
export const sortSkillLevels = (levels: Iterable<SkillLevel>): SkillLevel[] =>
  [...new Set(levels)].sort(compareSkillLevels);

const byText = new Map<string, SkillLevel>();
for (const level of SKILL_LEVELS) {
  const info = INFO[level];
  byText.set(level, level);
  byText.set(info.label, level);
  byText.set(info.title, level);
  if (info.grade) {
    byText.set(info.grade, level);
    byText.set(`${info.title}(${info.grade})`, level); // '初级工(五级)', as in docs/domain.md §9
    byText.set(`${info.grade}(${info.title})`, level);
  }
}

/**
 * Reads a level as written in skill-standards.json ('五级/初级工') and in common variants: '五级',
 * '初级工', '初级工（五级）', '五级／初级工', the code 'level5'. Returns null when not recognised.
 * Full-width punctuation and spaces are folded first (NFKC), since these strings come from documents.
 */
export function parseSkillLevel(text: string): SkillLevel | null {
  const key = String(text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '');
  return byText.get(key) ?? null;
}

/** Like {@link parseSkillLevel} but throws `SKILL_LEVEL_UNKNOWN` (e.g. for imported spreadsheets). */
export function parseSkillLevelOrThrow(text: string): SkillLevel {
  const level = parseSkillLevel(text);
  if (level === null) {
    throw invalid('SKILL_LEVEL_UNKNOWN', `无法识别的职业技能等级"${text}"，应为如"五级/初级工"的写法`);
  }
  return level;
}
