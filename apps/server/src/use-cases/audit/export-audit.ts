/**
 * 审计日志导出 (audit_admin): CSV, written page by page (keyset on id), so a long trail is never loaded
 * whole. The export itself is recorded in the trail before the file is produced.
 */
import { Readable } from 'node:stream';
import { and, asc, gt } from 'drizzle-orm';
import { auditActionLabel, auditTargetLabel, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { auditLog } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { auditConditions, type AuditFilter } from './search-audit';
import { csvRow } from '../../documents/csv';

const HEADER = [
  '编号',
  '时间',
  '操作人',
  '角色',
  'IP',
  '操作',
  '操作代码',
  '对象类型',
  '对象编号',
  '原因',
  '变更前',
  '变更后',
  '哈希',
];

export async function exportAuditCsv(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  filter: Omit<AuditFilter, 'page' | 'pageSize'>,
  meta: RequestMeta,
): Promise<Readable> {
  await deps.db.transaction((tx) =>
    appendAudit(tx, { actor, ip: meta.ip, action: 'audit.exported', after: filter }, deps.clock.now()),
  );
  const where = auditConditions({ ...filter, page: 1, pageSize: 1 });
  const db = deps.db;
  async function* lines() {
    yield '\uFEFF' + HEADER.join(',') + '\n'; // BOM: Excel opens UTF-8 Chinese correctly
    let lastId = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(where, gt(auditLog.id, lastId)))
        .orderBy(asc(auditLog.id))
        .limit(1000);
      if (rows.length === 0) return;
      yield (
        rows
          .map((r) =>
            csvRow([
              r.id,
              r.at.toISOString(),
              r.actorName,
              r.actorRole,
              r.ip,
              auditActionLabel(r.action),
              r.action,
              r.targetType ? auditTargetLabel(r.targetType) : null,
              r.targetId,
              r.reason,
              r.before,
              r.after,
              r.hash,
            ]),
          )
          .join('\n') + '\n'
      );
      lastId = rows[rows.length - 1]!.id;
    }
  }
  return Readable.from(lines());
}
