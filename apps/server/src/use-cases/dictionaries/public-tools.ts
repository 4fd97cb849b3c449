/** The public tools: working-day arithmetic (R10) and the credit-code check (R1), no login needed. */
import { addDays, compareDates, formatChineseDate, validateCreditCode } from '@skillcert/domain';
import type { CreditCodeCheck, WorkingDaysResponse } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { workingDayCalendar } from '../../reference/working-day-calendar-service';
import { divisionFullName } from './divisions';

/**
 * The n-th working day from `start` (start counts when it is a working day). A year whose arrangement is
 * not entered is counted provisionally (暂定, with the reason); one that cannot even be inferred refuses
 * with CALENDAR_YEAR_MISSING; a date that does not exist is DATE_INVALID.
 */
export async function computeWorkingDays(
  db: Executor,
  start: string,
  days: number,
): Promise<WorkingDaysResponse> {
  const calendar = await workingDayCalendar(db);
  const span = calendar.addWorkingDays(start, days);
  // 调休上班 days inside the span count: name them, since users expect a weekend to be off.
  const adjusted: string[] = [];
  for (let date = span.start; compareDates(date, span.end) <= 0; date = addDays(date, 1)) {
    const day = calendar.explainDay(date);
    if (day.working && day.reason) adjusted.push(`${formatChineseDate(date)}${day.reason}`);
  }
  const parts = [
    `自${formatChineseDate(span.start)}起计${span.days}个工作日（起始日为工作日时计入），截止${formatChineseDate(span.end)}23:59:59`,
  ];
  if (span.skipped.length > 0) parts.push(`期间${span.skipped.length}天周末或法定节假日不计`);
  if (adjusted.length > 0) parts.push(`${adjusted.join('、')}，计为工作日`);
  if (span.provisionalReason) parts.push(`截止日期为暂定：${span.provisionalReason}`);
  return {
    start: span.start,
    days: span.days,
    end: span.end,
    skipped: span.skipped,
    explanation: `${parts.join('；')}。`,
    provisional: span.provisional,
    provisionalReason: span.provisionalReason,
  };
}

export const NOT_IN_HUNAN = {
  code: 'CREDIT_CODE_NOT_HUNAN',
  message: '统一社会信用代码的登记管理机关不在湖南省（第3-4位应为43）',
};

/** GB 32100 validity and, separately, whether a Hunan authority registered it (R1). */
export async function checkCreditCode(db: Executor, value: string): Promise<CreditCodeCheck> {
  const result = validateCreditCode(value);
  const errors = result.errors.map(({ code, message }) => ({ code, message }));
  if (result.divisionCode !== null && !result.inHunan) errors.push(NOT_IN_HUNAN);
  return {
    valid: result.valid,
    normalized: result.normalized,
    inHunan: result.inHunan,
    divisionCode: result.divisionCode,
    divisionName:
      result.inHunan && result.divisionCode ? await divisionFullName(db, result.divisionCode) : null,
    kindHint: result.kindHint,
    errors,
  };
}
