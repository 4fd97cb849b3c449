/**
 * After a crash: is every acknowledged write present and whole? Reads the database directly (the server
 * is down), so on PGlite this is also the reopening of a data directory whose writer was killed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import type { FileStorage } from '../src/adapters/file-storage';
import { verifyAuditChain } from '../src/audit/verify-chain';
import type { BurstLedger } from './write-burst';
import { contentSha256 } from './database-facts';

export interface CrashCheck {
  acknowledgedRegistrations: number;
  acknowledgedActivations: number;
  /** Acknowledged writes missing or changed after the restart: must be 0. */
  lost: string[];
  /** Committed records missing a part (account, licence file, content, audit entry): must be 0. */
  halfDone: string[];
  /** Registrations committed whose answer never arrived (in flight at the kill): allowed, counted. */
  committedUnacknowledged: number;
  auditChain: { ok: boolean; message: string };
}

interface DrillOrgRow {
  id: string;
  credit_code: string;
  status: string;
  username: string | null;
  storage_key: string | null;
  sha256: string | null;
  registered_audits: number;
  activated_audits: number;
}

export async function checkAfterCrash(
  db: Db,
  storage: FileStorage,
  ledger: BurstLedger,
): Promise<CrashCheck> {
  const result = (await db.execute(sql`
    select o.id, o.credit_code, o.status, u.username, f.storage_key, f.sha256,
      (select count(*)::int from audit_log a where a.action = 'organization.registered' and a.target_id = o.id::text) as registered_audits,
      (select count(*)::int from audit_log a where a.action = 'organization.activated' and a.target_id = o.id::text) as activated_audits
    from users u
    join organizations o on o.id = u.organization_id
    left join stored_files f on f.id = o.licence_file_id
    where u.username like 'drill\\_%'
  `)) as unknown as { rows: DrillOrgRow[] };
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  const lost: string[] = [];
  const halfDone: string[] = [];
  for (const ack of ledger.registrations) {
    const row = byId.get(ack.organizationId);
    if (!row || row.credit_code !== ack.creditCode || row.username !== ack.username) {
      lost.push(`已确认的注册 ${ack.creditCode} 不在库中`);
    } else if (row.sha256 !== ack.licenceSha256) {
      lost.push(`已确认的注册 ${ack.creditCode} 的营业执照摘要不符`);
    }
  }
  for (const id of ledger.activations) {
    if (byId.get(id)?.status !== 'active') lost.push(`已确认的激活 ${id} 未生效`);
  }
  for (const row of result.rows) {
    if (!row.storage_key || !row.sha256) halfDone.push(`${row.credit_code} 缺营业执照记录`);
    else if ((await contentSha256(storage, row.storage_key)) !== row.sha256)
      halfDone.push(`${row.credit_code} 营业执照内容缺失或不符`);
    if (Number(row.registered_audits) !== 1)
      halfDone.push(`${row.credit_code} 注册审计记录 ${row.registered_audits} 条`);
    const activated = row.status === 'active' ? 1 : 0;
    if (Number(row.activated_audits) !== activated)
      halfDone.push(`${row.credit_code} 激活审计记录与状态不符`);
  }
  const acknowledged = new Set(ledger.registrations.map((r) => r.organizationId));
  return {
    acknowledgedRegistrations: ledger.registrations.length,
    acknowledgedActivations: ledger.activations.size,
    lost,
    halfDone,
    committedUnacknowledged: result.rows.filter((r) => !acknowledged.has(r.id)).length,
    auditChain: await verifyAuditChain(db),
  };
}
