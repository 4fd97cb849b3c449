/**
 * 暂定公示期的复核 (R10, 通知第五条第四款): a notice published while a year's holiday arrangement was not
 * yet out carries a provisional end date. When the arrangement is entered, the window is computed again:
 * - later end date → the window is lengthened (公示期顺延), so the notice still lasts the full n working
 *   days under the real arrangement;
 * - earlier end date → the published end date stands: the public was told the window runs until then, and
 *   a published window must never shrink (objections may still arrive until that day);
 * - same end date → only the 暂定 label goes.
 */
import { compareDates, formatChineseDate, type CalendarDate } from '../calendar-date';
import type { WorkingDayCalendar } from '../working-day-calendar';
import {
  computeNoticeWindow,
  describeNoticeWindow,
  type NoticeWindow,
  type NoticeWindowRevision,
} from './notice-window';

export interface RevisedNoticeWindow {
  window: NoticeWindow;
  /** null when the end date stays exactly as published. */
  revision: NoticeWindowRevision | null;
}

/** The window of a published provisional notice under the calendar that now holds `enteredYears`. */
export function reviseProvisionalNoticeWindow(
  calendar: WorkingDayCalendar,
  published: { startDate: CalendarDate; endDate: CalendarDate; workingDays: number },
  enteredYears: readonly number[],
): RevisedNoticeWindow {
  const computed = computeNoticeWindow(calendar, published.startDate, published.workingDays);
  const order = compareDates(computed.endDate, published.endDate);
  if (order === 0) return { window: computed, revision: null };
  const entered = `${enteredYears.map((y) => `${y}年`).join('、')}节假日安排已公布`;
  const computedText = `按正式安排第${published.workingDays}个工作日为${formatChineseDate(computed.endDate)}`;
  if (order > 0) {
    const revision: NoticeWindowRevision = {
      kind: 'extended',
      previousEndDate: published.endDate,
      endDate: computed.endDate,
      computedEndDate: computed.endDate,
      reason: `${entered}，${computedText}，公示期由${formatChineseDate(published.endDate)}顺延至${formatChineseDate(computed.endDate)}`,
    };
    return {
      window: describeNoticeWindow(
        calendar,
        computed.startDate,
        computed.endDate,
        published.workingDays,
        revision,
      ),
      revision,
    };
  }
  const revision: NoticeWindowRevision = {
    kind: 'kept',
    previousEndDate: published.endDate,
    endDate: published.endDate,
    computedEndDate: computed.endDate,
    reason: `${entered}，${computedText}；已公布的公示期不缩短，仍至${formatChineseDate(published.endDate)}止`,
  };
  return {
    window: describeNoticeWindow(
      calendar,
      published.startDate,
      published.endDate,
      published.workingDays,
      revision,
    ),
    revision,
  };
}
