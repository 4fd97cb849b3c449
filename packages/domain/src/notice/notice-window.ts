/**
 * 公示期 (R10, 通知第五条第四款 "公示时间不少于5个工作日"): a notice lasts at least 5 working days of the
 * Chinese calendar with 调休, counted from its start date (day 1 = the start date when it is a working
 * day), from 00:00 of the start date to 23:59:59 of the end date, Asia/Shanghai. The end date is shown
 * with an explanation of every day that was skipped; a year without holiday data refuses to compute
 * (strict mode), because a notice period that turns out one day short would have to be run again.
 */
import { invalid, conflict } from '../errors';
import {
  addDays,
  compareDates,
  endOfShanghaiDay,
  formatChineseDate,
  parseCalendarDate,
  startOfShanghaiDay,
  type CalendarDate,
} from '../calendar-date';
import type { SkippedDay, WorkingDayCalendar } from '../working-day-calendar';

export const NOTICE_CLAUSE = '通知第五条第四款';

/** R10: the notice period may never be shorter than this ([policy] may only lengthen it). */
export const MIN_NOTICE_WORKING_DAYS = 5;
/** A notice of more than this many working days is a typing error, not a policy. */
export const MAX_NOTICE_WORKING_DAYS = 30;

/** Checks the [policy] length of a notice: an integer from 5 to 30 working days. */
export function assertNoticeWorkingDays(days: number): number {
  if (!Number.isInteger(days) || days < MIN_NOTICE_WORKING_DAYS) {
    throw invalid(
      'NOTICE_WORKING_DAYS_TOO_FEW',
      `公示期不得少于${MIN_NOTICE_WORKING_DAYS}个工作日（${NOTICE_CLAUSE}），当前为"${days}"`,
      [
        {
          code: 'NOTICE_WORKING_DAYS_TOO_FEW',
          message: `公示期不得少于${MIN_NOTICE_WORKING_DAYS}个工作日`,
          field: 'workingDays',
        },
      ],
    );
  }
  if (days > MAX_NOTICE_WORKING_DAYS) {
    throw invalid(
      'NOTICE_WORKING_DAYS_TOO_MANY',
      `公示期最长${MAX_NOTICE_WORKING_DAYS}个工作日，当前为"${days}"`,
      [
        {
          code: 'NOTICE_WORKING_DAYS_TOO_MANY',
          message: `公示期最长${MAX_NOTICE_WORKING_DAYS}个工作日`,
          field: 'workingDays',
        },
      ],
    );
  }
  return days;
}

/** A publish date must be today or later (a notice cannot start in the past). */
export function assertNoticeStartDate(startDate: string, today: CalendarDate): CalendarDate {
  const start = parseCalendarDate(startDate);
  if (compareDates(start, today) < 0) {
    throw invalid('NOTICE_START_IN_PAST', `公示开始日期不能早于今天（${today}）`, [
      { code: 'NOTICE_START_IN_PAST', message: '公示开始日期不能早于今天', field: 'startDate' },
    ]);
  }
  return start;
}

/** A day inside the window that counts although it is a weekend (调休上班). */
export interface AdjustedWorkingDay {
  date: CalendarDate;
  reason: string;
}

export interface NoticeWindow {
  startDate: CalendarDate;
  endDate: CalendarDate;
  workingDays: number;
  /** Every non-working day from start to end, with its reason (周六 / 国庆节（法定节假日） …). */
  skipped: SkippedDay[];
  /** Weekend days inside the window that are working days (调休上班) and therefore counted. */
  adjusted: AdjustedWorkingDay[];
  /** 00:00:00 of the start date, Beijing time. */
  opensAt: Date;
  /** 23:59:59.999 of the end date, Beijing time. */
  closesAt: Date;
  /** One Chinese sentence: how the end date follows from the start date and the calendar. */
  explanation: string;
}

/**
 * Computes the window of a notice. Throws CALENDAR_YEAR_MISSING (from the calendar) when a day of the
 * window lies in a year whose arrangement is not entered, NOTICE_WORKING_DAYS_TOO_FEW below 5.
 */
