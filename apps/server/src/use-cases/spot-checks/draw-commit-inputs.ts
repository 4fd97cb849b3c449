/**
 * What a spot-check commitment freezes (docs/domain.md §6 steps 1–2; 通知第五条第三款 "双随机"): the active
 * inspector pool as the draw sees it, the public draw number, and the seed test hook — shared by a round
 * commitment (commit-draw.ts) and a replacement one (commit-replacement-draw.ts).
 */
import { asc, eq } from 'drizzle-orm';
import { todayInShanghai, type InspectorConflict, type PoolInspector } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { inspectors } from '../../db/schema';
import { nextCounterValue } from '../counters';
import { drawNumber } from './draw-records';

export interface SeedOption {
  /** Test hook: a fixed seed instead of 32 random bytes. */
  seed?: string;
}

/** The inspector pool a commitment freezes: every active inspector, by code. */
export async function activeInspectors(db: Executor) {
  return db.select().from(inspectors).where(eq(inspectors.active, true)).orderBy(asc(inspectors.code));
}

/** An inspector as the pure draw sees it (code, city, unit, declared conflicts). */
export const toPoolInspector = (i: typeof inspectors.$inferSelect): PoolInspector => ({
  code: i.code,
  cityCode: i.cityCode,
  unitCreditCode: i.unitCreditCode,
  conflicts: (i.conflicts as InspectorConflict[]) ?? [],
  active: i.active,
});

/** The next public draw number of the year (gapless counter). */
export async function allocateNumber(tx: Executor, now: Date): Promise<string> {
  const year = todayInShanghai(now).slice(0, 4);
  return drawNumber(year, await nextCounterValue(tx, `spot_check_draw:${year}`));
}
