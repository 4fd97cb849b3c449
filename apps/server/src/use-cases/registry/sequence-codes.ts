/**
 * Allocation of 评价机构序列码 (docs/domain.md §7): the gapless `body_sequence` counter, raised above the
 * highest code on record first — a body filed for self-evaluation before this system keeps the provincial
 * code it already prints on its certificates (recorded with its 自主评价备案), and no new code may equal
 * it. Runs inside the caller's transaction and holds the counter's row lock until commit, so a rolled-back
 * allocation consumes nothing and two allocations never meet.
 */
import { eq, sql } from 'drizzle-orm';
import { formatSequenceCode, nextSequenceValue } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { counters, registryBodies } from '../../db/schema';

const COUNTER = 'body_sequence';

export async function allocateSequenceCode(tx: Executor): Promise<string> {
  await tx.insert(counters).values({ name: COUNTER, value: 0 }).onConflictDoNothing();
  const [counter] = await tx
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, COUNTER))
    .for('update');
  const [highest] = await tx
    .select({ code: sql<string | null>`max(${registryBodies.sequenceCode})` })
    .from(registryBodies);
  const value = nextSequenceValue(Number(counter?.value ?? 0), highest?.code ? Number(highest.code) : null);
  await tx.update(counters).set({ value }).where(eq(counters.name, COUNTER));
  return formatSequenceCode(value);
}
