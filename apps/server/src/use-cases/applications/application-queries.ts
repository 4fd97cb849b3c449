/** Reading applications, always through the scope filter (applicant: own org; city: own city; province: all). */
import { and, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { notFound, type Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applications,
  collectionRounds,
  divisions,
  expertAssignments,
  experts,
  organizations,
} from '../../db/schema';
import { scopeCondition } from '../../db/scope';
import { pageTotal, windowTotal } from '../../db/paging';
import { escapeLike } from '../organizations/organization-queries';
import { inspectorAssignedApplicationIds } from '../spot-checks/inspector-scope';

const scopeColumns = { cityCode: applications.cityCode, organizationId: applications.organizationId };

export type ApplicationRow = typeof applications.$inferSelect;

/** Experts see only the applications they are assigned to (and not replaced on). */
export async function assignedApplicationIds(db: Executor, actor: Actor): Promise<string[]> {
  // Inspectors: the targets of their spot checks (通知第五条第三款).
  if (actor.role === 'inspector') return inspectorAssignedApplicationIds(db, actor);
  if (actor.role !== 'expert') return [];
  const rows = await db
    .select({ applicationId: expertAssignments.applicationId })
    .from(expertAssignments)
    .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
    .where(and(eq(experts.userId, actor.userId), ne(expertAssignments.status, 'replaced')));
  return rows.map((r) => r.applicationId);
}

/** The scope of applications for this actor (experts: their assignments). */
export async function applicationScope(db: Executor, actor: Actor): Promise<SQL> {
  return scopeCondition(
    actor,
    { ...scopeColumns, id: applications.id },
    await assignedApplicationIds(db, actor),
  );
}

export async function getApplication(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const scope = await applicationScope(db, actor);
  const query = db
    .select()
    .from(applications)
    .where(and(scope, eq(applications.id, id)))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export interface ApplicationFilter {
  roundId?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listApplications(db: Executor, actor: Actor, f: ApplicationFilter) {
  const conditions: (SQL | undefined)[] = [
    f.roundId ? eq(applications.roundId, f.roundId) : undefined,
    f.status ? eq(applications.status, f.status) : undefined,
    f.q ? or(ilike(organizations.name, `%${escapeLike(f.q)}%`), eq(applications.number, f.q)) : undefined,
    // Drafts belong to the applicant until submitted; staff do not see them.
    actor.role === 'applicant' ? undefined : sql`${applications.status} <> 'draft'`,
  ];
  const where = and(await applicationScope(db, actor), ...conditions);
  // One round trip: the page with its window total; past the last page the total comes from the first row.
  const page = (limit: number, offset: number) =>
    db
      .select({
        app: applications,
        roundTitle: collectionRounds.title,
        organizationName: organizations.name,
        cityName: divisions.name,
        // Correlated per row of the page (an aggregate over every application's items would scan them all).
        scopeCount: sql<number>`(select count(*)::int from application_scope_items si where si.application_id = ${applications.id})`,
        total: windowTotal(),
      })
      .from(applications)
      .innerJoin(collectionRounds, eq(collectionRounds.id, applications.roundId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .leftJoin(divisions, eq(divisions.code, applications.cityCode))
      .where(where)
      .orderBy(desc(applications.updatedAt), applications.id)
      .limit(limit)
      .offset(offset);
  const rows = await page(f.pageSize, (f.page - 1) * f.pageSize);
  const total = await pageTotal(rows, f.page, async () => (await page(1, 0))[0]?.total ?? 0);
  return { rows, total };
}
