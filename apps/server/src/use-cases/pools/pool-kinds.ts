/**
 * The pools as configuration (docs/domain.md §6): what differs between the expert pool (评估专家库, kept by
 * each city bureau for its city, 通知第五条第二款) and the inspector pool (督导人员库, kept by the province
 * centre for the whole province, 通知第五条第三款) — the table, who sees which members, how a member's
 * code is made, whether members carry the occupations they may review, the account role and the error
 * codes and words of each. Everything else about a member is written once in this folder.
 */
import { eq } from 'drizzle-orm';
import { POOL_LABELS, type PoolKind } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { experts, inspectors } from '../../db/schema';
import { nextCounterValue } from '../counters';

export type PoolTable = typeof experts | typeof inspectors;
export type PoolMemberRow = PoolTable['$inferSelect'];

export interface PoolConfig {
  kind: PoolKind;
  table: PoolTable;
  /** 专家 / 督导人员. */
  member: string;
  /** 专家库 / 督导人员库. */
  pool: string;
  /** The login role of a member's account. */
  role: 'expert' | 'inspector';
  /** city: a city bureau sees and keeps its own city's members only; province: one pool for all. */
  scope: 'city' | 'province';
  /** The column of the occupations members may review (the expert draw matches them), if they have one. */
  occupationColumn: typeof experts.occupationCodes | null;
  /** A code may be given when adding a member (else the next one is made). */
  givenCode: boolean;
  nextCode(tx: Executor, cityCode: string): Promise<string>;
  /** Who keeps the pool, for the message to a member whose account has no record yet. */
  keeper: string;
  /** Prefix of the pool's error codes (EXPERT_ACCOUNT_LINKED, INSPECTOR_CODE_TAKEN, …). */
  codePrefix: 'EXPERT' | 'INSPECTOR';
}

export const EXPERT_POOL: PoolConfig = {
  kind: 'expert',
  table: experts,
  ...POOL_LABELS.expert,
  role: 'expert',
  scope: 'city',
  occupationColumn: experts.occupationCodes,
  givenCode: false,
  /** ZJ<city>-nnnn, counted per city. */
  nextCode: async (tx, cityCode) =>
    `ZJ${cityCode}-${String(await nextCounterValue(tx, `expert:${cityCode}`)).padStart(4, '0')}`,
  keeper: '市州人社局',
  codePrefix: 'EXPERT',
};

export const INSPECTOR_POOL: PoolConfig = {
  kind: 'inspector',
  table: inspectors,
  ...POOL_LABELS.inspector,
  role: 'inspector',
  scope: 'province',
  occupationColumn: null,
  givenCode: true,
  /** The next free DCnnnn: the counter, skipping any code given by hand. */
  async nextCode(tx) {
    for (;;) {
      const code = `DC${String(await nextCounterValue(tx, 'inspector')).padStart(4, '0')}`;
      const [taken] = await tx
        .select({ id: inspectors.id })
        .from(inspectors)
        .where(eq(inspectors.code, code));
      if (!taken) return code;
    }
  },
  keeper: '省职业技能鉴定中心',
  codePrefix: 'INSPECTOR',
};
