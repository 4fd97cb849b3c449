/** Reading organizations, always through the scope filter. */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound, ORGANIZATION_MACHINE, type Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { divisions, organizations } from '../../db/schema';
import { scoped } from '../../db/scope';
import { statusFilter } from '../workflow/status-filter';

const city = alias(divisions, 'city');
const county = alias(divisions, 'county');
const columns = { cityCode: organizations.cityCode, organizationId: organizations.id };

export interface OrganizationFilter {
  q?: string | undefined;
  status?: string | undefined;
  cityCode?: string | undefined;
  page: number;
  pageSize: number;
}

const selection = { org: organizations, cityName: city.name, countyName: county.name };

function withNames<
  T extends { org: typeof organizations.$inferSelect; cityName: string | null; countyName: string | null },
>(r: T) {
  return { ...r.org, cityName: r.cityName, countyName: r.countyName };
}

export async function listOrganizations(db: Executor, actor: Actor, filter: OrganizationFilter) {
  const conditions: (SQL | undefined)[] = [
    statusFilter(ORGANIZATION_MACHINE, organizations.status, filter.status),
    filter.cityCode ? eq(organizations.cityCode, filter.cityCode) : undefined,
    filter.q
      ? or(
          ilike(organizations.name, `%${escapeLike(filter.q)}%`),
          eq(organizations.creditCode, filter.q.toUpperCase()),
        )
      : undefined,
  ];
  const where = scoped(actor, columns, ...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select(selection)
      .from(organizations)
      .leftJoin(city, eq(city.code, organizations.cityCode))
      .leftJoin(county, eq(county.code, organizations.countyCode))
      .where(where)
      .orderBy(desc(organizations.createdAt), organizations.id)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { rows: rows.map(withNames), total: Number(totals[0]?.n ?? 0) };
}

/** One organization in the caller's scope, or 404. */
export async function getOrganization(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const query = db
    .select(selection)
    .from(organizations)
    .leftJoin(city, eq(city.code, organizations.cityCode))
    .leftJoin(county, eq(county.code, organizations.countyCode))
    .where(and(scoped(actor, columns, eq(organizations.id, id))))
    .limit(1);
  const rows = opts.forUpdate ? await query.for('update', { of: organizations }) : await query;
  const row = rows[0];
  if (!row) throw notFound();
  return withNames(row);
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
