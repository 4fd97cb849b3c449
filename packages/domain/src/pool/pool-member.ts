/**
 * 人员库 (pool) — what the expert pool (评估专家库, 通知第五条第二款 "组织专家"), the inspector pool (督导人员库,
 * 通知第五条第三款 "双随机") and later pools have in common: a member with a public code, a unit and its credit
 * code, a city, declared conflicts of interest and whether they are in the pool (可被抽取). The two
 * recusal reasons every pool shares are decided here once: a member never inspects or reviews their own
 * employer, nor a unit they declared a conflict with (docs/domain.md §6). Each pool's own rules (the
 * expert's prior reviews, the inspector's same city) stay with its draw.
 */

/** A conflict of interest a member declared: the unit's credit code and the member's reason. */
export interface DeclaredConflict {
  creditCode: string;
  reason: string;
}

/** A pool member as a draw sees it: the public code, never the name or phone. */
export interface PoolMemberForRecusal {
  code: string;
  unitCreditCode?: string | null | undefined;
  conflicts: readonly DeclaredConflict[];
}

/** The kinds of pool; each is configured once on the server and in the web client. */
export const POOL_KINDS = ['expert', 'inspector'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

export const POOL_LABELS: Readonly<Record<PoolKind, { pool: string; member: string }>> = {
  expert: { pool: '专家库', member: '专家' },
  inspector: { pool: '督导人员库', member: '督导人员' },
};

const normalizeCode = (code: string | null | undefined) =>
  String(code ?? '')
    .trim()
    .toUpperCase();

/** The member works for the unit (本单位人员): their employer's credit code is the unit's. */
export function worksFor(member: PoolMemberForRecusal, unitCreditCode: string): boolean {
  const unit = normalizeCode(unitCreditCode);
  return unit !== '' && normalizeCode(member.unitCreditCode) === unit;
}

/** The conflict the member declared with the unit, if any (申报利益冲突). */
export function declaredConflictWith(
  member: PoolMemberForRecusal,
  unitCreditCode: string,
): DeclaredConflict | undefined {
  const unit = normalizeCode(unitCreditCode);
  if (unit === '') return undefined;
  return member.conflicts.find((c) => normalizeCode(c.creditCode) === unit);
}
