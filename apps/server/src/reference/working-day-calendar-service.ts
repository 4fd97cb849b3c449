/**
 * The working-day calendar (R10, docs/domain.md §4) built from the holidays in the database, which an
 * administrator maintains, and the lunar anchors of the statutory holidays for the provisional (暂定)
 * computation of years not published yet (holiday-anchors.ts). Built once per database and kept in memory; the holiday edit use case calls
 * {@link invalidateWorkingDayCalendar} after its transaction commits, so the next request rebuilds it.
 * (One process per database is assumed; a second instance would see an edit after its own restart.)
 */
import { asc } from 'drizzle-orm';
import {
  buildWorkingDayCalendar,
  type HolidayEntriesByYear,
  type WorkingDayCalendar,
} from '@skillcert/domain';
import type { Executor } from '../db/client';
import { holidays, holidayYears } from '../db/schema';
import { holidayAnchors } from './holiday-anchors';

/**
 * Advisory lock of holiday edits. The edit takes it exclusively (before any row lock); publishing a
 * notice takes it shared first, so a notice is never published provisionally from a calendar that an
 * edit committing at the same moment has just made obsolete.
 */
export const HOLIDAY_EDIT_LOCK = 7_300_432;

const cache = new WeakMap<object, Promise<WorkingDayCalendar>>();

/** Reads every entered year's days, grouped as the domain calendar expects. */
export async function loadHolidayEntries(db: Executor): Promise<HolidayEntriesByYear> {
  const years = await db.select({ year: holidayYears.year }).from(holidayYears);
  const days = await db
    .select({ date: holidays.date, year: holidays.year, name: holidays.name, isOffDay: holidays.isOffDay })
    .from(holidays)
    .orderBy(asc(holidays.date));
  const entered = new Set(years.map((y) => y.year));
  const byYear: HolidayEntriesByYear = {};
  for (const d of days) {
    // Only years marked as entered count: a year is published as a whole, never day by day.
    if (!entered.has(d.year)) continue;
    (byYear[String(d.year)] ??= []).push({ date: d.date, name: d.name, isOffDay: d.isOffDay });
  }
  return byYear;
}

/** The calendar as `db` (e.g. a transaction) holds it now, uncached. */
export async function loadWorkingDayCalendar(db: Executor): Promise<WorkingDayCalendar> {
  return buildWorkingDayCalendar(await loadHolidayEntries(db), holidayAnchors());
}

/** The calendar for this database (cached). */
export function workingDayCalendar(db: Executor): Promise<WorkingDayCalendar> {
  let pending = cache.get(db);
  if (!pending) {
    const loading = loadWorkingDayCalendar(db);
    loading.catch(() => {
      if (cache.get(db) === loading) cache.delete(db);
    });
    cache.set(db, loading);
    pending = loading;
  }
  return pending;
}

/** Call after a holiday edit has committed. */
export function invalidateWorkingDayCalendar(db: Executor): void {
  cache.delete(db);
}
