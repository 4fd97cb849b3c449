/**
 * 审定发布公示 (province bureau, 通知第五条第四款, R10): the bureau chooses the start date (today or later);
 * the end date is computed by the working-day calendar (≥ 5 working days counted from the start date)
 * and stored with every skipped day and its reason. A window reaching a year whose arrangement is not
 * published yet gets the conservative provisional end date, stored as 暂定 with the reason; entering the
 * arrangement revises it (holiday-year edit, revise-provisional-notices.ts). In one
 * transaction the notice is published and every application moves 已通过 → 公示中 (publish_notice):
 * all rows are locked first (notice, then applications in id order), the audit entries come last — the
 * notice's own move (NOTICE_MACHINE, through its writer) after the applications'.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  assertNoticeStartDate,
  computeNoticeWindow,
  conflict,
  DomainError,
  formatChineseDate,
  NOTICE_MACHINE,
  todayInShanghai,
  type Actor,
} from '@skillcert/domain';
import type { NoticePublishRequest, NoticeWindowDto } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applications, publicNoticeItems, publicNotices } from '../../db/schema';
import {
  HOLIDAY_EDIT_LOCK,
  loadWorkingDayCalendar,
  workingDayCalendar,
} from '../../reference/working-day-calendar-service';
import { recordTransition } from '../applications/record-transition';
import { notifyOrganization } from '../messages/messages';
import { assertVersion } from '../version-check';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { loadNotice, windowColumns } from './notice-presenter';

/** What publishing on `startDate` would give: end date, skipped days and the explanation (no change). */
export async function previewNoticeWindow(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  id: string,
  startDate: string,
): Promise<NoticeWindowDto> {
  const notice = await loadNotice(deps.db, id);
  const start = assertNoticeStartDate(startDate, todayInShanghai(deps.clock.now()));
  const w = computeNoticeWindow(await workingDayCalendar(deps.db), start, notice.workingDays);
  return { ...w, opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString(), revisions: [] };
}

async function noticeApplicationIds(tx: Executor, noticeId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ applicationId: publicNoticeItems.applicationId })
    .from(publicNoticeItems)
    .where(eq(publicNoticeItems.noticeId, noticeId));
  return rows.map((r) => r.applicationId);
}

export async function publishNotice(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: NoticePublishRequest,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  const calendar = await workingDayCalendar(deps.db);
  await deps.db.transaction(async (tx) => {
    // Shared with other publications, exclusive with a holiday edit, and taken before any row lock.
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${HOLIDAY_EDIT_LOCK})`);
    const notice = await loadNotice(tx, id, { lock: 'update' });
    NOTICE_MACHINE.transition(notice.status, 'publish', actor);
    assertVersion(notice.version, input.version);
    const start = assertNoticeStartDate(input.startDate, todayInShanghai(now));
    let window = computeNoticeWindow(calendar, start, notice.workingDays);
    // 暂定 from the cached calendar: an edit may have committed just now, so ask the database itself.
    if (window.provisional)
      window = computeNoticeWindow(await loadWorkingDayCalendar(tx), start, notice.workingDays);
    const appIds = await noticeApplicationIds(tx, notice.id);
    if (appIds.length === 0) throw conflict('NOTICE_EMPTY', '公示中没有申请，不能发布');
    const apps = await tx
      .select()
      .from(applications)
      .where(inArray(applications.id, appIds))
      .orderBy(asc(applications.id))
      .for('update');
    const notReady = apps.filter((a) => a.status !== 'cleared');
    if (notReady.length > 0) {
      const details = notReady.map((a) => ({
        code: 'APPLICATION_NOT_CLEARED',
        message: `${a.number ?? a.id} 当前状态为"${APPLICATION_STATUS_LABELS[a.status as keyof typeof APPLICATION_STATUS_LABELS] ?? a.status}"，请先移出公示`,
        field: 'applicationIds',
      }));
      throw new DomainError(
        'conflict',
        'NOTICE_APPLICATIONS_NOT_READY',
        `以下申请已不是"已通过"状态，不能发布：${notReady.map((a) => a.number ?? a.id).join('、')}`,
        details,
      );
    }
    for (const a of apps) {
      await notifyOrganization(tx, a.organizationId, {
        title: `【公示】${a.number ?? ''} 已进入公示`,
        body: `你单位的备案申请已列入${notice.number}《${notice.title}》，公示期${formatChineseDate(window.startDate)}至${formatChineseDate(window.endDate)}（${window.workingDays}个工作日${window.provisional ? '，截止日期暂定' : ''}）。`,
        link: `/applications/${a.id}`,
        now,
      });
    }
    for (const a of apps) {
      await recordTransition(tx, a, 'publish_notice', actor, {
        now,
        meta,
        audit: { noticeId: notice.id, noticeNumber: notice.number },
      });
    }
    await recordMachineTransition(tx, NOTICE_MACHINE, publicNotices, notice, 'publish', actor, {
      now,
      meta,
      set: { ...windowColumns(window), windowRevisions: [], publishedBy: actor.userId, publishedAt: now },
      details: {
        number: notice.number,
        startDate: window.startDate,
        endDate: window.endDate,
        workingDays: window.workingDays,
        skippedDays: window.skipped.length,
        provisionalReason: window.provisionalReason,
        applications: apps.map((a) => a.number),
      },
    });
  });
}
