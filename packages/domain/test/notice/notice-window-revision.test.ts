/**
 * R10 with a year whose arrangement is not published: the notice gets a provisional end date (暂定, with
 * the reason), and once the arrangement is entered the window is revised — lengthened when it needs more
 * days (公示期顺延), never shortened.
 */
import { describe, expect, it } from 'vitest';
import holidays from '../../../../reference-data/cn-holidays.json';
import { buildWorkingDayCalendar, type HolidayEntry } from '../../src/working-day-calendar';
import { computeNoticeWindow } from '../../src/notice/notice-window';
import { reviseProvisionalNoticeWindow } from '../../src/notice/notice-window-revision';
import { ANCHORS } from '../holiday-anchors-fixture';

const REASON_2027 = '2027年节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定';
const provisional = buildWorkingDayCalendar(holidays, ANCHORS);
/** The calendar once a (hypothetical) 2027 arrangement with these days off is entered. */
const with2027 = (offDays: string[]) =>
  buildWorkingDayCalendar(
    { ...holidays, '2027': offDays.map((date): HolidayEntry => ({ date, name: '元旦', isOffDay: true })) },
    ANCHORS,
  );

describe('publishing into 2027 before its arrangement is out', () => {
  const w = computeNoticeWindow(provisional, '2026-12-28', 5);

  it('gets the conservative end date 2027-01-06, labelled 暂定 with the reason', () => {
    expect(w).toMatchObject({
      startDate: '2026-12-28',
      endDate: '2027-01-06',
      provisional: true,
      provisionalReason: REASON_2027,
    });
    expect(w.skipped.map((d) => d.date)).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(w.explanation).toContain(`截止日期为暂定：${REASON_2027}`);
    expect(w.explanation).toContain('2026年12月30日（元旦可能放假调休（暂定））');
  });

  it('a window inside published years is not 暂定', () => {
    expect(computeNoticeWindow(provisional, '2026-11-25', 5)).toMatchObject({
      provisional: false,
      provisionalReason: null,
    });
  });
});

describe('entering the 2027 arrangement revises the provisional window', () => {
  const published = { startDate: '2026-12-28', endDate: '2027-01-06', workingDays: 5 };

  it('would be shorter (only 01-01 off): the published end date stands, 暂定 cleared', () => {
    const { window, revision } = reviseProvisionalNoticeWindow(with2027(['2027-01-01']), published, [2027]);
    expect(revision).toMatchObject({
      kind: 'kept',
      previousEndDate: '2027-01-06',
      endDate: '2027-01-06',
      computedEndDate: '2027-01-04',
    });
    expect(revision!.reason).toContain('已公布的公示期不缩短，仍至2027年1月6日止');
    expect(window).toMatchObject({ endDate: '2027-01-06', provisional: false, provisionalReason: null });
    // 12-30/31 are working days now: only 元旦 and the weekend remain skipped.
    expect(window.skipped.map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(window.explanation).toContain('按已公布的节假日安排至2027年1月4日');
    expect(window.explanation).toContain('公示期至2027年1月6日23时59分59秒止');
  });

  it('needs more days (01-01…01-08 off): lengthened to 2027-01-11, 公示期顺延 with the reason', () => {
    const offDays = ['01', '04', '05', '06', '07', '08'].map((d) => `2027-01-${d}`);
    const { window, revision } = reviseProvisionalNoticeWindow(with2027(offDays), published, [2027]);
    expect(revision).toMatchObject({
      kind: 'extended',
      previousEndDate: '2027-01-06',
      endDate: '2027-01-11',
      computedEndDate: '2027-01-11',
    });
    expect(revision!.reason).toBe(
      '2027年节假日安排已公布，按正式安排第5个工作日为2027年1月11日，公示期由2027年1月6日顺延至2027年1月11日',
    );
    expect(window).toMatchObject({ endDate: '2027-01-11', provisional: false });
    expect(window.explanation).toContain(`公示期顺延：${revision!.reason}`);
  });

  it('ends on the same day (01-01…01-05 off): no revision, only the 暂定 label goes', () => {
    const offDays = ['01', '04', '05'].map((d) => `2027-01-${d}`);
    const { window, revision } = reviseProvisionalNoticeWindow(with2027(offDays), published, [2027]);
    expect(revision).toBeNull();
    expect(window).toMatchObject({ endDate: '2027-01-06', provisional: false });
    expect(window.explanation).not.toContain('暂定');
  });
});
