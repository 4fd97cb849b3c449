/** Raw SQL for assertions in tests; both drivers answer `{ rows }`. */
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../src/db/client';

export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryCount(db: Executor, query: SQL): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(db, query);
  return Number(rows[0]?.n ?? 0);
}
