/**
 * 公示期满自动办结: every published notice whose end date has passed (after 23:59:59 of the end date,
 * Beijing time, by the injected clock) and that has no open objection passes, acting as the system actor
 * with the role province_bureau. A notice with an open objection waits (the objection must be answered
 * first) and is reported. Each notice is its own transaction, which first takes a job advisory lock
 * (try, never wait): a second server instance running the job at the same time does nothing.
 */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { assertNoticeCanPass, NOTICE_MACHINE, todayInShanghai } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import { publicNotices } from '../db/schema';
import { closeNotice, NOTICE_SYSTEM_ACTOR, openObjectionCount } from '../use-cases/notices/pass-notice';
import { loadNotice } from '../use-cases/notices/notice-presenter';

const JOB_LOCK = 7_300_502;

export interface NoticeCloseRun {
  /** false when another instance holds the job lock. */
  ran: boolean;
  /** Numbers of the notices passed in this run. */
  passed: string[];
  /** Notices past their end date that wait for objections to be answered. */
  waiting: { number: string; openObjections: number }[];
}

export async function runNoticeClose(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<NoticeCloseRun> {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const due = await deps.db
    .select({ id: publicNotices.id })
    .from(publicNotices)
    .where(and(eq(publicNotices.status, 'published'), lt(publicNotices.endDate, today)))
    .orderBy(asc(publicNotices.endDate), asc(publicNotices.number));
  const run: NoticeCloseRun = { ran: true, passed: [], waiting: [] };
  for (const { id } of due) {
    const outcome = await deps.db.transaction(async (tx) => {
      const locked = (await tx.execute(
        sql`select pg_try_advisory_xact_lock(${JOB_LOCK}) as ok`,
      )) as unknown as { rows: { ok: boolean }[] };
      if (!locked.rows[0]?.ok) return 'busy' as const;
      const notice = await loadNotice(tx, id, { lock: 'update' });
      // Passed meanwhile (by hand, or by another run): nothing left to do.
      if (!NOTICE_MACHINE.allowedActions(notice.status, NOTICE_SYSTEM_ACTOR).includes('pass')) {
        return 'done' as const;
      }
      const open = await openObjectionCount(tx, notice.id);
      if (open > 0) {
        run.waiting.push({ number: notice.number, openObjections: open });
        return 'waiting' as const;
      }
      assertNoticeCanPass(notice, open, now);
      await closeNotice(tx, notice, NOTICE_SYSTEM_ACTOR, {
        now,
        meta: { ip: null, userAgent: '定时任务' },
        passedBy: null,
      });
      run.passed.push(notice.number);
      return 'passed' as const;
    });
    if (outcome === 'busy') return { ...run, ran: false };
  }
  return run;
}
