import { describe, expect, it } from 'vitest';
import holidays from '../../../reference-data/cn-holidays.json';
import { DomainError } from '../src/errors';
import { buildWorkingDayCalendar, type HolidayEntriesByYear } from '../src/working-day-calendar';

const calendar = buildWorkingDayCalendar(holidays);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

const range = (from: string, to: string, reason: string) => {
  const out: { date: string; reason: string }[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push({ date: d.toISOString().slice(0, 10), reason });
  }
  return out;
};

describe('explainDay with the real 2020–2026 data', () => {
  it.each([
    // date, working, reason
    ['2026-10-01', false, '国庆节（法定节假日）'],
    ['2026-10-03', false, '国庆节（法定节假日）'], // a Saturday inside the holiday
    ['2026-10-10', true, '国庆节调休上班'], // Saturday worked
    ['2026-09-20', true, '国庆节调休上班'], // Sunday worked
    ['2026-09-25', false, '中秋节（法定节假日）'], // Friday off
    ['2026-02-14', true, '春节调休上班'],
    ['2026-02-28', true, '春节调休上班'],
    ['2026-02-23', false, '春节（法定节假日）'], // Monday off
    ['2026-01-04', true, '元旦调休上班'],
    ['2025-10-08', false, '国庆节、中秋节（法定节假日）'], // Wednesday off
    ['2025-09-28', true, '国庆节、中秋节调休上班'],
    ['2022-12-31', false, '元旦（法定节假日）'], // filed under 2022 though it belongs to 元旦 2023
    ['2026-10-11', false, '周日'],
    ['2026-03-07', false, '周六'],
    ['2026-03-09', true, null], // plain Monday
    ['2020-02-03', true, null], // upstream lists this Monday as a working day: it is an ordinary one
  ])('%s: working=%s reason=%s', (date, working, reason) => {
    expect(calendar.explainDay(date)).toEqual({ date, working, reason, provisional: false });
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('knows the years in the data and nothing else', () => {
    expect(calendar.years()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear('2026')).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
  });
});

describe('a year without data and without lunar anchors (2027)', () => {
  it('refuses isWorkingDay with CALENDAR_YEAR_MISSING and a message for the admin', () => {
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow('2027年的节假日安排尚未录入');
    expect(codeOf(() => calendar.isWorkingDay('2027-03-01'))).toBe('CALENDAR_YEAR_MISSING');
  });

  it('treats an empty year (as upstream once shipped 2027.json) as missing', () => {
    const withEmpty = buildWorkingDayCalendar({ ...holidays, '2027': [] });
    expect(withEmpty.hasYear(2027)).toBe(false);
    expect(codeOf(() => withEmpty.isWorkingDay('2027-03-01'))).toBe('CALENDAR_YEAR_MISSING');
  });
});

describe('addWorkingDays — public notice of 5 working days (R10)', () => {
  it('2026-09-30 across 国庆 2026 ends on Mon 2026-10-12, counting the 调休 Saturday 10-10', () => {
    expect(calendar.addWorkingDays('2026-09-30', 5)).toEqual({
      start: '2026-09-30',
      days: 5,
      end: '2026-10-12',
      skipped: [
        ...range('2026-10-01', '2026-10-07', '国庆节（法定节假日）'),
        { date: '2026-10-11', reason: '周日' },
      ],
      provisional: false,
      provisionalYears: [],
      provisionalReason: null,
    });
  });

  it('2026-02-13 across 春节 2026 counts 调休 Saturday 02-14 and ends on 2026-02-26', () => {
    const span = calendar.addWorkingDays('2026-02-13', 5);
    expect(span.end).toBe('2026-02-26');
    expect(span.skipped).toEqual(range('2026-02-15', '2026-02-23', '春节（法定节假日）'));
  });

  it('2025-09-26 across 国庆/中秋 2025 counts Sunday 09-28 and ends on Thu 2025-10-09', () => {
    const span = calendar.addWorkingDays('2025-09-26', 5);
    expect(span.end).toBe('2025-10-09');
    expect(span.skipped).toEqual([
      { date: '2025-09-27', reason: '周六' },
      ...range('2025-10-01', '2025-10-08', '国庆节、中秋节（法定节假日）'),
    ]);
  });

  it('a start on a plain Saturday is not counted and is listed as skipped', () => {
    const span = calendar.addWorkingDays('2026-03-07', 5);
    expect(span.end).toBe('2026-03-13');
    expect(span.skipped).toEqual([
      { date: '2026-03-07', reason: '周六' },
      { date: '2026-03-08', reason: '周日' },
    ]);
  });

  it('a start on a 调休 Saturday counts as day 1', () => {
    const span = calendar.addWorkingDays('2026-10-10', 5);
    expect(span.end).toBe('2026-10-15');
    expect(span.skipped).toEqual([{ date: '2026-10-11', reason: '周日' }]);
  });

  it('a start on a working day with n = 1 ends the same day', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toMatchObject({ end: '2026-09-30', skipped: [] });
  });

  it('crosses the year boundary 2025 → 2026 through 元旦 and the 调休 Sunday 2026-01-04', () => {
    const span = calendar.addWorkingDays('2025-12-31', 3);
    expect(span.end).toBe('2026-01-05');
    expect(span.skipped.map((d) => d.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });

  it('refuses a span reaching 2027 when no anchors let it infer the year', () => {
    expect(codeOf(() => calendar.addWorkingDays('2026-12-28', 5))).toBe('CALENDAR_YEAR_MISSING');
    // …but a span that stays inside 2026 is computed; 12-30/31 may still be freed by 元旦 2027: 暂定.
    expect(calendar.addWorkingDays('2026-12-28', 2)).toMatchObject({ end: '2026-12-29', provisional: false });
  });

  it.each([0, -1, 1.5, 367, Number.NaN])('refuses n = %s with WORKING_DAYS_INVALID', (n) => {
    expect(codeOf(() => calendar.addWorkingDays('2026-09-30', n))).toBe('WORKING_DAYS_INVALID');
  });

  it('accepts the upper bound of 366 working days', () => {
    expect(calendar.addWorkingDays('2020-01-02', 366).end.startsWith('2021-')).toBe(true);
  });

  it('refuses a non-existent start date', () => {
    expect(codeOf(() => calendar.addWorkingDays('2026-02-30', 5))).toBe('DATE_INVALID');
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['2026-09-30', '2026-10-12', 5],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-10-12', '2026-09-30', 0],
  ])('%s..%s has %i working days', (from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toBe(expected);
  });
});

describe('buildWorkingDayCalendar refuses bad data (CALENDAR_DATA_INVALID)', () => {
  it.each<[string, HolidayEntriesByYear]>([
    ['entry under the wrong year', { '2026': [{ date: '2025-12-31', name: '元旦', isOffDay: true }] }],
    ['non-existent date', { '2026': [{ date: '2026-02-30', name: '春节', isOffDay: true }] }],
    ['bad year key', { '26': [{ date: '2026-01-01', name: '元旦', isOffDay: true }] }],
    [
      'contradictory duplicate',
      {
        '2026': [
          { date: '2026-10-10', name: '国庆节', isOffDay: false },
          { date: '2026-10-10', name: '国庆节', isOffDay: true },
        ],
      },
    ],
  ])('%s', (_label, data) => {
    expect(codeOf(() => buildWorkingDayCalendar(data))).toBe('CALENDAR_DATA_INVALID');
  });
});