export function computeNoticeWindow(
  calendar: WorkingDayCalendar,
  startDate: CalendarDate,
  workingDays: number,
): NoticeWindow {
  assertNoticeWorkingDays(workingDays);
  const span = calendar.addWorkingDays(parseCalendarDate(startDate), workingDays, { mode: 'strict' });
  const adjusted: AdjustedWorkingDay[] = [];
  for (let date = span.start; compareDates(date, span.end) <= 0; date = addDays(date, 1)) {
    const day = calendar.explainDay(date, { mode: 'strict' });
    if (day.working && day.reason) adjusted.push({ date, reason: day.reason });
  }
  return {
    startDate: span.start,
    endDate: span.end,
    workingDays,
    skipped: span.skipped,
    adjusted,
    opensAt: startOfShanghaiDay(span.start),
    closesAt: endOfShanghaiDay(span.end),
    explanation: explainNoticeWindow({
      startDate: span.start,
      endDate: span.end,
      workingDays,
      skipped: span.skipped,
      adjusted,
    }),
  };
}

/** The explanation sentence, also for a stored window (start, end, skipped and adjusted days). */
export function explainNoticeWindow(w: {
  startDate: CalendarDate;
  endDate: CalendarDate;
  workingDays: number;
  skipped: readonly SkippedDay[];
  adjusted?: readonly AdjustedWorkingDay[];
}): string {
  const parts = [
    `公示期自${formatChineseDate(w.startDate)}0时起，计${w.workingDays}个工作日（起始日为工作日时计入），至${formatChineseDate(w.endDate)}23时59分59秒止（北京时间）`,
  ];
  if (w.skipped.length > 0) {
    parts.push(
      `期间${w.skipped.length}天不计入：${w.skipped
        .map((s) => `${formatChineseDate(s.date)}（${s.reason}）`)
        .join('、')}`,
    );
  }
  if (w.adjusted && w.adjusted.length > 0) {
    parts.push(
      `${w.adjusted.map((a) => `${formatChineseDate(a.date)}为${a.reason}`).join('、')}，计为工作日`,
    );
  }
  return `${parts.join('；')}。`;
}

export type NoticeWindowPhase = 'upcoming' | 'open' | 'closed';

export const NOTICE_WINDOW_PHASE_LABELS: Readonly<Record<NoticeWindowPhase, string>> = {
  upcoming: '未开始',
  open: '公示中',
  closed: '公示期已满',
};

/** Where `now` lies relative to the window [00:00 of start, 23:59:59.999 of end] (Beijing time). */
export function noticeWindowPhase(
  w: { startDate: CalendarDate; endDate: CalendarDate },
  now: Date,
): NoticeWindowPhase {
  if (now.getTime() < startOfShanghaiDay(w.startDate).getTime()) return 'upcoming';
  if (now.getTime() > endOfShanghaiDay(w.endDate).getTime()) return 'closed';
  return 'open';
}

/** Milliseconds until the window closes (0 once closed): the public countdown. */
export function msUntilNoticeCloses(w: { endDate: CalendarDate }, now: Date): number {
  return Math.max(0, endOfShanghaiDay(w.endDate).getTime() + 1 - now.getTime());
}

export const NOTICE_STATUSES = ['draft', 'published', 'passed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Readonly<Record<NoticeStatus, string>> = {
  draft: '草稿',
  published: '已发布',
  passed: '公示期满',
};
export const noticeStatusLabel = (s: string): string =>
  (NOTICE_STATUS_LABELS as Record<string, string>)[s] ?? s;

/** Editing (add/remove applications, title, length) is possible only before publication. */
export function assertNoticeDraft(status: string, what: string): void {
  if (status !== 'draft') {
    throw conflict('NOTICE_NOT_DRAFT', `公示已${noticeStatusLabel(status)}，不能${what}（仅草稿可以修改）`);
  }
}
