/** Dates as 2026-11-25 / 2026年11月25日, times in Beijing time — never US formats. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

const TZ = 'Asia/Shanghai';
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const isDateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** 2026-11-25 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (isDateOnly(value)) return value;
  const d = dayjs(value);
  return d.isValid() ? d.tz(TZ).format('YYYY-MM-DD') : value;
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
  const d = isDateOnly(value) ? dayjs(value) : dayjs(value).tz(TZ);
  return d.isValid() ? d.format('YYYY年M月D日') : value;
}

/** 周三 for a YYYY-MM-DD calendar date (no time zone involved). */
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return '';
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

/** Today's calendar date in Beijing. */
export const todayInShanghai = () => dayjs().tz(TZ).format('YYYY-MM-DD');
