/**
 * The server's clock for walks that span days (a 公示 lasts 5 working days): it runs at real speed from
 * a chosen instant and can jump forward, so the walk can reach the end of a window without waiting or
 * a backdoor. The browser gets the same time through Playwright's clock.
 */
import type { Clock } from '../../apps/server/src/clock';

export class WalkClock implements Clock {
  private readonly realStart = Date.now();
  private offsetMs = 0;
  constructor(private readonly start: Date) {}
  now(): Date {
    return new Date(this.start.getTime() + (Date.now() - this.realStart) + this.offsetMs);
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}
