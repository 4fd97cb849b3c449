/**
 * 审计日志 writer. Entries are appended inside the caller's transaction and hash-chained:
 * hash = SM3(prevHash + canonical entry). To keep the chain linear, writers serialize on one
 * transaction-scoped advisory lock, taken by the audit insert itself; callers write their audit entry
 * as the LAST statement of the transaction, so a holder of the lock never waits for another row lock
 * and concurrent writers cannot deadlock (the lock is released at commit/rollback).
 */
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Actor, AuditAction } from '@skillcert/domain';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export const AUDIT_CHAIN_LOCK = 7_300_431;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: Pick<Actor, 'userId' | 'displayName' | 'role'> | null;
  /** For anonymous actions (failed login of an unknown user, registration), who it was attempted as. */
  actorLabel?: string;
  ip?: string | null;
  /** Only a catalogued action (audit-labels.ts), so every entry has its Chinese name. */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  cityCode?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface StoredAuditFields {
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  cityCode: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** Canonical JSON: keys sorted at every depth, so the hash does not depend on jsonb key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, fields: StoredAuditFields): string {
  return createHash('sm3').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export async function appendAudit(tx: Executor, entry: AuditEntry, now: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const fields: StoredAuditFields = {
    at: now.toISOString(),
    actorId: entry.actor?.userId ?? null,
    actorName: entry.actor?.displayName ?? entry.actorLabel ?? null,
    actorRole: entry.actor?.role ?? null,
    ip: entry.ip ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    cityCode: entry.cityCode ?? null,
    reason: entry.reason ?? null,
    before: normalizeJson(entry.before),
    after: normalizeJson(entry.after),
  };
  await tx.insert(auditLog).values({ ...fields, at: now, prevHash, hash: chainHash(prevHash, fields) });
}

/** What jsonb gives back for a value: drop undefined, turn Dates into ISO strings. */
function normalizeJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
