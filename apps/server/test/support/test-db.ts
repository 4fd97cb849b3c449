/**
 * A fresh, real database per test file: PGlite in memory by default, or — in the `api-postgres`
 * project — a new PostgreSQL database created for this file and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';
import { seedReferenceData } from '../../src/reference/seed-reference';

export interface TestDatabase extends Database {
  /** Started from the template that already holds the demo data. */
  fromDemoTemplate: boolean;
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
    return {
      ...database,
      fromDemoTemplate: false,
      async dispose() {
        await database.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const demoTemplate = opts.demo ? process.env.SKILLCERT_PGLITE_DEMO_TEMPLATE : undefined;
  const template = demoTemplate ?? process.env.SKILLCERT_PGLITE_TEMPLATE;
  const database = await openDatabase({
    dataDir: 'memory://',
    loadDataDir: template ? new Blob([readFileSync(template)]) : undefined,
  });
  if (!template) await seedReferenceData(database.db);
  return { ...database, fromDemoTemplate: demoTemplate !== undefined, dispose: () => database.close() };
}
