/** Fails when the drizzle schema has changes that no committed migration contains. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, cpSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const migrations = path.join(root, 'apps/server/src/db/migrations');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skillcert-drift-'));
try {
  cpSync(migrations, tmp, { recursive: true });
  const before = readdirSync(tmp).length;
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      'apps/server/src/db/schema/index.ts',
      '--out',
      tmp,
    ],
    { cwd: root, stdio: 'pipe' },
  );
  const after = readdirSync(tmp).length;
  if (after !== before) {
    console.error('数据库结构与迁移不一致：请运行 npm run db:generate 并提交生成的迁移。');
    process.exit(1);
  }
  console.log('migrations match the schema');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
