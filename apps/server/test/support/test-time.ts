/**
 * The instant the test suite calls "now". One setting decides it: `SKILLCERT_TEST_NOW` (a date
 * `YYYY-MM-DD` or an ISO instant), by default today. Either way the instant is moved to 10:00 Beijing
 * time of that day, so tests that speak of "later today" or "the evening before" mean the same on every
 * run. Every fixture date derives from this instant through the domain's calendar functions, so the
 * suite passes on any date (CI also runs it years ahead).
 */
import { addDays, startOfShanghaiDay, todayInShanghai, type CalendarDate } from '@skillcert/domain';
import { systemClock, type Clock } from '../../src/clock';

export const TEST_NOW_SETTING = 'SKILLCERT_TEST_NOW';

const TEN_HOURS_MS = 10 * 3_600_000;

/** 10:00 北京时间 on the day the setting names (or today's, read through the clock module). */
export function testBaseInstant(env: NodeJS.ProcessEnv = process.env, clock: Clock = systemClock): Date {
  const setting = env[TEST_NOW_SETTING]?.trim();
  const instant = setting
    ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(setting) ? `${setting}T10:00:00+08:00` : setting)
    : clock.now();
  if (!Number.isFinite(instant.getTime())) {
    throw new Error(`${TEST_NOW_SETTING}="${setting}" is neither a date (YYYY-MM-DD) nor an ISO instant`);
  }
  return new Date(startOfShanghaiDay(todayInShanghai(instant)).getTime() + TEN_HOURS_MS);
}

/** A controllable clock: starts at a given instant, moves only when a test moves it. */
export class TestClock implements Clock {
  private current: Date;
  constructor(start: Date) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  /** Today's calendar day in Beijing time, for fixtures. */
  today(): CalendarDate {
    return todayInShanghai(this.current);
  }
  /** `days` calendar days from today (negative goes back). */
  day(days: number): CalendarDate {
    return addDays(this.today(), days);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  /** Moves to `hh:mm:ss` Beijing time on a calendar day. */
  setShanghai(date: CalendarDate, time = '10:00:00'): void {
    this.current = new Date(`${date}T${time}+08:00`);
  }
}
