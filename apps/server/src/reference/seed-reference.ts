/**
 * Loads every reference dictionary from reference-data/ on start-up when it is missing.
 * Idempotent: existing rows (which admins may have edited) are left alone.
 */
import type { Db } from '../db/client';
import { seedDivisions } from './seed-divisions';

export interface ReferenceSeedReport {
  divisions: number;
}

export async function seedReferenceData(db: Db): Promise<ReferenceSeedReport> {
  return db.transaction(async (tx) => ({ divisions: await seedDivisions(tx) }));
}
