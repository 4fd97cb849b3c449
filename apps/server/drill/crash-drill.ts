/**
 * `npm run drill` — the crash drill (docs/operations.md): on PGlite and on PostgreSQL, the server is
 * killed with SIGKILL during a burst of registrations (with uploads) and activations, then the database is
 * opened again and every acknowledged write must be there and whole, and the audit chain must verify;
 * then the server must start again on the same data. Exit code 1 on any lost or half-done write.
 *
 *   npm run drill                              both databases, 3 kills each
 *   npm run drill -- --db postgres --rounds 1  what CI runs
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { createLocalFileStorage } from '../src/adapters/file-storage';
import { startServer } from './server-process';
import { newLedger, runWriteBurst } from './write-burst';
import { checkAfterCrash, type CrashCheck } from './check-writes';
import { freshPostgres } from './fresh-postgres';

type Target = 'pglite' | 'postgres';

interface Options {
  targets: Target[];
  rounds: number;
  /** Milliseconds of writing before the first kill; later rounds write a little longer. */
  burstMs: number;
  baseUrl: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const db = value('db') ?? 'all';
  if (!['all', 'pglite', 'postgres'].includes(db)) throw new Error('--db 只能是 all、pglite 或 postgres');
  return {
    targets: db === 'all' ? ['pglite', 'postgres'] : [db as Target],
    rounds: Math.max(1, Number(value('rounds') ?? 3)),
    burstMs: Math.max(500, Number(value('burst-ms') ?? 2500)),
    baseUrl: process.env.DRILL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}

const RUN_TAGS = ['AB', 'CD', 'EF', 'GH', 'JK', 'LM', 'NP', 'QR', 'TU', 'WX'];

async function drillOne(target: Target, opts: Options): Promise<boolean> {
  const work = await mkdtemp(path.join(tmpdir(), `skillcert-drill-${target}-`));
  const pgDb = target === 'postgres' ? await freshPostgres(opts.baseUrl) : null;
  const settings = {
    DATABASE_URL: pgDb?.url ?? '',
    DATA_DIR: path.join(work, 'data'),
    FILES_DIR: path.join(work, 'files'),
    RATE_LIMIT_MULTIPLIER: '1000',
  };
  const logFile = path.join(work, 'server.log');
  const ledger = newLedger();
  let ok = true;
  try {
    for (let round = 1; round <= opts.rounds; round += 1) {
      const server = await startServer(settings, logFile);
      let stopped = false;
      const burst = runWriteBurst(
        server.url,
        RUN_TAGS[(round - 1) % RUN_TAGS.length]!,
        ledger,
        () => stopped,
      );
      await new Promise((r) => setTimeout(r, opts.burstMs + (round - 1) * 700));
      await server.kill();
      stopped = true;
      await burst;
      const database = await openDatabase({
        databaseUrl: settings.DATABASE_URL || undefined,
        dataDir: settings.DATA_DIR,
      });
      let check: CrashCheck;
      try {
        check = await checkAfterCrash(database.db, createLocalFileStorage(settings.FILES_DIR), ledger);
      } finally {
        await database.close();
      }
      ok = report(target, round, check, ledger.unanswered) && ok;
    }
    const again = await startServer(settings, logFile);
    const health = await fetch(`${again.url}/api/health`);
    await again.stop();
    console.log(`  ${target}：再次启动 ${health.ok ? '正常' : `失败（${health.status}）`}`);
    ok = ok && health.ok;
    if (ledger.refused.length > 0)
      console.log(`  意外拒绝 ${ledger.refused.length} 次，例如：${ledger.refused[0]}`);
  } finally {
    await pgDb?.drop();
    if (ok) await rm(work, { recursive: true, force: true });
    else console.log(`  日志与数据保留在 ${work}`);
  }
  return ok;
}

function report(target: Target, round: number, c: CrashCheck, unanswered: number): boolean {
  const ok =
    c.lost.length === 0 && c.halfDone.length === 0 && c.auditChain.ok && c.acknowledgedRegistrations > 0;
  console.log(
    `  ${target} 第${round}次 kill -9：已确认注册 ${c.acknowledgedRegistrations}、已确认激活 ${c.acknowledgedActivations}；` +
      `丢失 ${c.lost.length}；不完整 ${c.halfDone.length}；已提交未确认 ${c.committedUnacknowledged}（中断请求 ${unanswered}）；` +
      `审计链 ${c.auditChain.ok ? '完好' : '损坏'} ${ok ? '✔' : '✘'}`,
  );
  for (const line of [...c.lost, ...c.halfDone].slice(0, 10)) console.log(`    ${line}`);
  if (!c.auditChain.ok) console.log(`    ${c.auditChain.message}`);
  return ok;
}

const opts = parseOptions(process.argv.slice(2));
console.log(`崩溃演练：${opts.targets.join('、')}，每库 ${opts.rounds} 次 kill -9`);
let allOk = true;
for (const target of opts.targets) allOk = (await drillOne(target, opts)) && allOk;
console.log(allOk ? '结论：所有已确认的写入均完好，审计链完好。' : '结论：发现丢失或不完整的写入（见上）。');
process.exit(allOk ? 0 : 1);
