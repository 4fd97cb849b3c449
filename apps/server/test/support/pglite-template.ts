/**
 * Vitest global setup: builds the PGlite databases every test file starts from, once per run — one with
 * the reference data, one with the demo data on top (and the demo's uploaded files) — and hands their
 * dumps to the test files. Each file still gets its own copy (≈0.7 s instead of ≈10 s to build).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dumpPgliteDatabase, openDatabase } from '../../src/db/client';
import { seedReferenceData } from '../../src/reference/seed-reference';
import { seedDemoData } from '../../src/demo/seed-demo';
import { createDeps } from '../../src/deps';
import { testConfig, TestClock } from './test-config';
import type { Clock } from '../../src/clock';

export default function setup(): Promise<void> {
  return buildTemplates(new TestClock());
}

/** The demo data is dated by `clock`: API tests use the fixed test clock, browser walks the real time. */
export async function buildTemplates(clock: Clock): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillcert-template-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedReferenceData(database.db);
  const write = async (name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.from(await (await dumpPgliteDatabase(database)).arrayBuffer()));
    return file;
  };
  process.env.SKILLCERT_PGLITE_TEMPLATE = await write('reference.tar');
  const filesDir = path.join(dir, 'demo-files');
  await seedDemoData(createDeps(testConfig({ filesDir }), database, clock));
  process.env.SKILLCERT_PGLITE_DEMO_TEMPLATE = await write('demo.tar');
  process.env.SKILLCERT_DEMO_FILES = filesDir;
  await database.close();
}
