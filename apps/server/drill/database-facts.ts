/** What a restore must reproduce: the row count of every table, the audit chain, every stored file's content. */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import type { FileStorage } from '../src/adapters/file-storage';
import { verifyAuditChain } from '../src/audit/verify-chain';

export interface DatabaseFacts {
  rowCounts: Record<string, number>;
  auditChain: { ok: boolean; message: string };
  /** Stored files whose content is missing or differs from the recorded SHA-256. */
  damagedFiles: string[];
  files: number;
}

/** SHA-256 (hex) of a stored object's content, or null when the storage cannot return it. */
export async function contentSha256(storage: FileStorage, key: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of storage.open(key)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

export async function collectFacts(db: Db, storage: FileStorage): Promise<DatabaseFacts> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { table_name: string }[] };
  const rowCounts: Record<string, number> = {};
  for (const { table_name: name } of tables.rows) {
    const res = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    )) as unknown as {
      rows: { n: number }[];
    };
    rowCounts[name] = Number(res.rows[0]?.n ?? 0);
  }
  const files = (await db.execute(sql`select storage_key, sha256 from stored_files`)) as unknown as {
    rows: { storage_key: string; sha256: string }[];
  };
  const damagedFiles: string[] = [];
  for (const file of files.rows) {
    if ((await contentSha256(storage, file.storage_key)) !== file.sha256) damagedFiles.push(file.storage_key);
  }
  return { rowCounts, auditChain: await verifyAuditChain(db), damagedFiles, files: files.rows.length };
}

/** Tables whose counts differ between the original and the restore (empty when the restore is whole). */
export function countDifferences(a: DatabaseFacts, b: DatabaseFacts): string[] {
  const names = new Set([...Object.keys(a.rowCounts), ...Object.keys(b.rowCounts)]);
  return [...names]
    .filter((n) => a.rowCounts[n] !== b.rowCounts[n])
    .map((n) => `${n}：原库 ${a.rowCounts[n] ?? '无'}，恢复库 ${b.rowCounts[n] ?? '无'}`);
}
