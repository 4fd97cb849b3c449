/**
 * Test-only holiday data for years the reference data does not cover yet (the State Council publishes
 * a year's arrangement in the autumn before it), so the suite can run on any date, including years
 * ahead. Never shipped: it lives under test/ and marks each year with {@link TEST_HOLIDAY_SOURCE}.
 * The days are the fixed-date statutory holidays of 《全国年节及纪念日放假办法》 (元旦 1 day, 劳动节 2,
 * 国庆节 3); the lunar ones and 调休 are left out, which is enough for fixtures that compute their
 * expectations through the same calendar.
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../src/db/client';
import { holidays, holidayYears } from '../../src/db/schema';

export const TEST_HOLIDAY_SOURCE = 'test-only: synthetic fixed-date holidays';

const FIXED_DAYS: { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: '元旦' },
  { monthDay: '05-01', name: '劳动节' },
  { monthDay: '05-02', name: '劳动节' },
  { monthDay: '10-01', name: '国庆节' },
  { monthDay: '10-02', name: '国庆节' },
  { monthDay: '10-03', name: '国庆节' },
];

/** Enters the years around `baseYear` (one before, two after) that have no arrangement yet. */
export async function supplyTestHolidays(db: Executor, baseYear: number): Promise<number[]> {
  const wanted = [baseYear - 1, baseYear, baseYear + 1, baseYear + 2];
  const present = new Set(
    (
      await db
        .select({ year: holidayYears.year })
        .from(holidayYears)
        .where(inArray(holidayYears.year, wanted))
    ).map((r) => r.year),
  );
  const missing = wanted.filter((y) => !present.has(y));
  if (missing.length === 0) return [];
  await db
    .insert(holidays)
    .values(
      missing.flatMap((year) =>
        FIXED_DAYS.map((d) => ({ date: `${year}-${d.monthDay}`, year, name: d.name, isOffDay: true })),
      ),
    );
  await db.insert(holidayYears).values(missing.map((year) => ({ year, source: TEST_HOLIDAY_SOURCE })));
  return missing;
}
