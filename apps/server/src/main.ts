/** `npm start`: migrate, seed, serve UI + API, print the URL and (demo mode) the demo accounts. */
import { loadConfig } from './config';
import { systemClock } from './clock';
import { openDatabase } from './db/client';
import { buildApp } from './http/app';
import { seedReferenceData } from './reference/seed-reference';

const startedAt = performance.now();
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await seedReferenceData(database.db);
const app = await buildApp({ config, database, clock: systemClock }, { logger: false });

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
const where = database.kind === 'pglite' ? `PGlite（${config.dataDir}）` : 'PostgreSQL';
console.log(`\n湖南省职业技能等级认定监管系统 已启动：${url}`);
console.log(
  `数据库：${where}；模式：${config.mode}；启动用时 ${((performance.now() - startedAt) / 1000).toFixed(1)} 秒`,
);
