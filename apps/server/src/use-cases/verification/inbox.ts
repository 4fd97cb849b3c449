/**
 * 待办 / 已办: the work queue of a staff role — applications in the states that role acts on, within its
 * scope, sorted by due date (overdue first) — and what the caller has already handled.
 */
import { and, asc, count, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  isOverdue,
  todayInShanghai,
  type Actor,
  type Role,
} from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applicationEvents,
  applications,
  applicationScopeItems,
  collectionRounds,
  divisions,
  occupations,
  organizations,
} from '../../db/schema';
import { applicationScope } from '../applications/application-queries';

/** The states each role acts on. */
export const INBOX_STATES: Partial<Record<Role, string[]>> = {
  city_center: ['submitted'],
  city_bureau: ['verified', 'recommended'],
  province_center: ['province_review', 'spot_check_pool', 'spot_check'],
  province_bureau: ['cleared', 'notice_passed'],
};

export interface InboxFilter {
  roundId?: string | undefined;
  status?: string | undefined;
  occupationCode?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  sort: 'due' | 'updated';
  page: number;
  pageSize: number;
}

export async function inbox(db: Executor, actor: Actor, f: InboxFilter, now: Date, mode: 'todo' | 'done') {
  const today = todayInShanghai(now);
  const states = INBOX_STATES[actor.role] ?? [];
  const conditions: (SQL | undefined)[] = [
    await applicationScope(db, actor),
    mode === 'todo'
      ? inArray(
          applications.status,
          f.status && states.includes(f.status) ? [f.status] : states.length ? states : ['-'],
        )
      : exists(
          db
            .select({ one: sql`1` })
            .from(applicationEvents)
            .where(
              and(
                eq(applicationEvents.applicationId, applications.id),
                eq(applicationEvents.actorId, actor.userId),
              ),
            ),
        ),
    f.roundId ? eq(applications.roundId, f.roundId) : undefined,
    f.occupationCode
      ? exists(
          db
            .select({ one: sql`1` })
            .from(applicationScopeItems)
            .where(
              and(
                eq(applicationScopeItems.applicationId, applications.id),
                eq(applicationScopeItems.occupationCode, f.occupationCode),
              ),
            ),
        )
      : undefined,
    f.overdue === 'true' ? sql`${applications.stageDueDate} < ${today}` : undefined,
    f.overdue === 'false'
      ? sql`(${applications.stageDueDate} is null or ${applications.stageDueDate} >= ${today})`
      : undefined,
  ];
  const where = and(...conditions);
  const order =
    f.sort === 'due' && mode === 'todo'
      ? [sql`${applications.stageDueDate} asc nulls last`, asc(applications.submittedAt)]
      : [desc(applications.updatedAt)];
  const rows = await db
    .select({
      app: applications,
      organizationName: organizations.name,
      cityName: divisions.name,
      roundTitle: collectionRounds.title,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(collectionRounds, eq(collectionRounds.id, applications.roundId))
    .leftJoin(divisions, eq(divisions.code, applications.cityCode))
    .where(where)
    .orderBy(...order, applications.id)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(applications).where(where);
  const ids = rows.map((r) => r.app.id);
  const items = ids.length
    ? await db
        .select({
          applicationId: applicationScopeItems.applicationId,
          code: applicationScopeItems.occupationCode,
          name: occupations.name,
        })
        .from(applicationScopeItems)
        .leftJoin(occupations, eq(occupations.code, applicationScopeItems.occupationCode))
        .where(inArray(applicationScopeItems.applicationId, ids))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.app.id,
      number: r.app.number,
      organizationName: r.organizationName,
      cityCode: r.app.cityCode,
      cityName: r.cityName,
      roundTitle: r.roundTitle,
      status: r.app.status,
      statusLabel:
        APPLICATION_STATUS_LABELS[r.app.status as keyof typeof APPLICATION_STATUS_LABELS] ?? r.app.status,
      occupations: [
        ...new Set(items.filter((i) => i.applicationId === r.app.id).map((i) => i.name ?? i.code)),
      ],
      dueDate: r.app.stageDueDate,
      dueProvisional: r.app.stageDueProvisional,
      overdue: mode === 'todo' && isOverdue(today, r.app.stageDueDate),
      updatedAt: r.app.updatedAt.toISOString(),
    })),
    total: Number(total?.n ?? 0),
  };
}
