import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  endOfShanghaiDay,
  formatChineseDate,
  parseCalendarDate,
  startOfShanghaiDay,
  todayInShanghai,
  weekday,
} from '../src/calendar-date';
import { DomainError } from '../src/errors';

describe('parseCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])(
    'accepts real date %s',
    (s) => {
      expect(parseCalendarDate(s)).toBe(s);
    },
  );

  it.each([
    ['2026-02-30', '日期"2026-02-30"不存在'],
    ['2026-02-29', '日期"2026-02-29"不存在'],
    ['1900-02-29', '日期"1900-02-29"不存在'],
    ['2026-04-31', '日期"2026-04-31"不存在'],
    ['2026-13-01', '日期"2026-13-01"不存在'],
    ['2026-2-3', '日期"2026-2-3"不存在'],
    ['2026/02/03', '日期"2026/02/03"不存在'],
    ['', '日期""不存在'],
    ['2026-02-03T00:00', '日期"2026-02-03T00:00"不存在'],
  ])('refuses %s with DATE_INVALID', (s, message) => {
    try {
      parseCalendarDate(s);
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('DATE_INVALID');
      expect((e as DomainError).kind).toBe('invalid');
      expect((e as DomainError).message).toContain(message);
    }
  });
});

describe('addDays / weekday / compareDates', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-09-30', 12, '2026-10-12'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-05-05', 0, '2026-05-05'],
  ])('%s + %i days = %s', (start, n, expected) => {
    expect(addDays(start, n)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-10-01', 4], // 国庆 2026 is a Thursday
    ['2026-10-10', 6], // 调休 Saturday
    ['2026-02-15', 0], // Sunday, first day of 春节 2026
    ['2000-01-01', 6],
    ['1969-12-31', 3],
  ])('weekday(%s) = %i', (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });

  it('orders dates across month and year boundaries', () => {
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareDates('2026-10-12', '2026-10-12')).toBe(0);
    expect(compareDates('2026-10-12', '2026-09-30')).toBe(1);
    expect(['2026-10-12', '2025-12-31', '2026-01-01'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-01',
      '2026-10-12',
    ]);
  });
});

describe('todayInShanghai', () => {
  it.each([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'], // 23:59:59.999 in Beijing
    ['2026-09-30T16:00:00.000Z', '2026-10-01'], // midnight in Beijing, still Sep 30 in UTC
    ['2025-12-31T16:30:00Z', '2026-01-01'],
    ['2026-03-01T00:00:00+08:00', '2026-03-01'],
  ])('instant %s is %s in Beijing', (iso, expected) => {
    expect(todayInShanghai(new Date(iso))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInShanghai(new Date('nope'))).toThrow(DomainError);
  });

  it('gives the notice window bounds 00:00 to 23:59:59.999 Beijing time (R10)', () => {
    expect(startOfShanghaiDay('2026-09-30').toISOString()).toBe('2026-09-29T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-10-12').toISOString()).toBe('2026-10-12T15:59:59.999Z');
    expect(todayInShanghai(endOfShanghaiDay('2026-10-12'))).toBe('2026-10-12');
    expect(todayInShanghai(startOfShanghaiDay('2026-10-12'))).toBe('2026-10-12');
  });
});

describe('formatChineseDate', () => {
  it.each([
    ['2026-11-25', '2026年11月25日'],
    ['2026-01-05', '2026年1月5日'],
  ])('%s → %s', (date, expected) => {
    expect(formatChineseDate(date)).toBe(expected);
  });

  it('refuses a non-existent date', () => {
    expect(() => formatChineseDate('2026-02-30')).toThrow('日期"2026-02-30"不存在');
  });
});
