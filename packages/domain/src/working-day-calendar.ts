/**
 * 工作日历 (WorkingDayCalendar) — which days are working days in mainland China, with 调休.
 *
 * Why: the public notice must last ≥ 5 working days counted from its start date (R10, 通知 §五(四)), and
 * every review stage has an SLA in working days (docs/domain.md §4). Weekends alone are wrong around 国庆/春节,
 * where the State Council moves working days onto weekends (调休上班).
 *
 * Data (reference-data/cn-holidays.json, SOURCES.md §3): entries grouped by the calendar year of their
 * date; a listed date uses `isOffDay`, an unlisted Saturday/Sunday is off, an unlisted weekday works.
 * The core takes the data as a parameter (no I/O); administrators maintain it.
 *
 * A year whose arrangement is not published yet is computed provisionally (暂定) from the statutory
 * holidays and the known bounds of 调休 (statutory-holidays.ts): a weekday counts only when no
 * arrangement within those bounds could make it a day off, a weekend day never counts (a 调休 working
 * Saturday is never assumed). So a provisional end date is never earlier than the real one. This also
 * covers the last days of a published year that the next year's 元旦 could reach (30–31 December).
 */
import { invalid } from './errors';
import {
  assertHolidayAnchors,
  possibleDaysOff,
  STATUTORY_RULES_IN_FORCE_FROM,
  type HolidayAnchorsByYear,
  type PossibleDayOff,
} from './statutory-holidays';
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

export interface DayExplanation {
  date: CalendarDate;
  working: boolean;
  /** '周六' / '周日' / '国庆节（法定节假日）' / '春节调休上班' / '春节可能放假调休（暂定）'; null for a plain weekday. */
  reason: string | null;
  /** true when an unpublished year's arrangement could change this day (暂定). */
  provisional: boolean;
  /** The unpublished year that makes it provisional (only when provisional). */
  provisionalYear?: number;
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
  /** true when some day depends on an arrangement not published yet: show 暂定 with the reason. */
  provisional: boolean;
  /** The unpublished years it depends on, ascending (empty when not provisional). */
  provisionalYears: number[];
  /** The Chinese reason of 暂定 (null when not provisional). */
  provisionalReason: string | null;
}

export interface WorkingDayCalendar {
  /** Whether the holiday arrangement of `year` has been entered. */
  hasYear(year: number | string): boolean;
  /** Years with data, ascending. */
  years(): number[];
  /**
   * Whether a day counts (provisionally in a year without data). Throws `CALENDAR_YEAR_MISSING` when
   * the year has neither data nor the lunar anchors the provisional computation needs.
   */
  isWorkingDay(date: CalendarDate): boolean;
  /** Why a day is (not) a working day. */
  explainDay(date: CalendarDate): DayExplanation;
  /** The n-th working day counted from `start` (day 1 = start when it is a working day), R10. */
  addWorkingDays(start: CalendarDate, n: number): WorkingDaySpan;
  /** Working days in [from, to] inclusive; 0 when to < from. Useful for SLA clocks that pause (补正). */
  countWorkingDays(from: CalendarDate, to: CalendarDate): number;
}

/** Upper bound of n: a notice or an SLA longer than a year is a configuration error. */
export const MAX_WORKING_DAYS = 366;

export const calendarYearMissing = (year: number) =>
  invalid(
    'CALENDAR_YEAR_MISSING',
    `${year}年的节假日安排尚未录入，且该年份无法按《全国年节及纪念日放假办法》推算（可推算${STATUTORY_RULES_IN_FORCE_FROM}年起、已提供农历节日日期的年份），无法计算工作日（请系统管理员录入）`,
  );

/** The 暂定 label's reason, e.g. "2027年节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定". */
export const provisionalCalendarReason = (years: readonly number[]): string =>
  `${years.map((y) => `${y}年`).join('、')}节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定`;

const dataInvalid = (message: string) => invalid('CALENDAR_DATA_INVALID', `节假日数据有误：${message}`);

/** The Chinese reason for a weekend day, or null on Monday–Friday. */
function weekendReason(date: CalendarDate): string | null {
  const d = weekday(date);
  return d === 6 ? '周六' : d === 0 ? '周日' : null;
}

/**
 * Builds the calendar from the holiday data and, for years without data, the lunar anchors of the
 * statutory holidays. An empty year (upstream once shipped an empty 2027.json) counts as missing: every
 * real arrangement lists at least 元旦.
 * Throws `CALENDAR_DATA_INVALID` for a bad date, an entry filed under the wrong year, a date listed
 * twice with different meanings, or an anchor that is not a date of its year.
 */
