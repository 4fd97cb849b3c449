/**
 * Vitest global setup of a project: decides the instant the project's tests call "now" (see
 * test-time.ts) and, on PGlite, builds the databases every test file starts from, once per run — one with
 * the reference data, one with the demo data on top (and the demo's uploaded files) — stamped with the
 * instant they were seeded. Each project provides its own values (vitest `provide`/`inject`), so the API
 * projects and the browser walks never read each other's templates.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPgliteDatabase, openDatabase } from '../../src/db/client';
import { seedReferenceData } from '../../src/reference/seed-reference';
import { seedDemoData } from '../../src/demo/seed-demo';
import { createDeps } from '../../src/deps';
import { testConfig } from './test-config';
import { testBaseInstant, TestClock } from './test-time';
import { supplyTestHolidays } from './test-holidays';

export interface PgliteTemplates {
  reference: string;
  demo: string;
  demoFiles: string;
  /** The clock's instant when the demo data was seeded (ISO): test clocks must start from it. */
  seededAt: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** ISO instant the project's test clocks start from. */
    testNow: string;
    /** PGlite templates of this project; null where tests seed per file (PostgreSQL). */
    pgliteTemplates: PgliteTemplates | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const now = testBaseInstant();
  project.provide('testNow', now.toISOString());
  const driver = (project.config.env as Record<string, string> | undefined)?.TEST_DB_DRIVER;
  project.provide('pgliteTemplates', driver === 'pglite' ? await buildTemplates(now) : null);
}

async function buildTemplates(now: Date): Promise<PgliteTemplates> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillcert-template-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedReferenceData(database.db);
  await supplyTestHolidays(database.db, now.getUTCFullYear());
  const write = async (name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.from(await (await dumpPgliteDatabase(database)).arrayBuffer()));
    return file;
  };
  const reference = await write('reference.tar');
  const demoFiles = path.join(dir, 'demo-files');
  const clock = new TestClock(now);
  await seedDemoData(createDeps(testConfig({ filesDir: demoFiles }), database, clock));
  const demo = await write('demo.tar');
  await database.close();
  return { reference, demo, demoFiles, seededAt: now.toISOString() };
}
