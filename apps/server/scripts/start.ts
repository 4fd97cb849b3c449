/**
 * `npm start`: builds the web UI only when its sources changed since the last build, then starts the
 * server in this process. The sources' fingerprint (paths, sizes and contents of apps/web and packages,
 * minus build output) is stored beside the build in `apps/web/dist/.source-hash`; an unchanged tree
 * skips the build (several seconds), so a restart on an existing data directory answers in about a second.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'apps/web/dist');
const stamp = path.join(dist, '.source-hash');
const SKIP = new Set(['node_modules', 'dist', 'test']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['apps/web', 'packages']) {
    for (const file of files(path.join(root, dir))) {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  for (const file of ['package-lock.json', 'tsconfig.json']) hash.update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
if (built !== wanted) {
  console.log('网页界面源文件有变化，正在构建…');
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${wanted}\n`);
}

await import('../src/main');