export function buildWorkingDayCalendar(
  entriesByYear: HolidayEntriesByYear,
  anchorsByYear: HolidayAnchorsByYear = {},
): WorkingDayCalendar {
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
  assertHolidayAnchors(anchorsByYear);

  const hasYear = (year: number | string) => knownYears.has(Number(year));
  /** The provisional computation of an unpublished year needs its anchors and the revised 放假办法. */
  const canInfer = (year: number) =>
    year >= STATUTORY_RULES_IN_FORCE_FROM && anchorsByYear[String(year)] !== undefined;

  // Possible days off of each unpublished year's holidays, by date (statutory days win over 调休 ones).
  const possibleByYear = new Map<number, Map<CalendarDate, PossibleDayOff>>();
  function possibleOfYear(holidayYear: number): Map<CalendarDate, PossibleDayOff> {
    let days = possibleByYear.get(holidayYear);
    if (!days) {
      days = new Map();
      if (!hasYear(holidayYear)) {
        for (const d of possibleDaysOff(holidayYear, anchorsByYear[String(holidayYear)])) {
          if (!days.get(d.date)?.statutory) days.set(d.date, d);
        }
      }
      possibleByYear.set(holidayYear, days);
    }
    return days;
  }
  /** The unpublished arrangement (of this year or the next, whose 元旦 reaches back) that may free the day. */
  function possibleDayOff(date: CalendarDate, year: number): PossibleDayOff | undefined {
    return possibleOfYear(year).get(date) ?? possibleOfYear(year + 1).get(date);
  }

  function explainDay(date: CalendarDate): DayExplanation {
    const { year } = dateParts(date);
    const weekend = weekendReason(date);
    if (!hasYear(year)) {
      if (!canInfer(year)) throw calendarYearMissing(year);
      const possible = possibleDayOff(date, year);
      const provisional = { date, working: false, provisional: true, provisionalYear: year };
      if (possible?.statutory) return { ...provisional, reason: `${possible.name}（法定节假日）` };
      if (weekend !== null) return { ...provisional, reason: weekend };
      if (possible)
        return {
          ...provisional,
          reason: `${possible.name}可能放假调休（暂定）`,
          provisionalYear: possible.holidayYear,
        };
      return { ...provisional, working: true, reason: null };
    }
    const entry = byDate.get(date);
    if (entry?.isOffDay)
      return { date, working: false, reason: `${entry.name}（法定节假日）`, provisional: false };
    // A listed working day on Mon–Fri (only 2020-02-03 upstream) is an ordinary working day: no reason.
    if (entry && weekend !== null)
      return { date, working: true, reason: `${entry.name}调休上班`, provisional: false };
    // An unlisted weekday at the end of a published year that next year's 元旦 could still free.
    const reachedBack = entry || weekend !== null ? undefined : possibleOfYear(year + 1).get(date);
    if (reachedBack)
      return {
        date,
        working: false,
        reason: `${reachedBack.name}可能放假调休（暂定）`,
        provisional: true,
        provisionalYear: reachedBack.holidayYear,
      };
    return { date, working: weekend === null, reason: weekend, provisional: false };
  }

  function addWorkingDays(start: CalendarDate, n: number): WorkingDaySpan {
    parseCalendarDate(start);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
      throw invalid('WORKING_DAYS_INVALID', `工作日天数应为1至${MAX_WORKING_DAYS}之间的整数，当前为"${n}"`);
    }
    const skipped: SkippedDay[] = [];
    const years = new Set<number>();
    let counted = 0;
    let date = start;
    for (;;) {
      const day = explainDay(date);
      if (day.provisionalYear !== undefined) years.add(day.provisionalYear);
      if (day.working) {
        counted += 1;
        if (counted === n) {
          const provisionalYears = [...years].sort((a, b) => a - b);
          return {
            start,
            days: n,
            end: date,
            skipped,
            provisional: provisionalYears.length > 0,
            provisionalYears,
            provisionalReason:
              provisionalYears.length > 0 ? provisionalCalendarReason(provisionalYears) : null,
          };
        }
      } else {
        skipped.push({ date, reason: day.reason ?? '非工作日' });
      }
      date = addDays(date, 1);
    }
  }

  function countWorkingDays(from: CalendarDate, to: CalendarDate): number {
    let count = 0;
    for (let date = from; compareDates(date, to) <= 0; date = addDays(date, 1)) {
      if (explainDay(date).working) count += 1;
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
