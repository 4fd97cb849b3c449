/**
 * 节假日与调休 (reference-data/SOURCES.md §3). A year is loaded only when it has not been entered yet:
 * once a year exists (seeded or entered by an admin), its days belong to the admin, so a day the admin
 * removed does not come back on the next start.
 */
import { inArray } from 'drizzle-orm';
import type { HolidayEntriesByYear } from '@skillcert/domain';
import type { Executor } from '../db/client';
import { holidays, holidayYears } from '../db/schema';
import { insertMissing } from './insert-chunks';
import { readReferenceJson } from './reference-files';

export const HOLIDAYS_SOURCE = 'reference-data/cn-holidays.json (NateScarlet/holiday-cn)';

export async function seedHolidays(db: Executor): Promise<{ years: number[]; days: number }> {
  const file = readReferenceJson<HolidayEntriesByYear>('cn-holidays.json');
  const fileYears = Object.keys(file)
    .filter((y) => (file[y] ?? []).length > 0)
    .map(Number);
  const present = new Set(
    (
      await db
        .select({ year: holidayYears.year })
        .from(holidayYears)
        .where(inArray(holidayYears.year, fileYears))
    ).map((r) => r.year),
  );
  const missing = fileYears.filter((y) => !present.has(y));
  if (missing.length === 0) return { years: [], days: 0 };
  const days = missing.flatMap((year) =>
    (file[String(year)] ?? []).map((d) => ({ date: d.date, year, name: d.name, isOffDay: d.isOffDay })),
  );
  const inserted = await insertMissing(db, holidays, days);
  await insertMissing(
    db,
    holidayYears,
    missing.map((year) => ({ year, source: HOLIDAYS_SOURCE })),
  );
  return { years: missing, days: inserted };
}
