/**
 * R4 国家职业技能标准与等级 (通知第三条: "有相应的国家职业技能标准"; 人社部发〔2022〕14号 新八级).
 * Certification follows the national standard (通知第六条第三款), so an occupation without one cannot be
 * filed and a level the standard does not define cannot be certified. Only 五级…一级 are filable: 学徒工,
 * 特级技师 and 首席技师 are awarded otherwise. Standards whose levels are not recorded yet are taken to
 * cover 五级…一级 and flagged 待核对 (docs/domain.md §5 R4), rather than blocking lawful applications.
 */
import {
  DEFAULT_STANDARD_LEVELS,
  isFilable,
  parseSkillLevel,
  skillLevelLabel,
  type SkillLevel,
} from '../../skill-level';
import { CLAUSES } from '../clauses';
import type { PrecheckContext, PrecheckStandard } from '../precheck-context';
import { errorFinding, warningFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';
import { isKnownOccupation } from './r3-occupation-category';

export type R4Context = Pick<PrecheckContext, 'scopeItems' | 'occupations' | 'standards'>;

const base = { rule: 'R4', clause: CLAUSES.occupationScope } as const;

/** Levels covered by an occupation's standards, and whether they are only assumed (all 待核对). */
export function standardLevels(standards: readonly PrecheckStandard[]): {
  levels: ReadonlySet<SkillLevel>;
  unverified: boolean;
} {
  const recorded = standards.filter((s) => s.levels !== null);
  if (recorded.length === 0) return { levels: new Set(DEFAULT_STANDARD_LEVELS), unverified: true };
  const levels = new Set<SkillLevel>();
  for (const s of recorded) {
    for (const text of s.levels ?? []) {
      const level = parseSkillLevel(text);
      if (level) levels.add(level);
    }
  }
  return { levels, unverified: false };
}

export function checkStandardLevels(ctx: R4Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  ctx.scopeItems.forEach((item, index) => {
    if (!isKnownOccupation(ctx, item.occupationCode)) return; // R3 reports it
    const label = itemLabel(item, index, ctx.occupations);
    const at = { ...base, scopeItemIndex: index };
    const standards = ctx.standards[item.occupationCode] ?? [];
    if (standards.length === 0) {
      findings.push(
        errorFinding({
          ...at,
          code: 'NO_NATIONAL_STANDARD',
          message: `${label}：尚无对应的国家职业技能标准，不能开展职业技能等级认定`,
          fix: '请改选已颁布国家职业技能标准的职业；如标准已颁布但系统未收录，请联系省鉴定中心补录',
        }),
      );
      return;
    }
    if (item.levels.length === 0) {
      findings.push(
        errorFinding({
          ...at,
          code: 'LEVELS_REQUIRED',
          message: `${label}：未选择申报等级`,
          fix: '请至少选择一个等级（五级/初级工至一级/高级技师）',
        }),
      );
      return;
    }
    const covered = standardLevels(standards);
    const titles = standards.map((s) => `《${s.title}》`).join('、');
    for (const text of item.levels) {
      const level = parseSkillLevel(text);
      if (level === null) {
        findings.push(
          errorFinding({
            ...at,
            code: 'LEVEL_UNKNOWN',
            message: `${label}：无法识别的等级"${text}"`,
            fix: '请从五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师中选择',
          }),
        );
      } else if (!isFilable(level)) {
        findings.push(
          errorFinding({
            ...at,
            clause: `${CLAUSES.occupationScope}；${CLAUSES.levels}`,
            code: 'LEVEL_NOT_FILABLE',
            message: `${label}：${skillLevelLabel(level)}不在备案等级范围内，只能申报五级/初级工至一级/高级技师`,
            fix: `请取消"${skillLevelLabel(level)}"`,
          }),
        );
      } else if (!covered.levels.has(level)) {
        findings.push(
          errorFinding({
            ...at,
            code: 'LEVEL_NOT_IN_STANDARD',
            message: `${label}：国家职业技能标准${titles}未设${skillLevelLabel(level)}`,
            fix: `请只选择标准所设等级：${[...covered.levels].map(skillLevelLabel).join('、') || '（无）'}`,
          }),
        );
      }
    }
    if (covered.unverified) {
      findings.push(
        warningFinding({
          ...at,
          code: 'STANDARD_LEVELS_UNVERIFIED',
          message: `${label}：标准等级待核对，${titles}所设等级尚未录入，暂按五级至一级处理`,
          fix: '请对照国家职业技能标准原文确认所申报等级均在标准范围内',
        }),
      );
    }
  });
  return findings;
}
