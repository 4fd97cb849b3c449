/** Multi-row INSERTs in chunks, so seeding sends a few statements instead of one per row. */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters for tables of ~20 columns. */
export const SEED_CHUNK_ROWS = 500;

export function chunk<T>(rows: readonly T[], size = SEED_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Inserts the rows that are missing (ON CONFLICT DO NOTHING on any unique key) and returns how many
 * were new. Existing rows — possibly edited by an administrator — are left as they are.
 */
export async function insertMissing<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<number> {
  let inserted = 0;
  for (const part of chunk(rows)) {
    const result = await db
      .insert(table)
      .values(part as T['$inferInsert'][])
      .onConflictDoNothing()
      .returning();
    inserted += (result as unknown[]).length;
  }
  return inserted;
}
