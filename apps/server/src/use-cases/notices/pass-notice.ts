/**
 * 公示期满无异议 (通知第五条第四款 "经公示无异议的…"): after the end date, with no open objection, the notice
 * passes and every application still 公示中 moves to 公示通过 (notice_pass); applications whose items were
 * all removed by upheld objections have already ended (notice_reject). By hand (notice.pass) or by the
 * scheduled job (scheduler/notice-close.ts, as a system actor with the role province_bureau).
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { assertNoticeCanPass, NOTICE_MACHINE, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applications, objections, publicNoticeItems, publicNotices } from '../../db/schema';
import { recordTransition } from '../applications/record-transition';
import { notifyOrganization } from '../messages/messages';
import { assertVersion } from '../version-check';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { loadNotice, type NoticeRow } from './notice-presenter';

/**
 * The scheduled job acts as this actor (the transition table lets province_bureau pass a notice). Its id
 * is the nil UUID, which no account has; the notice's passedBy stays null.
 */
export const NOTICE_SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统（公示期满自动办结）',
  role: 'province_bureau',
  cityCode: null,
  organizationId: null,
  isOrgAdmin: false,
};

export async function openObjectionCount(tx: Executor, noticeId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), eq(objections.status, 'open')));
  return Number(row?.n ?? 0);
}

/**
 * Closes a notice whose row the caller has locked and checked: locks the applications still 公示中 (id
 * order), moves each application, then the notice itself through its writer (audit entries last).
 */
export async function closeNotice(
  tx: Executor,
  notice: NoticeRow,
  actor: Actor,
  opts: { now: Date; meta: RequestMeta; passedBy: string | null },
): Promise<{ passedApplications: number }> {
  const listed = await tx
    .selectDistinct({ applicationId: publicNoticeItems.applicationId })
    .from(publicNoticeItems)
    .where(eq(publicNoticeItems.noticeId, notice.id));
  const ids = listed.map((l) => l.applicationId);
  const apps = ids.length
    ? await tx
        .select()
        .from(applications)
        .where(and(inArray(applications.id, ids), eq(applications.status, 'in_notice')))
        .orderBy(asc(applications.id))
        .for('update')
    : [];
  for (const a of apps) {
    await notifyOrganization(tx, a.organizationId, {
      title: `【公示期满】${a.number ?? ''} 公示无异议`,
      body: `你单位的备案申请在${notice.number}《${notice.title}》公示期满（${notice.endDate}），进入省人社厅备案确认。`,
      link: `/applications/${a.id}`,
      now: opts.now,
    });
  }
  for (const a of apps) {
    await recordTransition(tx, a, 'notice_pass', actor, {
      now: opts.now,
      meta: opts.meta,
      audit: { noticeId: notice.id, noticeNumber: notice.number },
    });
  }
  await recordMachineTransition(tx, NOTICE_MACHINE, publicNotices, notice, 'pass', actor, {
    now: opts.now,
    meta: opts.meta,
    set: { passedAt: opts.now, passedBy: opts.passedBy },
    details: {
      number: notice.number,
      endDate: notice.endDate,
      applications: apps.map((a) => a.number),
      automatic: opts.passedBy === null,
    },
  });
  return { passedApplications: apps.length };
}

/** 办结公示 by hand: refused (409) before the end date has passed and while an objection is open. */
export async function passNotice(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { version: number },
  meta: RequestMeta,
): Promise<{ passedApplications: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const notice = await loadNotice(tx, id, { lock: 'update' });
    assertNoticeCanPass(notice, await openObjectionCount(tx, notice.id), now);
    assertVersion(notice.version, input.version);
    return closeNotice(tx, notice, actor, { now, meta, passedBy: actor.userId });
  });
}
