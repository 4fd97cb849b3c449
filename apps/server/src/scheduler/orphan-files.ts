/**
 * 孤儿文件清理: content is stored before the transaction that records it; when that transaction rolls
 * back (or the process dies in between) the content stays in storage with no row pointing at it. Once a
 * day this sweep lists the storage, notes every key no `stored_files` row references with the time it
 * was first seen unreferenced (the app's clock: storage timestamps come from another clock), and removes
 * those still unreferenced a grace period later. A referenced key is never removed, and the grace period
 * outlasts any transaction, so an upload whose row is about to commit is safe.
 *
 * Like the reminder job: several instances may run it, the advisory lock and the recorded last run make
 * one of them do the work. Storage is listed before and changed after the transaction, never inside it.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { todayInShanghai } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import type { Executor } from '../db/client';
import { storedFiles, systemParameters, unreferencedFiles } from '../db/schema';
import { appendAudit } from '../audit/audit-writer';

/** [policy] 24 h: far longer than any upload's transaction, short enough to reclaim space daily. */
export const ORPHAN_GRACE_MS = 24 * 3_600_000;

const JOB_LOCK = 7_300_503;
const KEY = 'job:orphan_files';
const BATCH = 500;

export interface OrphanSweepRun {
  /** false when another instance holds the lock or today's sweep has run. */
  ran: boolean;
  date: string;
  /** Keys removed from storage in this run. */
  removed: string[];
  /** Unreferenced keys kept because their grace period has not passed. */
  waiting: number;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function referencedAmong(tx: Executor, keys: string[]): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const batch of batches(keys)) {
    const rows = await tx
      .select({ key: storedFiles.storageKey })
      .from(storedFiles)
      .where(inArray(storedFiles.storageKey, batch));
    for (const r of rows) referenced.add(r.key);
  }
  return referenced;
}

async function sweptOn(db: Executor, today: string): Promise<boolean> {
  const [last] = await db.select().from(systemParameters).where(eq(systemParameters.key, KEY));
  return (last?.value as { date?: string } | undefined)?.date === today;
}

export async function runOrphanSweep(
  deps: Pick<AppDeps, 'db' | 'clock' | 'storage'>,
): Promise<OrphanSweepRun> {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const idle: OrphanSweepRun = { ran: false, date: today, removed: [], waiting: 0 };
  // The scheduler ticks every few minutes: list the storage only when today's sweep is still to do.
  if (await sweptOn(deps.db, today)) return idle;
  const stored: string[] = [];
  for await (const key of deps.storage.list()) stored.push(key);

  const run = await deps.db.transaction(async (tx) => {
    const locked = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${JOB_LOCK}) as ok`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!locked.rows[0]?.ok) return idle;
    if (await sweptOn(tx, today)) return idle;

    const referenced = await referencedAmong(tx, stored);
    const unreferenced = stored.filter((key) => !referenced.has(key));
    const seen = new Map(
      (await tx.select().from(unreferencedFiles)).map((r) => [r.storageKey, r.firstSeenAt]),
    );
    const removed: string[] = [];
    const firstSeen: string[] = [];
    let waiting = 0;
    for (const key of unreferenced) {
      const since = seen.get(key);
      if (!since) firstSeen.push(key);
      if (since && now.getTime() - since.getTime() >= ORPHAN_GRACE_MS) removed.push(key);
      else waiting += 1;
    }
    // Forget keys that got referenced, vanished from storage, or are removed now.
    const stillWaiting = new Set(unreferenced.filter((key) => !removed.includes(key)));
    const forget = [...seen.keys()].filter((key) => !stillWaiting.has(key));
    for (const batch of batches(forget))
      await tx.delete(unreferencedFiles).where(inArray(unreferencedFiles.storageKey, batch));
    for (const batch of batches(firstSeen))
      await tx
        .insert(unreferencedFiles)
        .values(batch.map((storageKey) => ({ storageKey, firstSeenAt: now })));

    const summary = { date: today, removed: removed.length, waiting };
    await tx
      .insert(systemParameters)
      .values({ key: KEY, value: summary, updatedAt: now })
      .onConflictDoUpdate({ target: systemParameters.key, set: { value: summary, updatedAt: now } });
    await appendAudit(
      tx,
      {
        actor: null,
        actorLabel: '定时任务',
        action: 'job.orphan_files',
        after: { ...summary, keys: removed },
      },
      now,
    );
    return { ran: true, date: today, removed, waiting };
  });

  // After the commit: a run that rolled back removes nothing. A failed removal is retried by a later
  // sweep (the key is seen unreferenced again and waits a new grace period).
  for (const key of run.removed) {
    await deps.storage
      .remove(key)
      .catch((error: unknown) => console.error(`孤儿文件删除失败：${key}`, error));
  }
  return run;
}
