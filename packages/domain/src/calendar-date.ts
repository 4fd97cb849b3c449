/**
 * 日历日期 (CalendarDate) — a 'YYYY-MM-DD' string naming a day in Asia/Shanghai.
 *
 * Why a plain string and not a Date: workflow dates (公示起止日, 办理时限) are calendar days in Beijing time
 * (R10, 通知 §五(四)); a JS Date is an instant and silently shifts a day when the host TZ differs.
 * All arithmetic here is integer day numbers (proleptic Gregorian), no host time zone, no Intl.
 */
import { invalid } from './errors';

/** 'YYYY-MM-DD', always zero-padded; produce one with {@link parseCalendarDate}. */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China Standard Time is UTC+8 with no daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month of a year (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const dateInvalid = (s: string) =>
  invalid('DATE_INVALID', `日期"${s}"不存在，请按 YYYY-MM-DD 格式填写真实日期`);

/**
 * Checks that `s` is a real date written as YYYY-MM-DD (e.g. rejects 2026-02-30, 2026-2-3) and returns it.
 * Throws DomainError invalid `DATE_INVALID`.
 */
export function parseCalendarDate(s: string): CalendarDate {
  const m = DATE_PATTERN.exec(typeof s === 'string' ? s : '');
  if (!m) throw dateInvalid(String(s));
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw dateInvalid(s);
  }
  return s;
}

/** True when `s` is a real YYYY-MM-DD date. */
export function isCalendarDate(s: string): boolean {
  try {
    parseCalendarDate(s);
    return true;
  } catch {
    return false;
  }
}

/** Splits a date that is known to be valid. */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  parseCalendarDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Day number since 1970-01-01 (Howard Hinnant's days_from_civil), exact for any Gregorian year. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw invalid('DATE_INVALID', '日期超出可计算范围（公元1年至9999年）');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw invalid('DATE_INVALID', `天数"${days}"必须是整数`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of week, 0 = Sunday (周日) … 6 = Saturday (周六), like Date#getDay. */
export function weekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Negative / 0 / positive like a sort comparator. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** Number of calendar days from `a` to `b` (b − a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The calendar date in Asia/Shanghai (北京时间) at instant `now`. Injected instant, never Date.now(),
 * so callers pass their clock (architecture.md, practice 10).
 */
export function todayInShanghai(now: Date): CalendarDate {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw invalid('DATE_INVALID', '时间无效，无法换算为北京时间日期');
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/**
 * The UTC instant at which a Shanghai calendar day starts (00:00:00 北京时间), e.g. the opening of a
 * public notice window (R10).
 */
export function startOfShanghaiDay(date: CalendarDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** The last millisecond of a Shanghai calendar day (23:59:59.999 北京时间), e.g. a notice's close (R10). */
export function endOfShanghaiDay(date: CalendarDate): Date {
  return new Date((toDayNumber(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
}

/** '2026-01-05' → '2026年1月5日', the form used in official documents (公文), without leading zeros. */
export function formatChineseDate(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${year}年${month}月${day}日`;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** '周一' … '周日'. */
export function weekdayName(date: CalendarDate): string {
  return WEEKDAY_NAMES[weekday(date)] ?? '';
}
