/**
 * 办理时限: every stage of the filing workflow has a limit in working days ([policy], docs/domain.md §4). The
 * clock starts the working day after the application enters the stage, pauses while it is returned for
 * correction (补正) and resumes with the days that were left. Due dates in a year without holiday data
 * use the same conservative provisional calendar as public notices (statutory holidays and the known
 * bounds of 调休) and are marked provisional (暂定) — never a silent guess.
 */
import { addDays, type CalendarDate } from '../calendar-date';
import type { WorkingDayCalendar } from '../working-day-calendar';
import type { ApplicationState } from './application-lifecycle';

/** Working days allowed per stage, keyed by the status that waits for someone. */
export type StageLimits = Partial<Record<ApplicationState, number>>;

/** Defaults ([policy]; the province edits them): 核验, 专家评审与实地评估, 推荐汇总, 省级评估. */
export const DEFAULT_STAGE_LIMITS: StageLimits = {
  submitted: 10,
  verified: 20,
  recommended: 5,
  province_review: 15,
};

export interface StageDue {
  dueDate: CalendarDate;
  provisional: boolean;
}

/** The due date of a stage entered on `today` with `days` working days. */
export function stageDueDate(calendar: WorkingDayCalendar, today: CalendarDate, days: number): StageDue {
  const span = calendar.addWorkingDays(addDays(today, 1), Math.max(1, days));
  return { dueDate: span.end, provisional: span.provisional };
}

/** Working days left before `dueDate`, counted from tomorrow (0 when already due or overdue). */
export function remainingWorkingDays(
  calendar: WorkingDayCalendar,
  today: CalendarDate,
  dueDate: CalendarDate,
): number {
  return calendar.countWorkingDays(addDays(today, 1), dueDate);
}

/** Overdue when today is past the due date. */
export const isOverdue = (today: CalendarDate, dueDate: CalendarDate | null): boolean =>
  dueDate !== null && today > dueDate;

export type StageClockChange =
  | { kind: 'start'; due: StageDue }
  | { kind: 'pause'; remaining: number }
  | { kind: 'resume'; due: StageDue }
  | { kind: 'stop' };

/**
 * What happens to the clock on a move from `from` to `to`: a return pauses it, a resubmission resumes
 * it with the days left, a move into a stage with a limit starts a new clock, anything else stops it.
 */
export function stageClockOnTransition(args: {
  calendar: WorkingDayCalendar;
  today: CalendarDate;
  from: ApplicationState;
  to: ApplicationState;
  limits: StageLimits;
  currentDueDate: CalendarDate | null;
  daysRemaining: number | null;
}): StageClockChange {
  const { calendar, today, from, to, limits } = args;
  if (to === 'returned') {
    const remaining = args.currentDueDate
      ? remainingWorkingDays(calendar, today, args.currentDueDate)
      : (limits[from] ?? 0);
    return { kind: 'pause', remaining };
  }
  if (from === 'returned' && to === 'submitted' && args.daysRemaining !== null) {
    return { kind: 'resume', due: stageDueDate(calendar, today, args.daysRemaining) };
  }
  const limit = limits[to];
  return limit ? { kind: 'start', due: stageDueDate(calendar, today, limit) } : { kind: 'stop' };
}
