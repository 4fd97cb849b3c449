/**
 * 待办 / 已办: the work queue of a staff role — applications in the states that role acts on, within its
 * scope, sorted by due date (overdue first) — and what the caller has already handled.
 *
 * One round trip per page: the rows, their occupations (an array subquery) and the total (a window
 * count). The statement is prepared once per shape of the filter (which criteria are present, the role's
 * kind of scope, the order); the values are placeholders.
 */
import { and, asc, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  isOverdue,
  todayInShanghai,
  type Actor,
  type Role,
} from '@skillcert/domain';
import {
  applicationEvents,
  applications,
  applicationScopeItems,
  collectionRounds,
  divisions,
  organizations,
} from '../../db/schema';
import type { Executor } from '../../db/client';
import { preparedPer } from '../../db/prepared';
import { pageTotal, windowTotal } from '../../db/paging';
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

type ScopeKind = 'all' | 'city' | 'organization' | 'assigned';

function scopeKindOf(actor: Actor): ScopeKind {
  switch (actor.role) {
    case 'city_center':
    case 'city_bureau':
      return actor.cityCode ? 'city' : 'assigned';
    case 'applicant':
      return actor.organizationId ? 'organization' : 'assigned';
    case 'expert':
    case 'inspector':
      return 'assigned';
    default:
      return 'all';
  }
}

interface Shape {
  mode: 'todo' | 'done';
  scope: ScopeKind;
  round: boolean;
  occupation: boolean;
  overdue: 'true' | 'false' | undefined;
  sort: 'due' | 'updated';
}

const p = (name: string) => sql.placeholder(name);

function shapeWhere(db: Executor, shape: Shape, assignedScope: SQL | undefined): SQL | undefined {
  const scope =
    shape.scope === 'city'
      ? sql`${applications.cityCode} = ${p('city')}`
      : shape.scope === 'organization'
        ? sql`${applications.organizationId} = ${p('organization')}`
        : shape.scope === 'assigned'
          ? assignedScope
          : undefined;
  return and(
    scope,
    shape.mode === 'todo'
      ? sql`${applications.status} = any(${p('states')}::text[])`
      : exists(
          db
            .select({ one: sql`1` })
            .from(applicationEvents)
            .where(
              and(
                eq(applicationEvents.applicationId, applications.id),
                sql`${applicationEvents.actorId} = ${p('actor')}`,
              ),
            ),
        ),
    shape.round ? sql`${applications.roundId} = ${p('round')}` : undefined,
    shape.occupation
      ? exists(
          db
            .select({ one: sql`1` })
            .from(applicationScopeItems)
            .where(
              and(
                eq(applicationScopeItems.applicationId, applications.id),
                sql`${applicationScopeItems.occupationCode} = ${p('occupation')}`,
              ),
            ),
        )
      : undefined,
    shape.overdue === 'true' ? sql`${applications.stageDueDate} < ${p('today')}` : undefined,
    shape.overdue === 'false'
      ? sql`(${applications.stageDueDate} is null or ${applications.stageDueDate} >= ${p('today')})`
      : undefined,
  );
}

function inboxQuery(db: Executor, shape: Shape, assignedScope?: SQL) {
  const order =
    shape.sort === 'due' && shape.mode === 'todo'
      ? [sql`${applications.stageDueDate} asc nulls last`, asc(applications.submittedAt)]
      : [desc(applications.updatedAt)];
  return db
    .select({
      app: applications,
      organizationName: organizations.name,
      cityName: divisions.name,
      roundTitle: collectionRounds.title,
      occupations: sql<string[]>`array(
        select coalesce(o.name, si.occupation_code)
        from application_scope_items si left join occupations o on o.code = si.occupation_code
        where si.application_id = ${applications.id}
        group by 1 order by min(si.occupation_code), 1)`,
      total: windowTotal(),
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(collectionRounds, eq(collectionRounds.id, applications.roundId))
    .leftJoin(divisions, eq(divisions.code, applications.cityCode))
    .where(shapeWhere(db, shape, assignedScope))
    .orderBy(...order, applications.id)
    .limit(p('limit'))
    .offset(p('offset'));
}

type InboxStatement = ReturnType<ReturnType<typeof inboxQuery>['prepare']>;

/** One prepared statement per shape (at most a few dozen), per database handle. */
const inboxStatements = preparedPer(() => new Map<string, InboxStatement>());

export async function inbox(db: Executor, actor: Actor, f: InboxFilter, now: Date, mode: 'todo' | 'done') {
  const today = todayInShanghai(now);
  const states = INBOX_STATES[actor.role] ?? [];
  const shape: Shape = {
    mode,
    scope: scopeKindOf(actor),
    round: Boolean(f.roundId),
    occupation: Boolean(f.occupationCode),
    overdue: f.overdue,
    sort: f.sort,
  };
  const params = {
    city: actor.cityCode,
    organization: actor.organizationId,
    states: f.status && states.includes(f.status) ? [f.status] : states.length ? states : ['-'],
    actor: actor.userId,
    round: f.roundId,
    occupation: f.occupationCode,
    today,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  };
  // Assignment scopes (experts, inspectors) depend on the caller's assignments: built per request.
  const assignedScope = shape.scope === 'assigned' ? await applicationScope(db, actor) : undefined;
  let statement: Pick<InboxStatement, 'execute'>;
  if (assignedScope) {
    // An unnamed statement: its SQL holds this caller's assignments, so it is not kept.
    statement = inboxQuery(db, shape, assignedScope).prepare('');
  } else {
    const key = JSON.stringify(shape);
    const statements = inboxStatements(db);
    let cached = statements.get(key);
    if (!cached) {
      cached = inboxQuery(db, shape).prepare(`inbox_${statements.size}`);
      statements.set(key, cached);
    }
    statement = cached;
  }
  const rows = await statement.execute(params);
  // Past the last page: the first row of the same query still carries the total.
  const total = await pageTotal(rows, f.page, async () => {
    const [first] = await statement.execute({ ...params, limit: 1, offset: 0 });
    return first?.total ?? 0;
  });
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
      occupations: r.occupations,
      dueDate: r.app.stageDueDate,
      dueProvisional: r.app.stageDueProvisional,
      overdue: mode === 'todo' && isOverdue(today, r.app.stageDueDate),
      updatedAt: r.app.updatedAt.toISOString(),
    })),
    total,
  };
}
