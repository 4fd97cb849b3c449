/**
 * 工作日历 (WorkingDayCalendar) — which days are working days in mainland China, with 调休.
 *
 * Why: the public notice must last ≥ 5 working days counted from its start date (R10, 通知 §五(四)), and
 * every review stage has an SLA in working days (domain.md §4). Weekends alone are wrong around 国庆/春节,
 * where the State Council moves working days onto weekends (调休上班).
 *
 * Data (reference-data/cn-holidays.json, SOURCES.md §3): entries grouped by the calendar year of their
 * date; a listed date uses `isOffDay`, an unlisted Saturday/Sunday is off, an unlisted weekday works.
 * The core takes the data as a parameter (no I/O); administrators maintain it.
 */
import { invalid } from './errors';
import {
  addDays,
  compareDates,
  dateParts,
  isCalendarDate,
  parseCalendarDate,
  weekday,
  type CalendarDate,
} from './calendar-date';

/** One row of the State Council's holiday arrangement (节假日安排). */
export interface HolidayEntry {
  date: CalendarDate;
  /** e.g. '国庆节', '春节', '国庆节、中秋节' (names vary by year upstream). */
  name: string;
  /** true = 法定节假日放假; false = 调休上班 (an adjusted working day, usually a weekend). */
  isOffDay: boolean;
}

/** Exactly the shape of cn-holidays.json: `{ "2026": [ … ] }`. */
export type HolidayEntriesByYear = Record<string, HolidayEntry[]>;

/**
 * 'strict' (default): a year without data refuses to compute — public-notice dates (R10) must be exact.
 * 'provisional': a year without data counts weekends only and the result is flagged 暂定 — stage due
 * dates (domain.md §4) must still show something before next year's arrangement is published.
 */
export type WorkingDayMode = 'strict' | 'provisional';

export interface DayExplanation {
  date: CalendarDate;
  working: boolean;
  /** '周六' / '周日' / '国庆节（法定节假日）' / '春节调休上班'; null for a plain weekday. */
  reason: string | null;
  /** true when the year had no data and only weekends were considered (暂定). */
  provisional: boolean;
}

export interface SkippedDay {
  date: CalendarDate;
  reason: string;
}

export interface WorkingDaySpan {
  start: CalendarDate;
  /** The number of working days requested (n). */
  days: number;
  /** The date of the n-th working day (inclusive end, R10). */
  end: CalendarDate;
  /** Every non-working day from start to end inclusive, in order, with its reason. */
  skipped: SkippedDay[];
  /** true when some day fell in a year without data (mode 'provisional' only): show 暂定. */
  provisional: boolean;
}

export interface WorkingDayOptions {
  mode?: WorkingDayMode;
}

export interface WorkingDayCalendar {
  /** Whether the holiday arrangement of `year` has been entered. */
  hasYear(year: number | string): boolean;
  /** Years with data, ascending. */
  years(): number[];
  /** Throws `CALENDAR_YEAR_MISSING` when the date's year has no data. */
  isWorkingDay(date: CalendarDate): boolean;
  /** Why a day is (not) a working day; strict by default. */
  explainDay(date: CalendarDate, options?: WorkingDayOptions): DayExplanation;
  /** The n-th working day counted from `start` (day 1 = start when it is a working day), R10. */
  addWorkingDays(start: CalendarDate, n: number, options?: WorkingDayOptions): WorkingDaySpan;
  /** Working days in [from, to] inclusive; 0 when to < from. Useful for SLA clocks that pause (补正). */
  countWorkingDays(from: CalendarDate, to: CalendarDate, options?: WorkingDayOptions): number;
}

/** Upper bound of n: a notice or an SLA longer than a year is a configuration error. */
export const MAX_WORKING_DAYS = 366;

export const calendarYearMissing = (year: number) =>
  invalid('CALENDAR_YEAR_MISSING', `${year}年的节假日安排尚未录入，无法计算工作日（请系统管理员录入）`);

const dataInvalid = (message: string) => invalid('CALENDAR_DATA_INVALID', `节假日数据有误：${message}`);

