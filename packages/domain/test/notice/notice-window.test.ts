import { describe, expect, it } from 'vitest';
import holidays from '../../../../reference-data/cn-holidays.json';
import { DomainError } from '../../src/errors';
import { buildWorkingDayCalendar } from '../../src/working-day-calendar';
import {
  assertNoticeDraft,
  assertNoticeStartDate,
  assertNoticeWorkingDays,
  computeNoticeWindow,
  msUntilNoticeCloses,
  noticeWindowPhase,
} from '../../src/notice/notice-window';

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

const days = (from: string, to: string, reason: string) => {
  const out: { date: string; reason: string }[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push({ date: d.toISOString().slice(0, 10), reason });
  return out;
};

describe('R10 notice end dates with the real 2025/2026 arrangements (国庆、春节、调休)', () => {
  it.each([
    {
      name: '国庆 2025: starts Monday 09-29, 10-01…10-08 off, Saturday 10-11 worked (调休) is day 5',
      start: '2025-09-29',
      end: '2025-10-11',
      skipped: days('2025-10-01', '2025-10-08', '国庆节、中秋节（法定节假日）'),
      adjusted: [{ date: '2025-10-11', reason: '国庆节、中秋节调休上班' }],
    },
    {
      name: '国庆 2025: starts Friday 09-26, Saturday off, Sunday 09-28 worked',
      start: '2025-09-26',
      end: '2025-10-09',
      skipped: [
        { date: '2025-09-27', reason: '周六' },
        ...days('2025-10-01', '2025-10-08', '国庆节、中秋节（法定节假日）'),
      ],
      adjusted: [{ date: '2025-09-28', reason: '国庆节、中秋节调休上班' }],
    },
    {
      name: '国庆 2026: starts Monday 09-28, 10-01…10-07 off (the Saturday inside the holiday is a holiday)',
      start: '2026-09-28',
      end: '2026-10-09',
      skipped: days('2026-10-01', '2026-10-07', '国庆节（法定节假日）'),
      adjusted: [],
    },
    {
      name: '国庆 2026: starts on the holiday itself, counts from 10-08, Saturday 10-10 worked, Sunday off',
      start: '2026-10-01',
      end: '2026-10-13',
      skipped: [
        ...days('2026-10-01', '2026-10-07', '国庆节（法定节假日）'),
        { date: '2026-10-11', reason: '周日' },
      ],
      adjusted: [{ date: '2026-10-10', reason: '国庆节调休上班' }],
    },
    {
      name: '春节 2026: starts Thursday 02-12, Saturday 02-14 worked, 02-15…02-23 off',
      start: '2026-02-12',
      end: '2026-02-25',
      skipped: days('2026-02-15', '2026-02-23', '春节（法定节假日）'),
      adjusted: [{ date: '2026-02-14', reason: '春节调休上班' }],
    },
    {
      name: '春节 2025: starts Friday 01-24, Saturday off, Sunday 01-26 worked, 01-28…02-04 off',
      start: '2025-01-24',
      end: '2025-02-06',
      skipped: [
        { date: '2025-01-25', reason: '周六' },
        ...days('2025-01-28', '2025-02-04', '春节（法定节假日）'),
      ],
      adjusted: [{ date: '2025-01-26', reason: '春节调休上班' }],
    },
    {
      name: 'an ordinary week: Wednesday 11-25 to Tuesday 12-01 over one weekend',
      start: '2026-11-25',
      end: '2026-12-01',
      skipped: [
        { date: '2026-11-28', reason: '周六' },
        { date: '2026-11-29', reason: '周日' },
      ],
      adjusted: [],
    },
  ])('$name', ({ start, end, skipped, adjusted }) => {
    const w = computeNoticeWindow(calendar, start, 5);
    expect(w.startDate).toBe(start);
    expect(w.endDate).toBe(end);
    expect(w.skipped).toEqual(skipped);
    expect(w.adjusted).toEqual(adjusted);
    // Every skipped day appears in the explanation with its reason; so does every 调休 day.
    for (const s of skipped) expect(w.explanation).toContain(s.reason);
    for (const a of adjusted) expect(w.explanation).toContain(`为${a.reason}`);
    expect(w.explanation).toContain('计5个工作日');
  });

  it('explains the 国庆 2025 window in one Chinese sentence', () => {
    expect(computeNoticeWindow(calendar, '2025-09-29', 5).explanation).toBe(
      '公示期自2025年9月29日0时起，计5个工作日（起始日为工作日时计入），至2025年10月11日23时59分59秒止（北京时间）；' +
        '期间8天不计入：2025年10月1日（国庆节、中秋节（法定节假日））、2025年10月2日（国庆节、中秋节（法定节假日））、' +
        '2025年10月3日（国庆节、中秋节（法定节假日））、2025年10月4日（国庆节、中秋节（法定节假日））、' +
        '2025年10月5日（国庆节、中秋节（法定节假日））、2025年10月6日（国庆节、中秋节（法定节假日））、' +
        '2025年10月7日（国庆节、中秋节（法定节假日））、2025年10月8日（国庆节、中秋节（法定节假日））；' +
        '2025年10月11日为国庆节、中秋节调休上班，计为工作日。',
    );
  });

  it('a longer [policy] period counts further: 7 working days from 2026-11-25 end 12-03', () => {
    expect(computeNoticeWindow(calendar, '2026-11-25', 7).endDate).toBe('2026-12-03');
  });

  it('opens at 00:00 of the start date and closes at 23:59:59 of the end date, Beijing time', () => {
    const w = computeNoticeWindow(calendar, '2026-11-25', 5);
    expect(w.opensAt.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-12-01T15:59:59.999Z');
  });
});

describe('R10 refusals', () => {
  it.each([4, 0, -5, 4.5, Number.NaN])('fewer than 5 working days (%s) is refused', (n) => {
    expect(codeOf(() => computeNoticeWindow(calendar, '2026-11-25', n))).toBe('NOTICE_WORKING_DAYS_TOO_FEW');
    expect(codeOf(() => assertNoticeWorkingDays(n))).toBe('NOTICE_WORKING_DAYS_TOO_FEW');
  });

  it('more than 30 working days is refused as a typing error', () => {
    expect(codeOf(() => assertNoticeWorkingDays(31))).toBe('NOTICE_WORKING_DAYS_TOO_MANY');
    expect(assertNoticeWorkingDays(30)).toBe(30);
  });

  it('a year that can be neither read nor inferred refuses (no weekends-only guess for a notice)', () => {
    expect(codeOf(() => computeNoticeWindow(calendar, '2027-03-01', 5))).toBe('CALENDAR_YEAR_MISSING');
    // A window that runs into that year is refused too.
    expect(codeOf(() => computeNoticeWindow(calendar, '2026-12-28', 5))).toBe('CALENDAR_YEAR_MISSING');
    expect(() => computeNoticeWindow(calendar, '2026-12-28', 5)).toThrow('2027年的节假日安排尚未录入');
  });

  it('a start date that does not exist or lies in the past is refused', () => {
    expect(codeOf(() => computeNoticeWindow(calendar, '2026-02-30', 5))).toBe('DATE_INVALID');
    expect(codeOf(() => assertNoticeStartDate('2026-11-24', '2026-11-25'))).toBe('NOTICE_START_IN_PAST');
    expect(assertNoticeStartDate('2026-11-25', '2026-11-25')).toBe('2026-11-25');
  });

  it('only a draft can be edited', () => {
    expect(codeOf(() => assertNoticeDraft('published', '修改'))).toBe('NOTICE_NOT_DRAFT');
    expect(() => assertNoticeDraft('draft', '修改')).not.toThrow();
  });
});

describe('window phase and countdown (injected instant)', () => {
  const w = { startDate: '2026-11-25', endDate: '2026-12-01' };
  it.each([
    ['2026-11-24T15:59:59.999Z', 'upcoming'],
    ['2026-11-24T16:00:00.000Z', 'open'],
    ['2026-12-01T15:59:59.999Z', 'open'],
    ['2026-12-01T16:00:00.000Z', 'closed'],
  ])('%s → %s', (iso, phase) => {
    expect(noticeWindowPhase(w, new Date(iso))).toBe(phase);
  });

  it('counts down to 24:00 of the end date and stops at 0', () => {
    expect(msUntilNoticeCloses(w, new Date('2026-12-01T15:00:00Z'))).toBe(3_600_000);
    expect(msUntilNoticeCloses(w, new Date('2026-12-02T00:00:00Z'))).toBe(0);
  });
});
