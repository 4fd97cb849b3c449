/**
 * `npm run drill:backup` — the backup and restore drill (docs/operations.md): writes demo data and a burst
 * of registrations with uploads, stops the server, backs up the way the operations guide says (PostgreSQL:
 * `pg_dump -Fc` + the files folder; PGlite: the data folder + the files folder), restores into a fresh
 * database and folders, starts the server on the restore, and compares every table's row count, the audit
 * chain and every stored file's SHA-256. Exit code 1 on any difference.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { createLocalFileStorage } from '../src/adapters/file-storage';
import { startServer } from './server-process';
import { newLedger, runWriteBurst } from './write-burst';
import { collectFacts, countDifferences, type DatabaseFacts } from './database-facts';
import { freshPostgres } from './fresh-postgres';

type Target = 'pglite' | 'postgres';

interface Place {
  databaseUrl?: string;
  dataDir: string;
  filesDir: string;
}

async function factsOf(place: Place): Promise<DatabaseFacts> {
  const database = await openDatabase({ databaseUrl: place.databaseUrl, dataDir: place.dataDir });
  try {
    return await collectFacts(database.db, createLocalFileStorage(place.filesDir));
  } finally {
    await database.close();
  }
}

const env = (p: Place) => ({
  DATABASE_URL: p.databaseUrl ?? '',
  DATA_DIR: p.dataDir,
  FILES_DIR: p.filesDir,
  RATE_LIMIT_MULTIPLIER: '1000',
});

async function drillOne(target: Target, baseUrl: string): Promise<boolean> {
  const work = await mkdtemp(path.join(tmpdir(), `skillcert-backup-${target}-`));
  const source = target === 'postgres' ? await freshPostgres(baseUrl) : null;
  const restored = target === 'postgres' ? await freshPostgres(baseUrl) : null;
  const original: Place = {
    databaseUrl: source?.url,
    dataDir: path.join(work, 'data'),
    filesDir: path.join(work, 'files'),
  };
  const restore: Place = {
    databaseUrl: restored?.url,
    dataDir: path.join(work, 'restored-data'),
    filesDir: path.join(work, 'restored-files'),
  };
  const logFile = path.join(work, 'server.log');
  try {
    const server = await startServer(env(original), logFile);
    let stop = false;
    const burst = runWriteBurst(server.url, 'BK', newLedger(), () => stop);
    await new Promise((r) => setTimeout(r, 2000));
    stop = true;
    await burst;
    await server.stop();

    // The backup, as docs/operations.md gives it.
    const backup = path.join(work, 'backup');
    if (original.databaseUrl) {
      execFileSync('pg_dump', ['--format=custom', `--file=${backup}.dump`, original.databaseUrl]);
    } else {
      await cp(original.dataDir, `${backup}-data`, { recursive: true });
    }
    await cp(original.filesDir, `${backup}-files`, { recursive: true });

    // The restore into a fresh database and folders.
    if (restore.databaseUrl) {
      execFileSync('pg_restore', ['--no-owner', `--dbname=${restore.databaseUrl}`, `${backup}.dump`]);
    } else {
      await cp(`${backup}-data`, restore.dataDir, { recursive: true });
    }
    await cp(`${backup}-files`, restore.filesDir, { recursive: true });

    // Compared before any server touches the restore (its scheduler would start writing).
    const before = await factsOf(original);
    const after = await factsOf(restore);
    const onRestore = await startServer(env(restore), logFile);
    const health = await fetch(`${onRestore.url}/api/health`);
    await onRestore.stop();
    const differences = countDifferences(before, after);
    const ok =
      health.ok &&
      differences.length === 0 &&
      after.auditChain.ok &&
      after.damagedFiles.length === 0 &&
      after.files > 0;
    const rows = Object.values(after.rowCounts).reduce((a, b) => a + b, 0);
    console.log(
      `  ${target}：恢复库 ${Object.keys(after.rowCounts).length} 张表 ${rows} 行，与原库${differences.length === 0 ? '一致' : '不一致'}；` +
        `文件 ${after.files} 个，损坏 ${after.damagedFiles.length}；审计链 ${after.auditChain.ok ? '完好' : '损坏'}；` +
        `恢复后启动 ${health.ok ? '正常' : '失败'} ${ok ? '✔' : '✘'}`,
    );
    for (const line of differences.slice(0, 10)) console.log(`    ${line}`);
    if (!ok) console.log(`  日志与数据保留在 ${work}`);
    else await rm(work, { recursive: true, force: true });
    return ok;
  } finally {
    await source?.drop();
    await restored?.drop();
  }
}

const argv = process.argv.slice(2);
const dbArg = argv[argv.indexOf('--db') + 1];
const targets: Target[] =
  argv.includes('--db') && dbArg !== 'all' ? [dbArg as Target] : ['pglite', 'postgres'];
const baseUrl = process.env.DRILL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
console.log(`备份恢复演练：${targets.join('、')}`);
let allOk = true;
for (const target of targets) allOk = (await drillOne(target, baseUrl)) && allOk;
console.log(allOk ? '结论：恢复库与原库一致，审计链完好，文件完好。' : '结论：恢复不完整（见上）。');
process.exit(allOk ? 0 : 1);
