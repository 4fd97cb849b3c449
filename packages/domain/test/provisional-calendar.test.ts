/**
 * The provisional (暂定) calendar of a year whose arrangement is not published: statutory holidays from
 * the lunar anchors, every weekday a 调休 run within the known bounds could free is not counted, weekends
 * never count. Checked on 2027 (除夕 2027-02-05) and against the real 2025/2026 arrangements.
 */
import { describe, expect, it } from 'vitest';
import holidays from '../../../reference-data/cn-holidays.json';
import { DomainError } from '../src/errors';
import { addDays } from '../src/calendar-date';
import { buildWorkingDayCalendar, type HolidayEntriesByYear } from '../src/working-day-calendar';
import { possibleDaysOff, STATUTORY_HOLIDAYS } from '../src/statutory-holidays';
import { ANCHORS } from './holiday-anchors-fixture';

/** The published data up to 2026 and the anchors: 2027 and 2028 are provisional. */
const calendar = buildWorkingDayCalendar(holidays, ANCHORS);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

const REASON_2027 = '2027年节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定';

describe('2027 without the State Council arrangement, 除夕 2027-02-05', () => {
  it.each([
    // date, working, reason
    ['2027-02-05', false, '春节（法定节假日）'], // 除夕, Friday
    ['2027-02-08', false, '春节（法定节假日）'], // 初三, Monday
    ['2027-02-01', false, '春节可能放假调休（暂定）'], // Monday: a 9-day run could start here
    ['2027-02-12', false, '春节可能放假调休（暂定）'], // Friday: a 9-day run from 除夕 ends on 02-13
    ['2027-01-29', true, null], // the Friday before: no run of 9 days reaches it
    ['2027-02-15', true, null], // the Monday after
    ['2027-02-13', false, '周六'], // a possible 调休 working Saturday is never assumed
    ['2027-03-10', true, null], // a plain Wednesday in March counts (provisionally)
    ['2027-04-05', false, '清明节（法定节假日）'],
    ['2027-04-07', false, '清明节可能放假调休（暂定）'],
    ['2027-04-08', true, null],
    ['2027-05-05', false, '劳动节可能放假调休（暂定）'],
    ['2027-06-09', false, '端午节（法定节假日）'],
    ['2027-09-15', false, '中秋节（法定节假日）'],
    ['2027-10-01', false, '国庆节（法定节假日）'], // Friday
    ['2027-09-27', false, '国庆节可能放假调休（暂定）'], // Monday: an 8-day run could start here
    ['2027-10-08', false, '国庆节可能放假调休（暂定）'], // Friday: 10-01…10-08 is 8 days
    ['2027-10-11', true, null],
  ])('%s: working=%s reason=%s, 暂定', (date, working, reason) => {
    expect(calendar.explainDay(date)).toEqual({
      date,
      working,
      reason,
      provisional: true,
      provisionalYear: 2027,
    });
  });

  it('counts 5 working days from 2026-12-28 past 元旦 2027: ends 2027-01-06, 暂定 with the reason', () => {
    // 12-30/31 (Wed/Thu) are 2026 days that a 3-day 元旦 2027 run could free; 01-01 is 元旦.
    expect(calendar.addWorkingDays('2026-12-28', 5)).toEqual({
      start: '2026-12-28',
      days: 5,
      end: '2027-01-06',
      skipped: [
        { date: '2026-12-30', reason: '元旦可能放假调休（暂定）' },
        { date: '2026-12-31', reason: '元旦可能放假调休（暂定）' },
        { date: '2027-01-01', reason: '元旦（法定节假日）' },
        { date: '2027-01-02', reason: '周六' },
        { date: '2027-01-03', reason: '周日' },
      ],
      provisional: true,
      provisionalYears: [2027],
      provisionalReason: REASON_2027,
    });
  });

  it('counts 5 working days across 春节 2027: from Thu 01-28 to Wed 02-17', () => {
    const span = calendar.addWorkingDays('2027-01-28', 5);
    // 01-28, 01-29 count; 01-30 … 02-14 do not (weekends, 春节 and its possible run); 02-15 … 02-17 count.
    expect(span.end).toBe('2027-02-17');
    expect(span.skipped.map((d) => d.date)).toEqual(
      Array.from({ length: 16 }, (_, i) => addDays('2027-01-30', i)),
    );
  });

  it('a span inside a published year is not 暂定', () => {
    expect(calendar.addWorkingDays('2026-03-02', 5)).toMatchObject({
      end: '2026-03-06',
      provisional: false,
      provisionalReason: null,
    });
  });

  it('names every unpublished year a span depends on', () => {
    const span = calendar.addWorkingDays('2027-12-20', 10);
    expect(span.provisionalYears).toEqual([2027, 2028]);
    expect(span.provisionalReason).toBe(
      '2027年、2028年节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定',
    );
  });
});