/** The Chinese reason for a weekend day, or null on Monday–Friday. */
function weekendReason(date: CalendarDate): string | null {
  const d = weekday(date);
  return d === 6 ? '周六' : d === 0 ? '周日' : null;
}

/**
 * Builds the calendar from the holiday data. An empty year (upstream once shipped an empty 2027.json)
 * counts as missing: every real arrangement lists at least 元旦.
 * Throws `CALENDAR_DATA_INVALID` for a bad date, an entry filed under the wrong year, or a date listed
 * twice with different meanings.
 */
export function buildWorkingDayCalendar(entriesByYear: HolidayEntriesByYear): WorkingDayCalendar {
  const byDate = new Map<CalendarDate, HolidayEntry>();
  const knownYears = new Set<number>();

  for (const [yearKey, entries] of Object.entries(entriesByYear)) {
    if (!/^\d{4}$/.test(yearKey)) throw dataInvalid(`年份"${yearKey}"应为4位数字`);
    if (!Array.isArray(entries)) throw dataInvalid(`${yearKey}年的数据应为列表`);
    for (const entry of entries) {
      if (typeof entry?.date !== 'string' || !isCalendarDate(entry.date))
        throw dataInvalid(`${yearKey}年含无效日期"${String(entry?.date)}"`);
      if (!entry.date.startsWith(yearKey))
        throw dataInvalid(`${entry.date} 应归入${entry.date.slice(0, 4)}年`);
      if (typeof entry.name !== 'string' || entry.name.trim() === '')
        throw dataInvalid(`${entry.date} 缺少节日名称`);
      if (typeof entry.isOffDay !== 'boolean') throw dataInvalid(`${entry.date} 缺少是否放假标记`);
      const previous = byDate.get(entry.date);
      if (previous && previous.isOffDay !== entry.isOffDay) throw dataInvalid(`${entry.date} 重复且相互矛盾`);
      byDate.set(entry.date, entry);
    }
    if (entries.length > 0) knownYears.add(Number(yearKey));
  }

  const hasYear = (year: number | string) => knownYears.has(Number(year));

  function explainDay(date: CalendarDate, options: WorkingDayOptions = {}): DayExplanation {
    const { year } = dateParts(date);
    const weekend = weekendReason(date);
    if (!hasYear(year)) {
      if ((options.mode ?? 'strict') === 'strict') throw calendarYearMissing(year);
      return { date, working: weekend === null, reason: weekend, provisional: true };
    }
    const entry = byDate.get(date);
    if (entry?.isOffDay)
      return { date, working: false, reason: `${entry.name}（法定节假日）`, provisional: false };
    // A listed working day on Mon–Fri (only 2020-02-03 upstream) is an ordinary working day: no reason.
    if (entry && weekend !== null)
      return { date, working: true, reason: `${entry.name}调休上班`, provisional: false };
    return { date, working: weekend === null, reason: weekend, provisional: false };
  }

  function addWorkingDays(start: CalendarDate, n: number, options: WorkingDayOptions = {}): WorkingDaySpan {
    parseCalendarDate(start);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
      throw invalid('WORKING_DAYS_INVALID', `工作日天数应为1至${MAX_WORKING_DAYS}之间的整数，当前为"${n}"`);
    }
    const skipped: SkippedDay[] = [];
    let provisional = false;
    let counted = 0;
    let date = start;
    for (;;) {
      const day = explainDay(date, options);
      provisional ||= day.provisional;
      if (day.working) {
        counted += 1;
        if (counted === n) return { start, days: n, end: date, skipped, provisional };
      } else {
        skipped.push({ date, reason: day.reason ?? '非工作日' });
      }
      date = addDays(date, 1);
    }
  }

  function countWorkingDays(from: CalendarDate, to: CalendarDate, options: WorkingDayOptions = {}): number {
    let count = 0;
    for (let date = from; compareDates(date, to) <= 0; date = addDays(date, 1)) {
      if (explainDay(date, options).working) count += 1;
    }
    return count;
  }

  return {
    hasYear,
    years: () => [...knownYears].sort((a, b) => a - b),
    isWorkingDay: (date) => explainDay(date).working,
    explainDay,
    addWorkingDays,
    countWorkingDays,
  };
}
