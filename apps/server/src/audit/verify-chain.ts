/** Walks the audit chain in id order, in pages, and names the first entry whose hash does not hold. */
import { asc, gt } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';
import { chainHash, GENESIS_HASH } from './audit-writer';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  message: string;
}

export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const expected = chainHash(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorName: row.actorName,
        actorRole: row.actorRole,
        ip: row.ip,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        cityCode: row.cityCode,
        reason: row.reason,
        before: row.before,
        after: row.after,
      });
      if (row.prevHash !== prevHash || row.hash !== expected) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          message: `审计日志链在第 ${row.id} 条记录处断裂：该记录或其前一条记录被篡改或删除`,
        };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
  return { ok: true, checked, firstBrokenId: null, message: `审计日志链完整，共校验 ${checked} 条记录` };
}
