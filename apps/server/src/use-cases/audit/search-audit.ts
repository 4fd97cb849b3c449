/** 审计查询 (audit_admin, read-only): filtered, newest first, paginated on the indexed columns. */
import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import { auditActionLabel, auditTargetLabel } from '@skillcert/domain';
import { escapeLike } from '../organizations/organization-queries';
import { auditTargetNames } from './audit-target-names';

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export function auditConditions(f: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    f.action ? ilike(auditLog.action, `${escapeLike(f.action)}%`) : undefined,
    f.actor
      ? or(eq(auditLog.actorId, f.actor), ilike(auditLog.actorName, `%${escapeLike(f.actor)}%`))
      : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    f.from ? gte(auditLog.at, new Date(f.from)) : undefined,
    f.to ? lte(auditLog.at, new Date(f.to)) : undefined,
  ];
  return and(...conditions);
}

export async function searchAudit(db: Executor, f: AuditFilter) {
  const where = auditConditions(f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const names = await auditTargetNames(db, rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      actorRole: r.actorRole,
      ip: r.ip,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      targetType: r.targetType,
      targetLabel: r.targetType ? auditTargetLabel(r.targetType) : null,
      targetId: r.targetId,
      targetName: names.get(`${r.targetType}:${r.targetId}`) ?? null,
      cityCode: r.cityCode,
      reason: r.reason,
      before: r.before,
      after: r.after,
      hash: r.hash,
    })),
    total: Number(totals[0]?.n ?? 0),
  };
}
