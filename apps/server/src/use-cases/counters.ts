/**
 * Gapless counters: the increment happens inside the caller's transaction and holds the counter's row
 * lock until commit, so a rolled-back transaction does not consume a number and no two get the same.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { counters } from '../db/schema';

export async function nextCounterValue(tx: Executor, name: string): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return Number(row!.value);
}
