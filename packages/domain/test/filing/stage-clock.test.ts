import { describe, expect, it } from 'vitest';
import holidays from '../../../../reference-data/cn-holidays.json';
import { buildWorkingDayCalendar } from '../../src/working-day-calendar';
import { isOverdue, stageClockOnTransition, stageDueDate } from '../../src/filing/stage-clock';
import { ANCHORS } from '../holiday-anchors-fixture';

const calendar = buildWorkingDayCalendar(holidays);
const limits = { submitted: 10, verified: 20 };

describe('stage clock (办理时限, docs/domain.md §4)', () => {
  it('starts the day after entry and skips 国庆 2026 with its 调休 Saturday counted', () => {
    // Submitted on Wed 2026-09-30: day 1 is 10-08 (10-01…10-07 off), 10-09 is day 2, Sat 10-10 (调休) day 3.
    expect(stageDueDate(calendar, '2026-09-30', 3)).toEqual({ dueDate: '2026-10-10', provisional: false });
  });

  it('pauses on a return with the days left and resumes with them after the resubmission', () => {
    const started = stageClockOnTransition({
      calendar,
      today: '2026-11-02',
      from: 'draft',
      to: 'submitted',
      limits,
      currentDueDate: null,
      daysRemaining: null,
    });
    expect(started).toEqual({ kind: 'start', due: { dueDate: '2026-11-16', provisional: false } });
    // Returned on Mon 11-09: 11-10 … 11-16 leaves 5 working days.
    const paused = stageClockOnTransition({
      calendar,
      today: '2026-11-09',
      from: 'submitted',
      to: 'returned',
      limits,
      currentDueDate: '2026-11-16',
      daysRemaining: null,
    });
    expect(paused).toEqual({ kind: 'pause', remaining: 5 });
    // Resubmitted on Mon 11-23: 5 working days from 11-24 → Mon 11-30.
    const resumed = stageClockOnTransition({
      calendar,
      today: '2026-11-23',
      from: 'returned',
      to: 'submitted',
      limits,
      currentDueDate: null,
      daysRemaining: 5,
    });
    expect(resumed).toEqual({ kind: 'resume', due: { dueDate: '2026-11-30', provisional: false } });
  });

  it('a due date in a year without holiday data uses the provisional calendar and is marked 暂定', () => {
    // From Thu 2026-12-24, 10 working days: 12-30/31 (元旦 2027 may reach them) and 01-01 do not count.
    const withAnchors = buildWorkingDayCalendar(holidays, ANCHORS);
    expect(stageDueDate(withAnchors, '2026-12-24', 10)).toEqual({ dueDate: '2027-01-12', provisional: true });
    expect(stageDueDate(withAnchors, '2026-12-01', 5)).toEqual({ dueDate: '2026-12-08', provisional: false });
  });

  it('is overdue only after the due date', () => {
    expect(isOverdue('2026-11-16', '2026-11-16')).toBe(false);
    expect(isOverdue('2026-11-17', '2026-11-16')).toBe(true);
    expect(isOverdue('2026-11-17', null)).toBe(false);
  });
});
