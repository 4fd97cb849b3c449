/**
 * 公示期 (R10, 通知第五条第四款 "公示时间不少于5个工作日"): a notice lasts at least 5 working days of the
 * Chinese calendar with 调休, counted from its start date (day 1 = the start date when it is a working
 * day), from 00:00 of the start date to 23:59:59 of the end date, Asia/Shanghai. The end date is shown
 * with an explanation of every day that was skipped. A window reaching a year whose holiday arrangement
 * is not published yet gets a provisional (暂定) end date from the conservative calendar (never earlier
 * than the real one, working-day-calendar.ts); once the arrangement is entered the window is revised,
 * never shortened (notice-window-revision.ts). A year that cannot even be inferred still refuses.
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
import { provisionalCalendarReason, type SkippedDay, type WorkingDayCalendar } from '../working-day-calendar';

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
  /** true when the end date depends on an arrangement not published yet (暂定). */
  provisional: boolean;
  /** Why it is 暂定 (null when not provisional). */
  provisionalReason: string | null;
  /** One Chinese sentence: how the end date follows from the start date and the calendar. */
  explanation: string;
}

/**
 * How entering a year's arrangement changed a provisional window: 'extended' (公示期顺延, the published
 * arrangement needs more days) or 'kept' (it would need fewer; a published window never shrinks).
 */
export interface NoticeWindowRevision {
  kind: 'extended' | 'kept';
  previousEndDate: CalendarDate;
  endDate: CalendarDate;
  /** The n-th working day under the published arrangement. */
  computedEndDate: CalendarDate;
  reason: string;
}

/**
 * Computes the window of a notice. Throws CALENDAR_YEAR_MISSING (from the calendar) when a day of the
 * window lies in a year that has neither data nor lunar anchors, NOTICE_WORKING_DAYS_TOO_FEW below 5.
 */
export function computeNoticeWindow(
  calendar: WorkingDayCalendar,
  startDate: CalendarDate,
  workingDays: number,
): NoticeWindow {
  assertNoticeWorkingDays(workingDays);
  const span = calendar.addWorkingDays(parseCalendarDate(startDate), workingDays);
  return describeNoticeWindow(calendar, span.start, span.end, workingDays, null);
}

/**
 * The window from `startDate` to `endDate` as the calendar sees it now: skipped and 调休 days, whether
 * it is provisional, and the explanation (with the revision that fixed the end date, if any).
 */
export function describeNoticeWindow(
  calendar: WorkingDayCalendar,
  startDate: CalendarDate,
  endDate: CalendarDate,
  workingDays: number,
  revision: NoticeWindowRevision | null,
): NoticeWindow {
  const skipped: SkippedDay[] = [];
  const adjusted: AdjustedWorkingDay[] = [];
  const years = new Set<number>();
  for (let date = startDate; compareDates(date, endDate) <= 0; date = addDays(date, 1)) {
    const day = calendar.explainDay(date);
    if (day.provisionalYear !== undefined) years.add(day.provisionalYear);
    if (!day.working) skipped.push({ date, reason: day.reason ?? '非工作日' });
    else if (day.reason) adjusted.push({ date, reason: day.reason });
  }
  const provisionalYears = [...years].sort((a, b) => a - b);
  const provisionalReason = provisionalYears.length > 0 ? provisionalCalendarReason(provisionalYears) : null;
  const fields = { startDate, endDate, workingDays, skipped, adjusted, provisionalReason, revision };
  return {
    startDate,
    endDate,
    workingDays,
    skipped,
    adjusted,
    opensAt: startOfShanghaiDay(startDate),
    closesAt: endOfShanghaiDay(endDate),
    provisional: provisionalReason !== null,
    provisionalReason,
    explanation: explainNoticeWindow(fields),
  };
}

/** The explanation sentence, also for a stored window (start, end, skipped and adjusted days). */
export function explainNoticeWindow(w: {
  startDate: CalendarDate;
  endDate: CalendarDate;
  workingDays: number;
  skipped: readonly SkippedDay[];
  adjusted?: readonly AdjustedWorkingDay[];
  provisionalReason?: string | null;
  revision?: NoticeWindowRevision | null;
}): string {
  const counted = `公示期自${formatChineseDate(w.startDate)}0时起，计${w.workingDays}个工作日（起始日为工作日时计入）`;
  const until = `${formatChineseDate(w.endDate)}23时59分59秒止（北京时间）`;
  const parts = [
    w.revision?.kind === 'kept'
      ? `${counted}，按已公布的节假日安排至${formatChineseDate(w.revision.computedEndDate)}；发布时暂定的截止日期不缩短，公示期至${until}`
      : `${counted}，至${until}`,
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
  if (w.revision?.kind === 'extended') parts.push(`公示期顺延：${w.revision.reason}`);
  if (w.provisionalReason) parts.push(`截止日期为暂定：${w.provisionalReason}`);
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

/** Editing (add/remove applications, title, length) is not a move: possible only before publication. */
export const noticeIsEditable = (state: string): boolean => state === 'draft';

export function assertNoticeDraft(status: string, what: string): void {
  if (!noticeIsEditable(status)) {
    throw conflict('NOTICE_NOT_DRAFT', `公示已${noticeStatusLabel(status)}，不能${what}（仅草稿可以修改）`);
  }
}
