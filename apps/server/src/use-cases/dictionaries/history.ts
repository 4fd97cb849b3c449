/** 字典修改历史: the audit entries of dictionary edits (never other audit entries, whoever asks). */
import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { DictionaryTargetType } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import { DICTIONARY_AUDIT_PREFIX, paging, toIso } from './common';

export async function dictionaryHistory(
  db: Executor,
  query: { targetType: DictionaryTargetType; targetId?: string | undefined; page: number; pageSize: number },
) {
  const where = and(
    like(auditLog.action, `${DICTIONARY_AUDIT_PREFIX}%`),
    eq(auditLog.targetType, query.targetType),
    query.targetId === undefined ? undefined : eq(auditLog.targetId, query.targetId),
  );
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where);
  const { limit, offset } = paging(query.page, query.pageSize);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      reason: auditLog.reason,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map((r) => ({ ...r, id: Number(r.id), at: toIso(r.at)!, targetType: r.targetType ?? '' })),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
