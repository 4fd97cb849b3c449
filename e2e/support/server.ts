/** Runs the real server (built web UI + API) in-process on a fresh PGlite database and a free port. */
import { loadConfig } from '../../apps/server/src/config';
import { systemClock } from '../../apps/server/src/clock';
import { openDatabase } from '../../apps/server/src/db/client';
import { buildApp } from '../../apps/server/src/http/app';
import { createDeps } from '../../apps/server/src/deps';
import type { AppInstance } from '../../apps/server/src/http/app-types';
import { seedReferenceData } from '../../apps/server/src/reference/seed-reference';

export interface RunningServer {
  url: string;
  app: AppInstance;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const config = {
    ...loadConfig({ ...process.env, NODE_ENV: 'demo' }),
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
  };
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedReferenceData(database.db);
  const app = await buildApp(createDeps(config, database, systemClock));
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
