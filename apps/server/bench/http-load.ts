/**
 * `npm run bench -- http`: the hot routes over real HTTP on PostgreSQL, next to the ceiling — a bare
 * route of the same server doing one indexed primary-key query — measured before and after in the same
 * run. A database `skillcert_bench_hotpaths` is created on the server of DATABASE_URL (default
 * 127.0.0.1:5432) and dropped at the end; it holds the demo data plus a realistic volume, bulk-loaded in
 * multi-row SQL: 100k bodies / 1M scope items / 500k applications / 50k users at `--scale=1` (the
 * default; `--scale=0.1` for a tenth). autocannon (in its own process, so it does not share the server's
 * event loop) drives each route with 10 connections for BENCH_HTTP_SECONDS (5) seconds. Prints req/s,
 * p50/p99 and the share of the ceiling per route, the server's RSS after the load, and the time from
 * `npm start` to /api/health on an existing data directory (`--no-start` skips it). Figures only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../src/config';
import { systemClock } from '../src/clock';
import { openDatabase } from '../src/db/client';
import { createDeps } from '../src/deps';
import { buildApp } from '../src/http/app';
import { seedReferenceData } from '../src/reference/seed-reference';
import { seedDemoData } from '../src/demo/seed-demo';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { seededRandom, type BenchContext } from './harness';
import { load } from './registry-data';
import { loadApplications, loadUsers } from './volume-data';
import { startUpOnExistingData } from './start-time';

const run = promisify(execFile);
const autocannonBin = path.resolve(import.meta.dirname, '../../../node_modules/autocannon/autocannon.js');
const DB_NAME = 'skillcert_bench_hotpaths';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function autocannon(url: string, seconds: number, cookie?: string): Promise<Load> {
  const args = [autocannonBin, '--json', '-c', '10', '-d', String(seconds)];
  if (cookie) args.push('-H', `cookie=sc_session=${cookie}`);
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}

export async function runHttpBench(argv: string[]): Promise<void> {
  const scale = Number(argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? 1);
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'skillcert-bench-http-'));
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    await seedReferenceData(database.db);
    const config: AppConfig = {
      ...loadConfig({ ...process.env, NODE_ENV: 'test' }),
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
      rateLimitMultiplier: 1_000_000,
      filesDir,
    };
    const deps = createDeps(config, database, systemClock);
    await seedDemoData(deps);
    const t0 = performance.now();
    const ctx = { database, random: seededRandom(20261206) } as BenchContext;
    const bodies = await load(ctx, Math.round(100_000 * scale));
    await loadApplications(database.db, Math.round(500_000 * scale));
    await loadUsers(database.db, Math.round(50_000 * scale));
    console.log(`  volume ×${scale} loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const app = await buildApp(deps);
    // The ceiling: one indexed primary-key query, no session, no schema, through the same server.
    app.get<{ Params: { code: string } }>(
      '/api/bench/ceiling/:code',
      { config: { access: { public: true } } },
      async (request) => {
        const result = await database.db.execute(
          sql`select name from registry_bodies where credit_code = ${request.params.code}`,
        );
        return (result as unknown as { rows: unknown[] }).rows[0] ?? null;
      },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      return res.cookies.find((c) => c.name === 'sc_session')!.value;
    };
    const city = await login('cs_zx');
    const province = await login('sjzx');
    const code = bodies[Math.floor(bodies.length / 2)]!.creditCode;
    const routes: [string, string, string?][] = [
      ['GET /api/public/registry?name=焊 (cached)', `/api/public/registry?name=${encodeURIComponent('焊')}`],
      ['GET /api/public/registry/:creditCode', `/api/public/registry/${code}`],
      ['GET /api/public/notices', '/api/public/notices'],
      ['GET /api/public/draws', '/api/public/draws'],
      ['GET /api/inbox (city center)', '/api/inbox?sort=due&page=1&pageSize=20', city],
      ['GET /api/inbox (province center)', '/api/inbox?sort=due&page=1&pageSize=20', province],
      ['GET /api/applications (city center)', '/api/applications?page=1&pageSize=20', city],
      ['GET /api/auth/me', '/api/auth/me', city],
    ];
    const ceilingUrl = `${base}/api/bench/ceiling/${code}`;
    await autocannon(ceilingUrl, 2); // warm-up: connections, plans, JIT
    const before = await autocannon(ceilingUrl, seconds);
    const results: [string, Load][] = [];
    for (const [label, path_, cookie] of routes) {
      await autocannon(`${base}${path_}`, 1, cookie);
      results.push([label, await autocannon(`${base}${path_}`, seconds, cookie)]);
    }
    const after = await autocannon(ceilingUrl, seconds);
    const ceiling = (before.rps + after.rps) / 2;
    const rss = process.memoryUsage().rss / 1024 / 1024;
    await app.close();

    const row = (label: string, l: Load, share: string) =>
      `| ${label} | ${l.rps.toFixed(0)} | ${l.p50} ms | ${l.p99} ms | ${share} |${l.errors ? ` ${l.errors} errors` : ''}`;
    console.log(`\n10 connections, ${seconds} s per route, PostgreSQL, volume ×${scale}\n`);
    console.log('| route | req/s | p50 | p99 | share of the one-query ceiling |\n|---|---|---|---|---|');
    console.log(row('ceiling: one PK query (before)', before, '—'));
    for (const [label, l] of results) console.log(row(label, l, `${((l.rps / ceiling) * 100).toFixed(0)} %`));
    console.log(row('ceiling: one PK query (after)', after, '—'));
    console.log(`\nserver RSS after the load: ${rss.toFixed(0)} MiB`);
  } finally {
    await database.close();
    rmSync(filesDir, { recursive: true, force: true });
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists ${DB_NAME} with (force)`);
    await a.end();
  }
  if (argv.includes('--no-start')) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'skillcert-bench-start-'));
  try {
    const { first, again } = await startUpOnExistingData(dataDir, 3917);
    console.log(
      `npm start → /api/health: ${again.toFixed(1)} s on an existing data directory (first start ${first.toFixed(1)} s)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
