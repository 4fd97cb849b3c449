/** Date and number formats used in official documents (公文): Beijing time, no host time zone involved. */
import { formatChineseDate, isCalendarDate, todayInShanghai } from '@skillcert/domain';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as '2026年11月26日 10:30' in Asia/Shanghai (China has had no daylight saving since 1991). */
export function formatShanghaiDateTime(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatChineseDate(todayInShanghai(at))} ${hh}:${mm}`;
}

/** An instant's Shanghai calendar day as '2026年11月26日'. */
export const formatShanghaiDate = (at: Date): string => formatChineseDate(todayInShanghai(at));

/** 'YYYY-MM-DD' → '2026年11月26日'; an instant → its Shanghai day; any other text is shown as given. */
export function formatDocumentDate(value: Date | string): string {
  if (value instanceof Date) return formatShanghaiDate(value);
  return isCalendarDate(value) ? formatChineseDate(value) : value;
}

/** 1536 → '1.5 KB'. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
