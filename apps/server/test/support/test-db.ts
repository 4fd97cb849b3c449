/**
 * A fresh, real database per test file: PGlite in memory by default, or — in the `api-postgres`
 * project — a new PostgreSQL database created for this file and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { seedReferenceData } from '../../src/reference/seed-reference';
import { supplyTestHolidays } from './test-holidays';

export interface TestDatabase extends Database {
  /** Started from the template that already holds the demo data. */
  fromDemoTemplate: boolean;
  /** Where the template's demo files are, when it started from the demo template. */
  demoFilesDir: string | null;
  dispose(): Promise<void>;
}

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('api-postgres tests need TEST_DATABASE_URL or DATABASE_URL');
  return url;
}

export async function createTestDatabase(opts: { demo: boolean } = { demo: false }): Promise<TestDatabase> {
  if (process.env.TEST_DB_DRIVER === 'postgres') {
    const adminUrl = postgresUrl();
    const name = `skillcert_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    await seedReferenceData(database.db);
    await supplyTestHolidays(database.db, testNow().getUTCFullYear());
    return {
      ...database,
      fromDemoTemplate: false,
      demoFilesDir: null,
      async dispose() {
        await database.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const templates = inject('pgliteTemplates');
  if (templates && templates.seededAt !== testNow().toISOString()) {
    // The demo data is dated by the clock that seeded it; a test clock elsewhere would see it in the past or future.
    throw new Error(
      `PGlite template seeded at ${templates.seededAt}, but the test clock starts at ${testNow().toISOString()}`,
    );
  }
  const template = templates ? (opts.demo ? templates.demo : templates.reference) : undefined;
  const database = await openDatabase({
    dataDir: 'memory://',
    loadDataDir: template ? new Blob([readFileSync(template)]) : undefined,
  });
  if (!template) {
    await seedReferenceData(database.db);
    await supplyTestHolidays(database.db, testNow().getUTCFullYear());
  }
  const fromDemoTemplate = Boolean(templates && opts.demo);
  return {
    ...database,
    fromDemoTemplate,
    demoFilesDir: fromDemoTemplate ? templates!.demoFiles : null,
    dispose: () => database.close(),
  };
}

/** The instant this project's test clocks start from (provided by the global setup). */
export function testNow(): Date {
  return new Date(inject('testNow'));
}
