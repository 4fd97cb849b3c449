import http from 'node:http';
import { sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
/**
 * `npm run bench`: performance numbers, printed — not a test, nothing is asserted.
 *
 * Each bench runs against the real app (app.inject, no network) on a fresh database per driver:
 * PGlite in memory always, and PostgreSQL too when DATABASE_URL is set (a throwaway database is
 * created and dropped, as the api-postgres tests do). A bench is an entry of BENCHES: add one there
 * (inbox listing, registry search, …) and it runs on every driver.
 *
 *   npm run bench                         all benches, PGlite
 *   DATABASE_URL=postgres://… npm run bench   also PostgreSQL
 *   npm run bench -- occupation-search        only the named benches
 *   BENCH_SEARCHES=2000 npm run bench         more searches
 *   npm run bench -- http [--scale=0.1]       hot routes over real HTTP on PostgreSQL (http-load.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../src/config';
import { systemClock } from '../src/clock';
import { openDatabase, type Database } from '../src/db/client';
import { createDeps } from '../src/deps';
import { buildApp } from '../src/http/app';
import { seedReferenceData } from '../src/reference/seed-reference';
import { seedDemoData } from '../src/demo/seed-demo';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { occupations } from '../src/db/schema';
import { registrySearchBench } from './registry-search';
import { runHttpBench } from './http-load';

import { measure, printLatency, seededRandom, type Bench, type BenchContext } from './harness';

export type { Bench, BenchContext, LatencyReport } from './harness';

// ---------------------------------------------------------------- benches

/** (a) 职业搜索 over the whole catalogue, with queries drawn from the real names and codes. */
const occupationSearch: Bench = {
  name: 'occupation-search',
  description: 'GET /api/dict/occupations?q=… over the whole 职业分类大典',
  async run(ctx) {
    const count = Number(process.env.BENCH_SEARCHES ?? 500);
    const catalogue = await ctx.database.db
      .select({ code: occupations.code, name: occupations.name })
      .from(occupations);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(ctx.random() * items.length)]!;
    const substring = (name: string, len: number) => {
      const chars = [...name];
      if (chars.length <= len) return name;
      const start = Math.floor(ctx.random() * (chars.length - len + 1));
      return chars.slice(start, start + len).join('');
    };
    const codePrefix = (code: string) => {
      const parts = code.split('-');
      const depth = 1 + Math.floor(ctx.random() * parts.length);
      const prefix = parts.slice(0, depth).join('-');
      // Sometimes a half-typed segment: '6-1', '6-18-0'.
      return depth > 1 && ctx.random() < 0.3 ? prefix.slice(0, -1) : prefix;
    };
    const kinds = {
      'name, 1-char prefix': () => substring(pick(catalogue).name, 1).slice(0, 1),
      'name, 1-char substring': () => substring(pick(catalogue).name, 1),
      'name, 2-char prefix': () => [...pick(catalogue).name].slice(0, 2).join(''),
      'name, 2-char substring': () => substring(pick(catalogue).name, 2),
      'code prefix': () => codePrefix(pick(catalogue).code),
    } as const;
    const names = Object.keys(kinds) as (keyof typeof kinds)[];
    const queries = Array.from({ length: count }, (_, i) => {
      const kind = names[i % names.length]!;
      return { kind, q: kinds[kind]() };
    });
    const session = await ctx.login('sjzx');
    const search = async ({ q }: { q: string }) => {
      const res = await session.get(`/api/dict/occupations?q=${encodeURIComponent(q)}&pageSize=20`);
      if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
    };
    await measure(queries.slice(0, 30), search); // warm-up
    console.log(`  catalogue: ${catalogue.length} entries; ${queries.length} queries, pageSize 20`);
    printLatency('all queries, sequential', await measure(queries, search));
    printLatency('all queries, 8 concurrent', await measure(queries, search, 8));
    for (const kind of names)
      printLatency(
        kind,
        await measure(
          queries.filter((x) => x.kind === kind),
          search,
        ),
      );
  },
};

/**
 * (b) Peak memory while uploading a 200 MB material: a real socket (app.inject would buffer the body),
 * a chunked multipart body generated on the fly, and process memory sampled every 10 ms. The server
 * streams the file to storage, so the peak above baseline should stay far below the file size.
 */
