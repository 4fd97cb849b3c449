/**
 * Applies one move of the application lifecycle: the domain's transition table decides, then — in the
 * caller's transaction — the status changes (guarded by the version), the timeline gets its event and
 * the audit trail its entry (written last, see audit-writer).
 */
import { and, eq } from 'drizzle-orm';
import {
  conflict,
  stageClockOnTransition,
  todayInShanghai,
  transition,
  type Actor,
  type ApplicationAction,
  type ApplicationState,
} from '@skillcert/domain';
import { loadWorkingDayCalendar } from '../../reference/working-day-calendar-service';
import { loadStageLimits } from './stage-limits';
import type { RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applicationEvents, applications } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { ApplicationRow } from './application-queries';

export async function recordTransition(
  tx: Executor,
  app: ApplicationRow,
  action: ApplicationAction,
  actor: Actor,
  opts: {
    reason?: string | undefined;
    now: Date;
    meta: RequestMeta;
    set?: Partial<typeof applications.$inferInsert>;
    audit?: unknown;
  },
): Promise<ApplicationRow> {
  const move = transition(app.status as never, action, actor, { reason: opts.reason });
  const clock = stageClockOnTransition({
    calendar: await loadWorkingDayCalendar(tx),
    today: todayInShanghai(opts.now),
    from: move.from as ApplicationState,
    to: move.to as ApplicationState,
    limits: await loadStageLimits(tx),
    currentDueDate: app.stageDueDate,
    daysRemaining: app.stageDaysRemaining,
  });
  const stage =
    clock.kind === 'pause'
      ? { stageDueDate: null, stageDueProvisional: false, stageDaysRemaining: clock.remaining }
      : clock.kind === 'stop'
        ? { stageDueDate: null, stageDueProvisional: false, stageDaysRemaining: null }
        : {
            stageDueDate: clock.due.dueDate,
            stageDueProvisional: clock.due.provisional,
            stageDaysRemaining: null,
          };
  const [updated] = await tx
    .update(applications)
    .set({ ...opts.set, ...stage, status: move.to, version: app.version + 1, updatedAt: opts.now })
    .where(and(eq(applications.id, app.id), eq(applications.version, app.version)))
    .returning();
  if (!updated) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
  await tx.insert(applicationEvents).values({
    applicationId: app.id,
    at: opts.now,
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: actor.role,
    action,
    fromStatus: move.from,
    toStatus: move.to,
    reason: opts.reason ?? null,
  });
  await appendAudit(
    tx,
    {
      actor,
      ip: opts.meta.ip,
      action: `application.${action}`,
      targetType: 'application',
      targetId: app.id,
      cityCode: app.cityCode,
      reason: opts.reason ?? null,
      before: { status: move.from, version: app.version },
      after: { status: move.to, version: app.version + 1, ...(opts.audit as object | undefined) },
    },
    opts.now,
  );
  return updated;
}
