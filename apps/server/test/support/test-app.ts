/** Builds the real app on a fresh test database, with a controllable clock and cheap argon2 costs. */
import { cpSync } from 'node:fs';
import type { AppConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { createDeps } from '../../src/deps';
import { seedDemoData } from '../../src/demo/seed-demo';
import type { AppInstance } from '../../src/http/app-types';
import { createTestDatabase, testNow, type TestDatabase } from './test-db';
import { testConfig } from './test-config';
import { TestClock } from './test-time';

export { TestClock } from './test-time';

export interface TestContext {
  app: AppInstance;
  database: TestDatabase;
  clock: TestClock;
  config: AppConfig;
  close(): Promise<void>;
}

export async function createTestContext(
  overrides: Partial<AppConfig> = {},
  opts: { demo?: boolean } = { demo: true },
): Promise<TestContext> {
  const demo = opts.demo ?? true;
  const database = await createTestDatabase({ demo });
  const clock = new TestClock(testNow());
  const config = testConfig(overrides);
  const deps = createDeps(config, database, clock);
  if (demo && database.demoFilesDir) {
    // The demo's uploaded files belong with the demo database this file starts from.
    cpSync(database.demoFilesDir, config.filesDir!, { recursive: true });
  } else if (demo) {
    await seedDemoData(deps);
  }
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
