/** `npm start`: migrate, seed, serve UI + API, print the URL and (demo mode) the demo accounts. */
import { loadConfig } from './config';
import { systemClock } from './clock';
import { openDatabase } from './db/client';
import { buildApp } from './http/app';
import { startScheduler } from './scheduler/scheduler';
import { createDeps } from './deps';
import { seedReferenceData } from './reference/seed-reference';
import { describeDemoAccounts, seedDemoData } from './demo/seed-demo';

const startedAt = performance.now();
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await seedReferenceData(database.db);
const deps = createDeps(config, database, systemClock);
const seededDemo = config.mode === 'demo' ? await seedDemoData(deps) : false;
const app = await buildApp(deps, { logger: false });
const stopScheduler = startScheduler(deps, { firstRunMs: config.schedulerFirstRunMs });

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  stopScheduler();
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
if (config.mode === 'demo') {
  if (seededDemo) console.log('已创建演示数据。');
  console.log(describeDemoAccounts());
} else {
  console.log(
    '生产模式：未创建演示数据。首个系统管理员请用 `npm run create-admin -- <用户名> <姓名>` 创建。',
  );
}
