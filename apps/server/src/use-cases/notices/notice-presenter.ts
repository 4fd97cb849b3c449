/**
 * Shared reads of 公示 (通知第五条第四款): loading a notice, its listed items as the public sees them (a
 * snapshot without personal data), and the stored window with its explanation. Used by the staff pages,
 * the public pages and the documents alike, so all three show the same thing.
 */
import { asc, eq, sql } from 'drizzle-orm';
import {
  addDays,
  compareDates,
  endOfShanghaiDay,
  EVALUATION_MODE_LABELS,
  explainNoticeWindow,
  noticeItemStatusLabel,
  notFound,
  startOfShanghaiDay,
  type NoticeWindow,
  type NoticeWindowRevision,
  type SkippedDay,
  type WorkingDayCalendar,
} from '@skillcert/domain';
import type { NoticeItemDto, NoticeWindowDto, NoticeWindowRevisionDto } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions, publicNoticeItems, publicNotices } from '../../db/schema';
import { levelsText } from '../city-review/review-context';
import { workingDayCalendar } from '../../reference/working-day-calendar-service';

export type NoticeRow = typeof publicNotices.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

/** A notice by id (404 when the id is malformed or unknown). */
export async function loadNotice(
  db: Executor,
  id: string,
  opts: { lock?: 'update' | 'share' } = {},
): Promise<NoticeRow> {
  if (!isUuid(id)) throw notFound();
  const query = db.select().from(publicNotices).where(eq(publicNotices.id, id)).limit(1);
  const [row] =
    opts.lock === 'update'
      ? await query.for('update')
      : opts.lock === 'share'
        ? await query.for('share')
        : await query;
  if (!row) throw notFound();
  return row;
}

/** A notice the public may see: published or passed (a draft is not found). */
export async function publicNotice(db: Executor, id: string, lock?: 'share'): Promise<NoticeRow> {
  const notice = await loadNotice(db, id, lock ? { lock } : {});
  if (notice.status !== 'published' && notice.status !== 'passed') throw notFound();
  return notice;
}

/** The listed items of a notice, by city, application and the applicant's own order. */
export async function noticeItems(db: Executor, noticeId: string): Promise<NoticeItemDto[]> {
  const rows = await db
    .select({ item: publicNoticeItems, cityName: divisions.name, noticeStatus: publicNotices.status })
    .from(publicNoticeItems)
    .innerJoin(publicNotices, eq(publicNotices.id, publicNoticeItems.noticeId))
    .leftJoin(divisions, eq(divisions.code, publicNoticeItems.cityCode))
    .where(eq(publicNoticeItems.noticeId, noticeId))
    .orderBy(
      asc(publicNoticeItems.cityCode),
      asc(publicNoticeItems.applicationNumber),
      asc(publicNoticeItems.sortOrder),
      asc(publicNoticeItems.id),
    );
  return rows.map(({ item, cityName, noticeStatus }) => noticeItemView(item, cityName, noticeStatus));
}

export function noticeItemView(
  item: typeof publicNoticeItems.$inferSelect,
  cityName: string | null,
  /** The notice's own status: a listed item of a draft is not 公示中 yet. */
  noticeStatus?: string,
): NoticeItemDto {
  return {
    id: item.id,
    applicationId: item.applicationId,
    applicationNumber: item.applicationNumber,
    organizationName: item.organizationName,
    creditCode: item.creditCode,
    cityCode: item.cityCode,
    cityName,
    occupationCode: item.occupationCode,
    occupationName: item.occupationName,
    jobName: item.jobName,
    levels: item.levels,
    levelsLabel: levelsText(item.levels),
    mode: item.mode,
    modeLabel: EVALUATION_MODE_LABELS[item.mode as keyof typeof EVALUATION_MODE_LABELS] ?? item.mode,
    status: item.status,
    statusLabel: noticeItemStatusLabel(item.status, noticeStatus),
  };
}

