/**
 * A page and its total in one round trip: every row of the page carries `count(*) over ()`, the number
 * of rows matching before LIMIT/OFFSET. Only a page past the end has no row to carry it; then (rarely)
 * the caller's count query answers.
 */
import { sql } from 'drizzle-orm';

/** The window total; mapped to a number (`pg` returns int8 as a string). */
export const windowTotal = () => sql<number>`count(*) over ()`.mapWith(Number);

export async function pageTotal(
  rows: readonly { total: number }[],
  page: number,
  countAll: () => Promise<number>,
): Promise<number> {
  if (rows.length > 0) return rows[0]!.total;
  return page > 1 ? countAll() : 0;
}
