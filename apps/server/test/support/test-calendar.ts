/**
 * Fixture dates derived from the test clock through the domain's own calendar, so a test's expectations
 * hold on whatever day the suite runs (test-time.ts).
 */
import { addDays, weekday, type CalendarDate, type WorkingDayCalendar } from '@skillcert/domain';
import type { Executor } from '../../src/db/client';
import { loadWorkingDayCalendar } from '../../src/reference/working-day-calendar-service';

/** The working-day calendar as the database holds it now (not the app's cached copy). */
export async function calendarOf(db: Executor): Promise<WorkingDayCalendar> {
  return loadWorkingDayCalendar(db);
}

/** The first day on or after `from` that falls on `day` (0 = 周日 … 6 = 周六). */
export function nextWeekday(from: CalendarDate, day: number): CalendarDate {
  return addDays(from, (day - weekday(from) + 7) % 7);
}

/** The first year after the calendar's data ends: a window reaching into it is provisional (暂定). */
export function firstMissingYear(calendar: WorkingDayCalendar): number {
  return Math.max(...calendar.years()) + 1;
}

export const THURSDAY = 4;
