/**
 * 抽查复核督导人员回避 (R11, 通知第五条第三款 "双随机、一公开"; docs/domain.md §5 R11, §6): which inspectors of the
 * pool may not inspect which target. Pure: the server supplies the targets (application number, the
 * applicant's city and credit code) and the inspectors (code, city, employer's credit code, declared
 * conflicts); the result is frozen into the draw's commitment and hashed.
 *
 * Rules, each on one (target, inspector) pair:
 *  - same_city [policy]: the inspector works in the target's city (a 省直 unit, pseudo-city 430000, is
 *    the same city as province-level inspectors);
 *  - own_staff: the inspector's employer is the target (unit credit code = applicant's credit code);
 *  - declared_conflict: the inspector declared a conflict of interest with the target's credit code;
 *  - on_panel / replaced: on a replacement draw, the inspectors still on (or taken off) the target's
 *    panel are not drawn again.
 *
 * The committed entry carries codes, the rule and a reason fixed by the rule — never the free text an
 * inspector wrote when declaring a conflict, never a name — because the list is published.
 */

import {
  declaredConflictWith,
  worksFor,
  type DeclaredConflict,
  type PoolMemberForRecusal,
} from '../pool/pool-member';

export const SPOT_CHECK_RECUSAL_RULES = [
  'same_city',
  'own_staff',
  'declared_conflict',
  'on_panel',
  'replaced',
] as const;
export type SpotCheckRecusalRule = (typeof SPOT_CHECK_RECUSAL_RULES)[number];

export const SPOT_CHECK_RECUSAL_RULE_LABELS: Readonly<Record<SpotCheckRecusalRule, string>> = {
  same_city: '同一市州',
  own_staff: '本单位人员',
  declared_conflict: '申报利益冲突',
  on_panel: '已在该对象抽查组',
  replaced: '已被替换',
};

/** A declared conflict of an inspector: the pool's one shape. */
export type InspectorConflict = DeclaredConflict;

/** An inspector as the draw sees it: the public code, never the name or phone. */
export interface PoolInspector extends PoolMemberForRecusal {
  cityCode: string;
  active: boolean;
}

/** A spot-check target: an application in the province-reviewed pool. */
export interface SpotCheckTarget {
  applicationNumber: string;
  /** The application's city (430000 for province-level units). */
  cityCode: string;
  /** The applicant's 统一社会信用代码. */
  creditCode: string;
  /** Replacement draws: inspectors currently on this target's panel (they stay, so are not drawn). */
  onPanelInspectorCodes?: readonly string[];
  /** Replacement draws: inspectors taken off this target's panel (now and earlier). */
  replacedInspectorCodes?: readonly string[];
}

export interface SpotCheckRecusalOptions {
  /** [policy] recuse inspectors of the target's own city (default on). */
  sameCity: boolean;
}

export interface SpotCheckRecusal {
  applicationNumber: string;
  inspectorCode: string;
  rule: SpotCheckRecusalRule;
  reason: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every recusal of the active inspectors for every target, ordered by application number, inspector
 * code and rule (the order of {@link SPOT_CHECK_RECUSAL_RULES}); inactive inspectors are not in the pool.
 */
export function spotCheckRecusals(
  targets: readonly SpotCheckTarget[],
  inspectors: readonly PoolInspector[],
  options: SpotCheckRecusalOptions,
): SpotCheckRecusal[] {
  const out: SpotCheckRecusal[] = [];
  const pool = inspectors.filter((i) => i.active);
  for (const target of targets) {
    const applicant = target.creditCode;
    const onPanel = new Set(target.onPanelInspectorCodes ?? []);
    const replaced = new Set(target.replacedInspectorCodes ?? []);
    for (const inspector of pool) {
      const add = (rule: SpotCheckRecusalRule, reason: string) =>
        out.push({
          applicationNumber: target.applicationNumber,
          inspectorCode: inspector.code,
          rule,
          reason,
        });
      if (options.sameCity && inspector.cityCode === target.cityCode) {
        add('same_city', `督导人员所在市州（${inspector.cityCode}）与被抽查单位相同`);
      }
      if (worksFor(inspector, applicant)) {
        add('own_staff', '督导人员为被抽查单位本单位人员');
      }
      if (declaredConflictWith(inspector, applicant)) {
        add('declared_conflict', '督导人员已申报与被抽查单位存在利益冲突');
      }
      if (onPanel.has(inspector.code)) add('on_panel', '督导人员已在该单位的抽查组中');
      else if (replaced.has(inspector.code)) add('replaced', '督导人员此前已从该单位的抽查组中替换');
    }
  }
  const ruleOrder = (r: SpotCheckRecusalRule) => SPOT_CHECK_RECUSAL_RULES.indexOf(r);
  return out.sort(
    (a, b) =>
      byText(a.applicationNumber, b.applicationNumber) ||
      byText(a.inspectorCode, b.inspectorCode) ||
      ruleOrder(a.rule) - ruleOrder(b.rule),
  );
}

/**
 * The recusal list as committed: one canonical line per entry (a JSON array of application number,
 * inspector code, rule and reason, so a reason can never break the line format); hash it with `hashPool`.
 */
export function spotCheckRecusalLines(recusals: readonly SpotCheckRecusal[]): string[] {
  return recusals.map((r) => JSON.stringify([r.applicationNumber, r.inspectorCode, r.rule, r.reason]));
}
