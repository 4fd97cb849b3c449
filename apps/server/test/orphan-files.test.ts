/**
 * 孤儿文件清理 on the local folder: content stored by a transaction that rolled back is kept through the
 * grace period and removed after it; content a row references is never removed, however old.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';
import { samplePdf } from './support/multipart';
import { storedFiles } from '../src/db/schema';
import { ORPHAN_GRACE_MS, runOrphanSweep } from '../src/scheduler/orphan-files';
import type { FileStorage } from '../src/adapters/file-storage';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

async function keysIn(storage: FileStorage): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const key of storage.list()) keys.add(key);
  return keys;
}

describe('orphan file sweep (local folder)', () => {
  it('removes content whose transaction rolled back after the grace period, never referenced content', async () => {
    const { storage, db } = ctx.app.deps;
    const row = (key: string, sizeBytes: number, sha256: string) => ({
      storageKey: key,
      originalName: '材料.pdf',
      mimeType: 'application/pdf',
      sizeBytes,
      sha256,
      createdAt: ctx.clock.now(),
    });
    // The upload whose recording transaction fails.
    let orphan = '';
    await expect(
      db.transaction(async (tx) => {
        const stored = await storage.put(Readable.from([samplePdf()]), { maxBytes: 1 << 20 });
        orphan = stored.key;
        await tx.insert(storedFiles).values(row(stored.key, stored.sizeBytes, stored.sha256));
        throw new Error('审核意见保存失败');
      }),
    ).rejects.toThrow('审核意见保存失败');
    // The upload whose transaction commits.
    const kept = await storage.put(Readable.from([samplePdf()]), { maxBytes: 1 << 20 });
    await db.insert(storedFiles).values(row(kept.key, kept.sizeBytes, kept.sha256));
    expect((await keysIn(storage)).has(orphan)).toBe(true);

    const first = await runOrphanSweep(ctx.app.deps);
    expect(first.ran).toBe(true);
    expect(first.removed).toEqual([]);
    expect(first.waiting).toBeGreaterThanOrEqual(1);
    expect(await runOrphanSweep(ctx.app.deps)).toMatchObject({ ran: false, removed: [] }); // once a day

    // The next morning, an hour short of the grace period: still kept.
    ctx.clock.advance(ORPHAN_GRACE_MS - 3_600_000);
    const early = await runOrphanSweep(ctx.app.deps);
    expect(early.ran).toBe(true);
    expect(early.removed).not.toContain(orphan);
    expect((await keysIn(storage)).has(orphan)).toBe(true);

    // The day after: past the grace period, the orphan goes; the referenced file stays.
    ctx.clock.advance(ORPHAN_GRACE_MS + 3_600_000);
    const late = await runOrphanSweep(ctx.app.deps);
    expect(late.ran).toBe(true);
    expect(late.removed).toContain(orphan);
    expect(late.removed).not.toContain(kept.key);
    const after = await keysIn(storage);
    expect(after.has(orphan)).toBe(false);
    expect(after.has(kept.key)).toBe(true);

    // Weeks later the referenced file is still never a candidate.
    ctx.clock.advance(20 * ORPHAN_GRACE_MS);
    const later = await runOrphanSweep(ctx.app.deps);
    expect(later.removed).not.toContain(kept.key);
    expect((await keysIn(storage)).has(kept.key)).toBe(true);
  });
});
