/**
 * Loads every reference dictionary from reference-data/ on start-up when it is missing.
 * Idempotent: only missing rows are inserted; existing rows (which admins may have edited) are left alone.
 * Industrial chains are not seeded: no official list was found (SOURCES.md §5), production starts empty.
 */
import type { Db } from '../db/client';
import { seedDivisions } from './seed-divisions';
import { seedHolidays } from './seed-holidays';
import { seedOccupations } from './seed-occupations';
import { seedStandards } from './seed-standards';

export interface ReferenceSeedReport {
  divisions: number;
  /** Rows inserted by this run (0 on an already seeded database). */
  occupations: number;
  standards: number;
  holidayDays: number;
  holidayYears: number[];
  ms: number;
}

export async function seedReferenceData(db: Db): Promise<ReferenceSeedReport> {
  const started = performance.now();
  const report = await db.transaction(async (tx) => {
    const divisions = await seedDivisions(tx);
    const occupations = await seedOccupations(tx);
    const standards = await seedStandards(tx);
    const holidays = await seedHolidays(tx);
    return { divisions, occupations, standards, holidayDays: holidays.days, holidayYears: holidays.years };
  });
  return { ...report, ms: Math.round(performance.now() - started) };
}