/** 焊工（6-18-02-04）—工种 */
export const itemText = (i: Pick<NoticeItemDto, 'occupationName' | 'occupationCode' | 'jobName'>) =>
  `${i.occupationName}（${i.occupationCode}）${i.jobName ? `—${i.jobName}` : ''}`;

/** Weekend days inside the window that count (调休上班), from the calendar (not stored). */
function adjustedDays(calendar: WorkingDayCalendar, start: string, end: string) {
  const out: SkippedDay[] = [];
  try {
    for (let date = start; compareDates(date, end) <= 0; date = addDays(date, 1)) {
      const day = calendar.explainDay(date);
      if (day.working && day.reason) out.push({ date, reason: day.reason });
    }
  } catch {
    // A year's data removed after publication: the stored end date and skipped days still stand.
    return [];
  }
  return out;
}

/** A revision as stored on the notice (the domain's revision and when it was made). */
export type StoredWindowRevision = NoticeWindowRevision & { at: string };

export const WINDOW_REVISION_LABELS: Readonly<Record<NoticeWindowRevision['kind'], string>> = {
  extended: '公示期顺延',
  kept: '公示期不缩短',
};

/** The columns of a window as publication or a revision stores them. */
export function windowColumns(w: NoticeWindow) {
  return {
    startDate: w.startDate,
    endDate: w.endDate,
    skippedDays: w.skipped,
    windowProvisional: w.provisional,
    windowProvisionalReason: w.provisionalReason,
  };
}

/** The window as stored at publication (end date, skipped days, 暂定 and revisions), with its explanation. */
export async function storedWindow(db: Executor, notice: NoticeRow): Promise<NoticeWindowDto | null> {
  if (!notice.startDate || !notice.endDate) return null;
  const skipped = notice.skippedDays as SkippedDay[];
  const revisions = notice.windowRevisions as StoredWindowRevision[];
  const provisionalReason = notice.windowProvisional ? (notice.windowProvisionalReason ?? null) : null;
  const adjusted = adjustedDays(await workingDayCalendar(db), notice.startDate, notice.endDate);
  return {
    startDate: notice.startDate,
    endDate: notice.endDate,
    workingDays: notice.workingDays,
    skipped,
    adjusted,
    explanation: explainNoticeWindow({
      startDate: notice.startDate,
      endDate: notice.endDate,
      workingDays: notice.workingDays,
      skipped,
      adjusted,
      provisionalReason,
      revision: revisions.at(-1) ?? null,
    }),
    opensAt: startOfShanghaiDay(notice.startDate).toISOString(),
    closesAt: endOfShanghaiDay(notice.endDate).toISOString(),
    provisional: notice.windowProvisional,
    provisionalReason,
    revisions: revisions.map((r): NoticeWindowRevisionDto => ({
      ...r,
      kindLabel: WINDOW_REVISION_LABELS[r.kind],
    })),
  };
}

/**
 * Counts per notice (applications, listed items, objections) as correlated subqueries. The outer
 * reference is written out in full: drizzle leaves columns of a single-table select unqualified.
 */
const NOTICE_ID = sql.raw('"public_notices"."id"');
export const noticeCounts = {
  applicationCount: sql<number>`(select count(distinct i.application_id)::int from public_notice_items i where i.notice_id = ${NOTICE_ID})`,
  itemCount: sql<number>`(select count(*)::int from public_notice_items i where i.notice_id = ${NOTICE_ID} and i.status = 'listed')`,
  organizationCount: sql<number>`(select count(distinct i.credit_code)::int from public_notice_items i where i.notice_id = ${NOTICE_ID} and i.status = 'listed')`,
  openObjections: sql<number>`(select count(*)::int from objections o where o.notice_id = ${NOTICE_ID} and o.status = 'open')`,
  objectionCount: sql<number>`(select count(*)::int from objections o where o.notice_id = ${NOTICE_ID})`,
};
