/**
 * Runs the real server (built web UI + API) in-process on a fresh PGlite database with the demo data,
 * on a free port.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../apps/server/src/config';
import { systemClock } from '../../apps/server/src/clock';
import { openDatabase } from '../../apps/server/src/db/client';
import { buildApp } from '../../apps/server/src/http/app';
import { createDeps } from '../../apps/server/src/deps';
import type { AppInstance } from '../../apps/server/src/http/app-types';
import { seedReferenceData } from '../../apps/server/src/reference/seed-reference';
import { seedDemoData } from '../../apps/server/src/demo/seed-demo';

export interface RunningServer {
  url: string;
  app: AppInstance;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const config = {
    ...loadConfig({ ...process.env, NODE_ENV: 'demo' }),
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    filesDir: mkdtempSync(path.join(os.tmpdir(), 'skillcert-e2e-files-')),
  };
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedReferenceData(database.db);
  const deps = createDeps(config, database, systemClock);
  await seedDemoData(deps);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async stop() {
      await app.close();
      await database.close();
    },
  };
}
