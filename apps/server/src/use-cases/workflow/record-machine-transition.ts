/**
 * The one writer of a workflow's status (ARCHITECTURE.md "State changes"): the machine decides the move,
 * then — in the caller's transaction — the row's status changes guarded by its version (a concurrent
 * change → 409 VERSION_CONFLICT), the timeline gets its event (`workflow_events`) and the audit trail its
 * entry, written last (see audit-writer). Applications use `recordTransition`, which adds the stage clock.
 */
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { conflict, type Actor, type MachineMove, type StateMachine } from '@skillcert/domain';
import type { RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { workflowEvents } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';

export type WorkflowTable = PgTable & { id: PgColumn; version: PgColumn; status: PgColumn };

export interface WorkflowRow {
  id: string;
  version: number;
  status: string;
}

export interface MachineTransitionOptions<T extends WorkflowTable, Ctx> {
  reason?: string | null | undefined;
  /** The actor's relation to the record, for moves that need one (the drafter, a panel member). */
  ctx?: Ctx;
  /** The record's public name (a draw's number) for the refusal message. */
  subject?: string;
  now: Date;
  /** Null for a scheduled job (no request). */
  meta: RequestMeta | null;
  /** Other columns changed by the same move. */
  set?: PgUpdateSetSource<T>;
  /** The city the record belongs to, so city-scoped audit reads find it. */
  cityCode?: string | null;
  /** Extra facts for the audit entry's "after". */
  details?: Record<string, unknown>;
}

export async function recordMachineTransition<
  S extends string,
  A extends string,
  Ctx,
  T extends WorkflowTable,
  R extends WorkflowRow,
>(
  tx: Executor,
  machine: StateMachine<S, A, Ctx>,
  table: T,
  row: R,
  action: A,
  actor: Actor,
  opts: MachineTransitionOptions<T, Ctx>,
): Promise<{ row: R; move: MachineMove<S, A> }> {
  const move = machine.transition(row.status, action, actor, {
    reason: opts.reason,
    ctx: opts.ctx,
    subject: opts.subject,
  });
  const set = { ...opts.set, status: move.to, version: row.version + 1 } as PgUpdateSetSource<T>;
  const [updated] = (await tx
    .update(table)
    .set(set)
    .where(and(eq(table.id, row.id), eq(table.version, row.version)))
    .returning()) as R[];
  if (!updated) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
  await tx.insert(workflowEvents).values({
    entity: machine.entity,
    entityId: row.id,
    at: opts.now,
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: actor.role,
    action,
    fromStatus: move.from,
    toStatus: move.to,
    reason: move.reason,
  });
  await appendAudit(
    tx,
    {
      actor,
      ip: opts.meta?.ip ?? null,
      action: move.audit,
      targetType: machine.entity,
      targetId: row.id,
      cityCode: opts.cityCode ?? null,
      reason: move.reason,
      before: { status: move.from, version: row.version },
      after: { status: move.to, version: row.version + 1, clause: move.clause, ...opts.details },
    },
    opts.now,
  );
  return { row: updated, move };
}
