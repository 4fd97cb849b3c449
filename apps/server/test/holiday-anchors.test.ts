/**
 * The lunar anchors the server hands the domain calendar (除夕, 清明, 端午, 中秋), computed with
 * lunar-javascript: they agree with the State Council's published arrangements since the revised
 * 放假办法 (2025, 2026 in reference-data) and with the known 除夕 of 2027.
 */
import { describe, expect, it } from 'vitest';
import { addDays, possibleDaysOff } from '@skillcert/domain';
import holidays from '../../../reference-data/cn-holidays.json';
import { HOLIDAY_ANCHOR_YEARS, holidayAnchors, holidayAnchorsOf } from '../src/reference/holiday-anchors';

describe('lunar holiday anchors', () => {
  it.each([2025, 2026])('every statutory day of %i they give is a day off in the published data', (year) => {
    const published = holidays as Record<string, { date: string; isOffDay: boolean }[]>;
    const offDays = new Set(published[String(year)]!.filter((d) => d.isOffDay).map((d) => d.date));
    const statutory = possibleDaysOff(year, holidayAnchorsOf(year)).filter((d) => d.statutory);
    expect(statutory).toHaveLength(13); // 1 + 4 + 1 + 2 + 1 + 1 + 3 days (放假办法 第二条)
    for (const d of statutory) expect(offDays.has(d.date), `${d.name} ${d.date}`).toBe(true);
  });

  it('gives 除夕 2027-02-05 (春节 2027 is 02-06) and 中秋 2027-09-15', () => {
    expect(holidayAnchorsOf(2027)).toEqual({
      chuxi: '2027-02-05',
      qingming: '2027-04-05',
      duanwu: '2027-06-09',
      zhongqiu: '2027-09-15',
    });
    expect(addDays(holidayAnchorsOf(2027).chuxi, 1)).toBe('2027-02-06');
  });

  it('covers every year from the revised 放假办法 (2025) to 2100, and no other', () => {
    const years = Object.keys(holidayAnchors()).map(Number);
    expect(years[0]).toBe(HOLIDAY_ANCHOR_YEARS.from);
    expect(years.at(-1)).toBe(HOLIDAY_ANCHOR_YEARS.to);
    expect(years).toHaveLength(HOLIDAY_ANCHOR_YEARS.to - HOLIDAY_ANCHOR_YEARS.from + 1);
  });
});
