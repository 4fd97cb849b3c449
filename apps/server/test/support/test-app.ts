import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
/** Builds the real app on a fresh test database, with a controllable clock and cheap argon2 costs. */
import { loadConfig, type AppConfig } from '../../src/config';
import type { Clock } from '../../src/clock';
import { buildApp } from '../../src/http/app';
import { createDeps } from '../../src/deps';
import { seedDemoData } from '../../src/demo/seed-demo';
import type { AppInstance } from '../../src/http/app-types';
import { createTestDatabase, type TestDatabase } from './test-db';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-25T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

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
  const database = await createTestDatabase();
  const clock = new TestClock();
  const config: AppConfig = {
    ...loadConfig({ ...process.env, NODE_ENV: 'test' }),
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    rateLimitMultiplier: 100,
    filesDir: mkdtempSync(path.join(os.tmpdir(), 'skillcert-files-')),
    ...overrides,
  };
  const deps = createDeps(config, database, clock);
  if (opts.demo) await seedDemoData(deps);
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
