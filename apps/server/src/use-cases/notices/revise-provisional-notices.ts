/**
 * 暂定公示期的复核 (R10, 通知第五条第四款): when a year's holiday arrangement is entered, every published,
 * not yet passed notice whose end date was provisional is computed again in the same transaction — never
 * shortened, lengthened when the arrangement needs more days (公示期顺延, the organizations listed are
 * told), and the 暂定 label cleared once no unpublished year is involved any more. Each notice gets an
 * audit entry saying what happened.
 */
import { and, asc, eq } from 'drizzle-orm';
import { formatChineseDate, reviseProvisionalNoticeWindow, type Actor } from '@skillcert/domain';
import type { RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applications, publicNoticeItems, publicNotices } from '../../db/schema';
import { appendAudit, type AuditEntry } from '../../audit/audit-writer';
import { loadWorkingDayCalendar } from '../../reference/working-day-calendar-service';
import { notifyOrganization } from '../messages/messages';
import { windowColumns, type StoredWindowRevision } from './notice-presenter';

const AUDIT_ACTIONS = {
  extended: 'notice.window_extended',
  kept: 'notice.window_kept',
  confirmed: 'notice.window_confirmed',
} as const;

/** The organizations whose applications a notice lists (to tell them of a longer window). */
async function listedOrganizations(tx: Executor, noticeId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ organizationId: applications.organizationId })
    .from(publicNoticeItems)
    .innerJoin(applications, eq(applications.id, publicNoticeItems.applicationId))
    .where(eq(publicNoticeItems.noticeId, noticeId))
    .orderBy(asc(applications.organizationId));
  return rows.map((r) => r.organizationId);
}

/**
 * Runs inside the holiday edit's transaction, after the year's days are written and before its own audit
 * entry (this appends one audit entry per revised notice, last). Returns how many notices were revised.
 */
export async function reviseProvisionalNotices(
  tx: Executor,
  enteredYear: number,
  actor: Actor,
  opts: { now: Date; meta: RequestMeta },
): Promise<number> {
  const notices = await tx
    .select()
    .from(publicNotices)
    .where(and(eq(publicNotices.status, 'published'), eq(publicNotices.windowProvisional, true)))
    .orderBy(asc(publicNotices.id))
    .for('update');
  if (notices.length === 0) return 0;
  const calendar = await loadWorkingDayCalendar(tx);
  const audits: AuditEntry[] = [];
  for (const notice of notices) {
    const published = {
      startDate: notice.startDate!,
      endDate: notice.endDate!,
      workingDays: notice.workingDays,
    };
    const { window, revision } = reviseProvisionalNoticeWindow(calendar, published, [enteredYear]);
    const revisions = notice.windowRevisions as StoredWindowRevision[];
    const stored = revision ? [...revisions, { ...revision, at: opts.now.toISOString() }] : revisions;
    await tx
      .update(publicNotices)
      .set({ ...windowColumns(window), windowRevisions: stored, version: notice.version + 1 })
      .where(eq(publicNotices.id, notice.id));
    if (revision?.kind === 'extended') {
      for (const organizationId of await listedOrganizations(tx, notice.id)) {
        await notifyOrganization(tx, organizationId, {
          title: `【公示期顺延】${notice.number} 公示期顺延至${formatChineseDate(window.endDate)}`,
          body: `${notice.number}《${notice.title}》${revision.reason}。`,
          link: `/public/notices/${notice.id}`,
          now: opts.now,
        });
      }
    }
    audits.push({
      actor,
      ip: opts.meta.ip,
      action: AUDIT_ACTIONS[revision?.kind ?? 'confirmed'],
      targetType: 'public_notice',
      targetId: notice.id,
      reason: revision?.reason ?? `${enteredYear}年节假日安排已公布，截止日期不变`,
      before: {
        endDate: notice.endDate,
        provisional: true,
        provisionalReason: notice.windowProvisionalReason,
        version: notice.version,
      },
      after: {
        endDate: window.endDate,
        provisional: window.provisional,
        computedEndDate: revision?.computedEndDate ?? window.endDate,
        version: notice.version + 1,
      },
    });
  }
  for (const entry of audits) await appendAudit(tx, entry, opts.now);
  return notices.length;
}
