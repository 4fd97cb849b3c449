/**
 * Runs the real server (built web UI + API) in-process on a fresh PGlite database with the demo data,
 * on a free port. Its clock runs at real speed from the instant the demo data was seeded. The database starts from the run's demo template (see the test global setup), so
 * every walk gets its own copy without rebuilding it.
 */
import { cpSync } from 'node:fs';
import type { Clock } from '../../apps/server/src/clock';
import { buildApp } from '../../apps/server/src/http/app';
import { createDeps } from '../../apps/server/src/deps';
import type { AppInstance } from '../../apps/server/src/http/app-types';
import { seedDemoData } from '../../apps/server/src/demo/seed-demo';
import { createTestDatabase, testNow } from '../../apps/server/test/support/test-db';
import { WalkClock } from './walk-clock';
import type { AppConfig } from '../../apps/server/src/config';
import { testConfig } from '../../apps/server/test/support/test-config';

export interface RunningServer {
  url: string;
  app: AppInstance;
  stop(): Promise<void>;
}

export async function startServer(
  opts: { clock?: Clock; config?: Partial<AppConfig> } = {},
): Promise<RunningServer> {
  const config: AppConfig = { ...testConfig(), mode: 'demo', ...opts.config };
  const database = await createTestDatabase({ demo: true });
  const deps = createDeps(config, database, opts.clock ?? new WalkClock(testNow()));
  if (database.demoFilesDir) {
    cpSync(database.demoFilesDir, config.filesDir!, { recursive: true });
  } else {
    await seedDemoData(deps);
  }
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async stop() {
      await app.close();
      await database.dispose();
    },
  };
}
