/** R4 helpers for the picker: the standard tag text and the levels an occupation may request. */
import { FILABLE_SKILL_LEVELS, isSkillLevel, skillLevelLabel, type SkillLevel } from '@skillcert/domain';
import type { OccupationOption } from '../../../api/filing-types';

const grade = (l: string) => (isSkillLevel(l) ? skillLevelLabel(l).split('/')[0] : l);

/** 标准：有（等级：五级、四级…）/ 待核对 / 无. */
export function standardText(o: OccupationOption): { text: string; color: string } {
  if (o.standards.length === 0) return { text: '标准：无', color: 'red' };
  const recorded = o.standards.filter((s) => s.levelsStatus === 'recorded');
  if (recorded.length === 0) return { text: '标准：待核对', color: 'orange' };
  const levels = FILABLE_SKILL_LEVELS.filter((l) => recorded.some((s) => s.levels.includes(l)));
  return { text: `标准：有（等级：${levels.map(grade).join('、')}）`, color: 'green' };
}

/** Whether the occupation's standards have no recorded levels yet (R4: 待核对, 五级…一级 assumed). */
export const levelsPending = (o: OccupationOption | undefined): boolean =>
  !!o && o.standards.length > 0 && !o.standards.some((s) => s.levelsStatus === 'recorded');

/** Levels offered, as R4 judges them: the union of the recorded standards' levels, else 五级…一级. */
export function allowedLevels(o: OccupationOption | undefined): readonly SkillLevel[] {
  const recorded = (o?.standards ?? []).filter((s) => s.levelsStatus === 'recorded');
  if (recorded.length === 0) return FILABLE_SKILL_LEVELS;
  return FILABLE_SKILL_LEVELS.filter((l) => recorded.some((s) => s.levels.includes(l)));
}

export const CATEGORY_LABELS: Record<number, string> = {
  3: '第三大类',
  4: '第四大类',
  5: '第五大类',
  6: '第六大类',
};
