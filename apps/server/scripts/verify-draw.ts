/**
 * `npm run verify-draw -- <id|number>` or `npm run verify-draw -- --url <public URL>`: replays a published
 * spot-check draw with the domain code and prints whether every hash and the result match (exit 0), a
 * mismatch (exit 1) or a usage/reading error (exit 2). See VERIFY_DRAW_USAGE for the details.
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { publicDrawDetail } from '../src/use-cases/spot-checks/public-draws';
import { runVerifyDraw } from '../src/use-cases/spot-checks/verify-draw';

const argv = process.argv.slice(2);
let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
try {
  const report = await runVerifyDraw(argv, {
    async fromDatabase(idOrNumber) {
      const config = loadConfig();
      database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      return publicDrawDetail(database.db, idOrNumber);
    },
    async fetchJson(url) {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
  });
  console.log(report.lines.join('\n'));
  process.exitCode = report.exitCode;
} finally {
  await (database as Awaited<ReturnType<typeof openDatabase>> | null)?.close();
}
