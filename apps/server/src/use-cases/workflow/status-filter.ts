/**
 * A list's "status" filter on a workflow's typed status column: a state of the machine filters by it; a
 * word that is no state of the machine matches nothing (as the untyped column did), never an error.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { StateMachine } from '@skillcert/domain';

export function statusFilter<S extends string, A extends string, Ctx>(
  machine: StateMachine<S, A, Ctx>,
  column: PgColumn,
  value: string | undefined,
): SQL | undefined {
  if (!value) return undefined;
  return machine.isState(value) ? eq(column, value) : sql`false`;
}
