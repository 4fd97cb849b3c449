/**
 * 数据范围: the one scope filter every list, get, export and count goes through (ARCHITECTURE.md).
 * Province staff see the province; city staff their city; applicants their organization; experts and
 * inspectors only what is assigned to them (their assignment tables pass `assignedIds`). Anything out of
 * scope is simply not found. A query that must bypass it is named `unsafe…`.
 */
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '@skillcert/domain';

export interface ScopeColumns {
  cityCode?: AnyColumn;
  organizationId?: AnyColumn;
  /** The row's id, for assignment-based scopes (experts, inspectors). */
  id?: AnyColumn;
}

const NOTHING = sql`false`;

export function scopeCondition(actor: Actor, columns: ScopeColumns, assignedIds: string[] = []): SQL {
  switch (actor.role) {
    case 'province_center':
    case 'province_bureau':
    case 'sys_admin':
    case 'security_admin':
    case 'audit_admin':
      return sql`true`;
    case 'city_center':
    case 'city_bureau':
      return columns.cityCode && actor.cityCode ? eq(columns.cityCode, actor.cityCode) : NOTHING;
    case 'applicant':
      return columns.organizationId && actor.organizationId
        ? eq(columns.organizationId, actor.organizationId)
        : NOTHING;
    case 'expert':
    case 'inspector':
      return columns.id && assignedIds.length > 0 ? inArray(columns.id, assignedIds) : NOTHING;
  }
}

/** Combines the scope with the query's own filters. */
export const scoped = (actor: Actor, columns: ScopeColumns, ...filters: (SQL | undefined)[]): SQL =>
  and(scopeCondition(actor, columns), ...filters) ?? NOTHING;
