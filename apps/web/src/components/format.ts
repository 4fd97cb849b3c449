/**
 * The web's one place for dates: 2026-11-25 / 2026年11月25日, times in Beijing time — never US formats.
 * Calendar days in Asia/Shanghai come from the domain's calendar (the same rules the server files by);
 * only the clock time of an instant is formatted here.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import {
  formatChineseDate,
  isCalendarDate,
  todayInShanghai as shanghaiDayOf,
  weekdayName,
} from '@skillcert/domain/calendar-date';

dayjs.extend(utc);
dayjs.extend(timezone);

const TZ = 'Asia/Shanghai';

/** The Shanghai calendar day of an ISO instant, or null when the text is no valid instant. */
function shanghaiDay(value: string): string | null {
  const at = new Date(value);
  return Number.isFinite(at.getTime()) ? shanghaiDayOf(at) : null;
}

/** 2026-11-25 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (isCalendarDate(value)) return value;
  return shanghaiDay(value) ?? value;
}

/** 2026-11-25 14:03:09 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(TZ).format('YYYY-MM-DD HH:mm:ss') : value;
}

/** 2026年11月25日 */
export function formatDateLong(value: string | null | undefined): string {
  if (!value) return '—';
  const day = isCalendarDate(value) ? value : shanghaiDay(value);
  return day ? formatChineseDate(day) : value;
}

/** 周三 for a YYYY-MM-DD calendar date (no time zone involved). */
export function weekdayOf(date: string): string {
  return isCalendarDate(date) ? weekdayName(date) : '';
}

/** Today's calendar date in Beijing. */
export const todayInShanghai = () => shanghaiDayOf(new Date());

/** A date picker's day as the API's calendar date, 2026-11-25. */
export const calendarDateOf = (d: Dayjs) => d.format('YYYY-MM-DD');
