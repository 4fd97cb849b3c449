/** Reading applications, always through the scope filter (applicant: own org; city: own city; province: all). */
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { notFound, type Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  collectionRounds,
  divisions,
  organizations,
} from '../../db/schema';
import { scoped } from '../../db/scope';
import { escapeLike } from '../organizations/organization-queries';

const scopeColumns = { cityCode: applications.cityCode, organizationId: applications.organizationId };

export type ApplicationRow = typeof applications.$inferSelect;

export async function getApplication(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const query = db
    .select()
    .from(applications)
    .where(scoped(actor, scopeColumns, eq(applications.id, id)))
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
  const where = and(scoped(actor, scopeColumns), ...conditions);
  const scopeCount = db
    .select({ applicationId: applicationScopeItems.applicationId, n: count().as('n') })
    .from(applicationScopeItems)
    .groupBy(applicationScopeItems.applicationId)
    .as('scope_count');
  const [rows, totals] = await Promise.all([
    db
      .select({
        app: applications,
        roundTitle: collectionRounds.title,
        organizationName: organizations.name,
        cityName: divisions.name,
        scopeCount: scopeCount.n,
      })
      .from(applications)
      .innerJoin(collectionRounds, eq(collectionRounds.id, applications.roundId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .leftJoin(divisions, eq(divisions.code, applications.cityCode))
      .leftJoin(scopeCount, eq(scopeCount.applicationId, applications.id))
      .where(where)
      .orderBy(desc(applications.updatedAt), applications.id)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: count() })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}
