/**
 * Uploaded files in an S3-compatible bucket: a material uploaded through the API with the S3 adapter
 * lands in the bucket and downloads byte-identical (a small file in one PUT, a large one in parts); a
 * missing object answers the same 404 code as a missing file of the local folder; the orphan sweep works
 * on the bucket as on the folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { detail, newDraft, openRound, upload } from './support/filing-fixtures';
import { samplePdf } from './support/multipart';
import { queryRows } from './support/sql';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server';
import { createS3Client, createS3FileStorage, PART_BYTES } from '../src/adapters/s3-file-storage';
import { FileTooLargeError, type FileStorage } from '../src/adapters/file-storage';
import { ORPHAN_GRACE_MS, runOrphanSweep } from '../src/scheduler/orphan-files';

let s3: S3TestServer;
let onS3: TestContext;
let onDisk: TestContext;

beforeAll(async () => {
  s3 = await startS3TestServer();
  onS3 = await createTestContext({ s3: s3.settings });
  onDisk = await createTestContext();
});
afterAll(async () => {
  await onS3.close();
  await onDisk.close();
  await s3.close();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunksOf = (b: Buffer) =>
  Array.from({ length: Math.ceil(b.length / 65536) }, (_, i) => b.subarray(i * 65536, (i + 1) * 65536));
async function keysOf(storage: FileStorage): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const key of storage.list()) keys.add(key);
  return keys;
}
const pdfOf = (bytes: number) => Buffer.concat([samplePdf(), randomBytes(bytes - samplePdf().length)]);

interface Draft {
  school: Session;
  id: string;
  slot: { key: string; maxMB: number };
}

async function draftIn(ctx: TestContext): Promise<Draft> {
  const school = await loginAs(ctx.app, 'xx_admin');
  const id = await newDraft(school, (await openRound(ctx.app)).id);
  const slots = (await detail(school, id)).materialSlots as { key: string; maxMB: number }[];
  const slot = slots.reduce((a, b) => (b.maxMB > a.maxMB ? b : a));
  return { school, id, slot };
}

async function storageKeyOf(ctx: TestContext, materialId: string): Promise<string> {
  const rows = await queryRows<{ storage_key: string }>(
    ctx.database.db,
    sql`select f.storage_key from application_materials m join stored_files f on f.id = m.file_id
        where m.id = ${materialId}`,
  );
  return rows[0]!.storage_key;
}

describe('S3-compatible storage', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await draftIn(onS3);
  });

  it.each([
    ['a small file, in one PUT', 64 * 1024],
    ['a file larger than one part, in parts', PART_BYTES + 512 * 1024],
  ])('stores %s in the bucket and returns it byte-identical', async (_label, bytes) => {
    expect(draft.slot.maxMB * 1024 * 1024).toBeGreaterThan(bytes);
    const content = pdfOf(bytes);
    const res = await upload(draft.school, draft.id, draft.slot.key, content, '大文件.pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json().sha256).toBe(sha256(content));

    const key = await storageKeyOf(onS3, res.json().id);
    const head = await createS3Client(s3.settings).send(
      new HeadObjectCommand({ Bucket: s3.settings.bucket, Key: `files/${key}` }),
    );
    expect(head.ContentLength).toBe(bytes);

    const back = await draft.school.get(`/api/applications/${draft.id}/materials/${res.json().id}/file`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['x-content-sha256']).toBe(sha256(content));
    expect(back.rawPayload.equals(content)).toBe(true);
  });

  it('sends a small upload in one PUT, a large one in parts, and aborts the parts of one too large', async () => {
    const client = createS3Client(s3.settings);
    const commands: string[] = [];
    client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(context.commandName as string);
        return next(args);
      },
      { step: 'initialize' },
    );
    const storage = createS3FileStorage(s3.settings, client);
    const referencedBefore = await keysOf(storage);
    commands.length = 0;
    const limit = { maxBytes: 3 * PART_BYTES };
    await storage.put(Readable.from([pdfOf(4096)]), limit);
    expect(commands).toEqual(['PutObjectCommand']);
    commands.length = 0;
    const large = pdfOf(2 * PART_BYTES + 100);
    const stored = await storage.put(Readable.from(chunksOf(large)), limit);
    expect(stored).toMatchObject({ sizeBytes: large.length, sha256: sha256(large) });
    expect(commands).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    const before = await keysOf(storage);
    commands.length = 0;
    await expect(
      storage.put(Readable.from(chunksOf(large)), { maxBytes: PART_BYTES + 10 }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(commands).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'AbortMultipartUploadCommand',
    ]);
    expect(await keysOf(storage)).toEqual(before);
    for (const key of before) if (!referencedBefore.has(key)) await storage.remove(key);
  });

  it('lists what it stores, and an upload of the wrong type leaves nothing in the bucket', async () => {
    const listed = new Set<string>();
    for await (const key of onS3.app.deps.storage.list()) listed.add(key);
    const before = listed.size;
    expect(before).toBeGreaterThanOrEqual(2);
    const refused = await upload(
      draft.school,
      draft.id,
      draft.slot.key,
      Buffer.alloc(4096, 0x41),
      '文本.pdf',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    let after = 0;
    for await (const _ of onS3.app.deps.storage.list()) after += 1;
    expect(after).toBe(before);
  });

  it('answers a missing object with the same 404 code as the local folder', async () => {
    const answers: { status: number; code: string }[] = [];
    for (const ctx of [onS3, onDisk]) {
      const d = ctx === onS3 ? draft : await draftIn(ctx);
      const res = await upload(d.school, d.id, d.slot.key);
      expect(res.statusCode).toBe(201);
      const key = await storageKeyOf(ctx, res.json().id);
      if (ctx === onS3) {
        await createS3Client(s3.settings).send(
          new DeleteObjectCommand({ Bucket: s3.settings.bucket, Key: `files/${key}` }),
        );
      } else {
        await ctx.app.deps.storage.remove(key);
      }
      const gone = await d.school.get(`/api/applications/${d.id}/materials/${res.json().id}/file`);
      answers.push({ status: gone.statusCode, code: gone.json().code });
    }
    expect(answers).toEqual([
      { status: 404, code: 'FILE_CONTENT_MISSING' },
      { status: 404, code: 'FILE_CONTENT_MISSING' },
    ]);
  });

  it('the orphan sweep removes an unreferenced object from the bucket after the grace period only', async () => {
    const { storage } = onS3.app.deps;
    const referenced = new Set<string>();
    for await (const key of storage.list()) referenced.add(key);
    const orphan = (await storage.put(Readable.from([samplePdf()]), { maxBytes: 1 << 20 })).key;
    // No transaction ever records it (as when the recording transaction rolls back).
    expect((await runOrphanSweep(onS3.app.deps)).removed).toEqual([]);
    onS3.clock.advance(ORPHAN_GRACE_MS + 3_600_000);
    const late = await runOrphanSweep(onS3.app.deps);
    expect(late.ran).toBe(true);
    expect(late.removed).toEqual([orphan]);
    const left = new Set<string>();
    for await (const key of storage.list()) left.add(key);
    expect(left).toEqual(referenced);
  });
});