async function uploadPeakMemoryBench(ctx: BenchContext): Promise<void> {
  const sizeMb = Number(process.env.BENCH_UPLOAD_MB ?? 200);
  const login = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'qy_admin', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'sc_session')!.value;
  const csrf = login.json().csrfToken as string;
  const headers = { cookie: `sc_session=${cookie}`, 'x-csrf-token': csrf };
  const list = await ctx.app.inject({ method: 'GET', url: '/api/applications', headers });
  const draft = (list.json().items as { id: string; status: string }[]).find((a) => a.status === 'draft');
  if (!draft) throw new Error('no draft application of qy_admin in the demo data');
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (ctx.app.server.address() as { port: number }).port;
  const boundary = 'bench-boundary-7d3f';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="监控录像.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const pdfHeader = Buffer.from('%PDF-1.7\n');
  async function* body() {
    // The file is exactly sizeMb MiB: the PDF header, then filler.
    yield head;
    yield chunk.subarray(0, chunk.length - pdfHeader.length);
    for (let i = 1; i < sizeMb; i++) yield chunk;
    yield tail;
  }
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/applications/${draft.id}/materials/video_surveillance`,
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          if (res.statusCode !== 201) console.log(`  answer: ${text}`);
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    Readable.from(body()).pipe(req);
  });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `  uploaded ${sizeMb} MB → HTTP ${status} in ${seconds.toFixed(1)} s (${(sizeMb / seconds).toFixed(0)} MB/s)`,
  );
  console.log(
    `  rss: baseline ${mb(baseline.rss)} MB, peak ${mb(peakRss)} MB (+${mb(peakRss - baseline.rss)} MB)`,
  );
  console.log(
    `  heapUsed: baseline ${mb(baseline.heapUsed)} MB, peak ${mb(peakHeap)} MB (+${mb(peakHeap - baseline.heapUsed)} MB)`,
  );
}
const uploadPeakMemory: Bench = {
  name: 'upload-peak-memory',
  description: 'peak memory while uploading a 200 MB file',
  run: uploadPeakMemoryBench,
};

/**
 * (c) 待办 listing with 50k applications: bulk-loaded in one INSERT … SELECT over generate_series
 * (not the ORM), spread over the 14 cities, statuses and due dates; then a city center's and the
 * province center's inbox pages, sorted by due date, are timed.
 */
const inboxListing: Bench = {
  name: 'inbox-listing',
  description: 'GET /api/inbox over 50k applications (city center, province center)',
  async run(ctx) {
    const total = Number(process.env.BENCH_APPLICATIONS ?? 50_000);
    const db = ctx.database.db;
    const t0 = performance.now();
    const cities = sql.raw(
      "array['430100','430200','430300','430400','430500','430600','430700','430800','430900','431000','431100','431200','431300','433100']",
    );
    // One organization per application (one open application per organization and round).
    await db.execute(sql`
      insert into organizations (name, credit_code, kind, registration_type, city_code, county_code, contact_name, contact_phone_enc, contact_phone_mac, status)
      select '压测单位' || g, 'BENCH' || lpad(g::text, 13, '0'), 'enterprise', 'enterprise',
             (${cities})[1 + (g % 14)], (${cities})[1 + (g % 14)], '联系人', 'x', 'x', 'active'
      from generate_series(1, ${total}) g`);
    await db.execute(sql`
      insert into applications (round_id, organization_id, city_code, status, number, stage_due_date, submitted_at, facts)
      select r.id, o.id, o.city_code,
             (array['submitted','verified','recommended','province_review','returned','withdrawn'])[1 + (o.n % 6)],
             'BENCH-' || o.n,
             date '2026-11-01' + (o.n % 60)::int,
             now() - (o.n % 90) * interval '1 day',
             '{}'::jsonb
      from (select id, city_code, row_number() over (order by id) as n from organizations where credit_code like 'BENCH%') o
      cross join lateral (select id from collection_rounds order by created_at limit 1) r`);
    await db.execute(sql`analyze applications`);
    console.log(`  loaded ${total} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const username of ['cs_zx', 'sjzx']) {
      const session = await ctx.login(username);
      const pages = Array.from(
        { length: 200 },
        (_, i) => `/api/inbox?sort=due&page=${1 + (i % 10)}&pageSize=20`,
      );
      const report = await measure(pages, async (url) => {
        const res = await session.get(url);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      });
      printLatency(`${username} inbox page (20 rows)`, report);
    }
  },
};

export const BENCHES: Bench[] = [
  occupationSearch,
  uploadPeakMemory,
  inboxListing,
  registrySearchBench({ measure, printLatency }),
];

// ---------------------------------------------------------------- drivers

interface Target {
  driver: 'pglite' | 'postgres';
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const pgliteTarget: Target = {
  driver: 'pglite',
  async open() {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, dispose: () => database.close() };
  },
};

function postgresTarget(adminUrl: string): Target {
  return {
    driver: 'postgres',
    async open() {
      const name = `skillcert_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: url.toString() });
      return {
        database,
        async dispose() {
          await database.close();
          const a = new pg.Client({ connectionString: adminUrl });
          await a.connect();
          await a.query(`drop database if exists ${name} with (force)`);
          await a.end();
        },
      };
    },
  };
}

async function runOn(target: Target, benches: Bench[]): Promise<void> {
  const t0 = performance.now();
  const { database, dispose } = await target.open();
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'skillcert-bench-files-'));
  try {
    const seed = await seedReferenceData(database.db);
    const config: AppConfig = {
      ...loadConfig({ ...process.env, NODE_ENV: 'test' }),
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      rateLimitMultiplier: 1000,
      filesDir,
    };
    const deps = createDeps(config, database, systemClock);
    await seedDemoData(deps);
    const app = await buildApp(deps);
    await app.ready();
    console.log(
      `\n== ${target.driver}: ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (reference seed ${seed.ms} ms)`,
    );
    const ctx: BenchContext = {
      driver: target.driver,
      app,
      database,
      random: seededRandom(20261126),
      async login(username) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: DEMO_PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        const cookie = res.cookies.find((c) => c.name === 'sc_session')!.value;
        return {
          get: (url) => app.inject({ method: 'GET', url, headers: { cookie: `sc_session=${cookie}` } }),
        };
      },
    };
    try {
      for (const bench of benches) {
        console.log(`\n[${bench.name}] ${bench.description}`);
        ctx.random = seededRandom(20261126);
        await bench.run(ctx);
      }
    } finally {
      await app.close();
    }
  } finally {
    await dispose();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The HTTP bench owns its database (PostgreSQL) and server: it does not run on the in-process targets.
  if (process.argv.slice(2).includes('http')) return runHttpBench(process.argv.slice(2));
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const benches = only.length ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
  if (benches.length === 0)
    throw new Error(`no bench named ${only.join(', ')}; have: ${BENCHES.map((b) => b.name).join(', ')}`);
  console.log(
    `skillcert bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
  );
  const targets = [pgliteTarget];
  const url = process.env.DATABASE_URL;
  if (url) targets.push(postgresTarget(url));
  else console.log('(DATABASE_URL not set: PostgreSQL skipped)');
  for (const target of targets) await runOn(target, benches);
}

await main();
