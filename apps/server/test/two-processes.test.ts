/**
 * Two API processes on one PostgreSQL database and one S3-compatible bucket, as behind a load balancer
 * (docs/operations.md): a session made on one is valid on the other and a logout on either ends it; the
 * daily job runs once although both processes' schedulers run it; a file uploaded through one downloads
 * byte-identical from the other. Real processes (`apps/server/src/main.ts`), real HTTP. PostgreSQL only:
 * PGlite is one process's embedded database by design.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { startServer, type ServerProcess } from '../drill/server-process';
import { freshPostgres } from '../drill/fresh-postgres';
import { login } from '../drill/http-client';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server';
import { samplePdf } from './support/multipart';

const onPostgres = process.env.TEST_DB_DRIVER === 'postgres';
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

describe.skipIf(!onPostgres)('two API processes on one PostgreSQL', () => {
  let s3: S3TestServer;
  let database: { url: string; drop: () => Promise<void> };
  let work: string;
  let a: ServerProcess;
  let b: ServerProcess;

  const query = async <T>(text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    s3 = await startS3TestServer('skillcert-two');
    database = await freshPostgres(adminUrl);
    work = await mkdtemp(path.join(tmpdir(), 'skillcert-two-'));
    const env = {
      NODE_ENV: '', // demo mode: the demo accounts exist
      DATABASE_URL: database.url,
      DATA_DIR: path.join(work, 'data'),
      S3_BUCKET: s3.settings.bucket,
      S3_ENDPOINT: s3.settings.endpoint!,
      S3_REGION: s3.settings.region,
      S3_ACCESS_KEY_ID: s3.settings.accessKeyId!,
      S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey!,
      S3_FORCE_PATH_STYLE: 'true',
      SCHEDULER_FIRST_RUN_MS: '0',
      RATE_LIMIT_MULTIPLIER: '100',
    };
    // The first process migrates and seeds; the second starts on the seeded database.
    a = await startServer(env, path.join(work, 'a.log'), 170_000);
    b = await startServer(env, path.join(work, 'b.log'), 170_000);
  }, 360_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
    await s3?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('a session made on one process is valid on the other, and a logout on the other ends it on both', async () => {
    const onA = await login(a.url, 'cs_zx', DEMO_PASSWORD);
    const cookieAndToken = onA.headers;
    const meOnB = await fetch(`${b.url}/api/auth/me`, { headers: cookieAndToken });
    expect(meOnB.status).toBe(200);
    expect(((await meOnB.json()) as { user: { username: string } }).user.username).toBe('cs_zx');

    const logout = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: cookieAndToken });
    expect(logout.status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: cookieAndToken })).status).toBe(401);
    expect((await fetch(`${b.url}/api/auth/me`, { headers: cookieAndToken })).status).toBe(401);
  });

  it('the daily reminder job runs once although both processes ran their scheduler', async () => {
    // Each process ran its scheduler at start-up (SCHEDULER_FIRST_RUN_MS=0), before it answered.
    const runs = await query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'job.due_reminders'`,
    );
    expect(runs[0]?.n).toBe(1);
  });

  it('a file uploaded through one process downloads byte-identical from the other', async () => {
    const onA = await login(a.url, 'qy_admin', DEMO_PASSWORD);
    const list = (await (await onA.get('/api/applications')).json()) as {
      items: { id: string; status: string }[];
    };
    const draft = list.items.find((i) => i.status === 'draft');
    expect(draft).toBeDefined();
    const detail = (await (await onA.get(`/api/applications/${draft!.id}`)).json()) as {
      materialSlots: { key: string; accept: string[] }[];
    };
    const slot = detail.materialSlots.find((s) => s.accept.includes('pdf')) ?? detail.materialSlots[0]!;
    const content = Buffer.concat([samplePdf(), Buffer.from(`两进程 ${a.url}`)]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), '材料.pdf');
    const uploaded = await fetch(`${a.url}/api/applications/${draft!.id}/materials/${slot.key}`, {
      method: 'POST',
      headers: onA.headers,
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };

    const back = await fetch(`${b.url}/api/applications/${draft!.id}/materials/${id}/file`, {
      headers: onA.headers,
    });
    expect(back.status).toBe(200);
    const bytes = Buffer.from(await back.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(content).digest('hex'),
    );
  });
});