describe('what remains an error', () => {
  it('a year without anchors (beyond what the caller could compute) refuses', () => {
    expect(codeOf(() => calendar.isWorkingDay('2029-03-01'))).toBe('CALENDAR_YEAR_MISSING');
    expect(() => calendar.isWorkingDay('2029-03-01')).toThrow('2029年的节假日安排尚未录入');
  });

  it('a year before the revised 放假办法 (2025) cannot be inferred even with anchors', () => {
    const old = buildWorkingDayCalendar(
      {},
      {
        '2024': { chuxi: '2024-02-09', qingming: '2024-04-04', duanwu: '2024-06-10', zhongqiu: '2024-09-17' },
      },
    );
    expect(codeOf(() => old.isWorkingDay('2024-03-01'))).toBe('CALENDAR_YEAR_MISSING');
  });

  it.each([
    ['除夕 in July', { ...ANCHORS['2027']!, chuxi: '2027-07-01' }],
    ['a date of another year', { ...ANCHORS['2027']!, zhongqiu: '2026-09-25' }],
    ['a date that does not exist', { ...ANCHORS['2027']!, duanwu: '2027-06-31' }],
  ])('refuses anchors with %s (CALENDAR_DATA_INVALID)', (_label, anchors) => {
    expect(codeOf(() => buildWorkingDayCalendar(holidays, { '2027': anchors }))).toBe(
      'CALENDAR_DATA_INVALID',
    );
  });
});

describe('the bounds hold for the arrangements published since the revision (2025, 2026)', () => {
  const upTo2024: HolidayEntriesByYear = Object.fromEntries(
    Object.entries(holidays).filter(([year]) => Number(year) <= 2024),
  );
  const provisional = buildWorkingDayCalendar(upTo2024, ANCHORS);
  const real = buildWorkingDayCalendar(holidays, ANCHORS);

  it('every weekday off in 2025 and 2026 is one the bounds call possibly off', () => {
    const possible = new Set(
      [2025, 2026, 2027].flatMap((y) => possibleDaysOff(y, ANCHORS[String(y)]).map((d) => d.date)),
    );
    const offWeekdays = [...holidays['2025'], ...holidays['2026']].filter(
      (e) => e.isOffDay && ![0, 6].includes(new Date(`${e.date}T00:00:00Z`).getUTCDay()),
    );
    expect(offWeekdays.length).toBeGreaterThan(20);
    for (const e of offWeekdays) expect(possible.has(e.date), e.date).toBe(true);
  });

  it('a day the provisional calendar counts is a working day in the real arrangement (never too early)', () => {
    let counted = 0;
    for (let date = '2024-12-30'; date <= '2026-12-29'; date = addDays(date, 1)) {
      if (!provisional.isWorkingDay(date)) continue;
      counted += 1;
      expect(real.isWorkingDay(date), date).toBe(true);
    }
    expect(counted).toBeGreaterThan(400); // most weekdays still count
  });

  it('every holiday documents its statutory days, its bounds and their source', () => {
    expect(STATUTORY_HOLIDAYS.map((h) => [h.name, h.statutoryDays, h.runDays.max])).toEqual([
      ['元旦', 1, 3],
      ['春节', 4, 9],
      ['清明节', 1, 3],
      ['劳动节', 2, 5],
      ['端午节', 1, 3],
      ['中秋节', 1, 3],
      ['国庆节', 3, 8],
    ]);
    for (const h of STATUTORY_HOLIDAYS) expect(h.source).toContain('全国年节及纪念日放假办法');
  });
});
