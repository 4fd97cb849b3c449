/**
 * 公示 for the public (no login): current notices (published: upcoming, open or awaiting closure) and the
 * archive (passed), one notice with its items, the window with the explanation of every skipped day and
 * the countdown, and the PDF / Excel files. Only published and passed notices exist here (a draft is not
 * found). Items carry organization, credit code, city, occupation / 工种, levels and mode — nothing
 * personal, no internal reasons.
 */
import { count, desc, eq, sql } from 'drizzle-orm';
import {
  msUntilNoticeCloses,
  noticeStatusLabel,
  noticeWindowPhase,
  NOTICE_WINDOW_PHASE_LABELS,
  type NoticeWindowPhase,
} from '@skillcert/domain';
import type { PublicNoticeDetailDto, PublicNoticeSummaryDto } from '@skillcert/contracts';
import type { AppDeps } from '../../deps';
import type { Executor } from '../../db/client';
import { publicNotices } from '../../db/schema';
import {
  renderPublicNoticePdf,
  renderPublicNoticeXlsx,
  type PublicNoticeDocument,
} from '../../documents/public-notice';
import { preparedPer } from '../../db/prepared';
import { pageTotal, windowTotal } from '../../db/paging';
import { noticeDocumentBasis } from './document-basis';
import { noticeCounts, noticeItems, publicNotice, storedWindow, type NoticeRow } from './notice-presenter';

function summaryOf(
  n: NoticeRow,
  counts: { organizationCount: number; itemCount: number },
  now: Date,
): PublicNoticeSummaryDto {
  const phase: NoticeWindowPhase =
    n.status === 'passed'
      ? 'closed'
      : noticeWindowPhase({ startDate: n.startDate!, endDate: n.endDate! }, now);
  return {
    id: n.id,
    number: n.number,
    title: n.title,
    status: n.status as 'published' | 'passed',
    statusLabel: n.status === 'passed' ? '已办结' : noticeStatusLabel(n.status),
    startDate: n.startDate!,
    endDate: n.endDate!,
    endDateProvisional: n.windowProvisional,
    workingDays: n.workingDays,
    phase,
    phaseLabel: NOTICE_WINDOW_PHASE_LABELS[phase],
    organizationCount: Number(counts.organizationCount),
    itemCount: Number(counts.itemCount),
    publishedAt: n.publishedAt!.toISOString(),
  };
}

/** The public list: one prepared query (the page, its counts and the total). */
const noticePage = preparedPer((db) =>
  db
    .select({
      notice: publicNotices,
      organizationCount: noticeCounts.organizationCount,
      itemCount: noticeCounts.itemCount,
      total: windowTotal(),
    })
    .from(publicNotices)
    .where(eq(publicNotices.status, sql.placeholder('status')))
    .orderBy(desc(publicNotices.startDate), desc(publicNotices.number))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('public_notice_page'),
);

export async function listPublicNotices(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  q: { scope: 'current' | 'archive'; page: number; pageSize: number },
) {
  const now = deps.clock.now();
  const status = q.scope === 'archive' ? 'passed' : 'published';
  const rows = await noticePage(deps.db).execute({
    status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const total = await pageTotal(rows, q.page, async () => {
    const [row] = await deps.db
      .select({ n: count() })
      .from(publicNotices)
      .where(eq(publicNotices.status, status));
    return Number(row?.n ?? 0);
  });
  return {
    items: rows.map((r) => summaryOf(r.notice, r, now)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    serverNow: now.toISOString(),
  };
}

async function countsOf(db: Executor, id: string) {
  const [row] = await db
    .select({ organizationCount: noticeCounts.organizationCount, itemCount: noticeCounts.itemCount })
    .from(publicNotices)
    .where(eq(publicNotices.id, id));
  return row!;
}

export async function publicNoticeDetail(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  id: string,
): Promise<PublicNoticeDetailDto> {
  const now = deps.clock.now();
  const notice = await publicNotice(deps.db, id);
  const summary = summaryOf(notice, await countsOf(deps.db, notice.id), now);
  const window = (await storedWindow(deps.db, notice))!;
  return {
    ...summary,
    items: await noticeItems(deps.db, notice.id),
    window,
    serverNow: now.toISOString(),
    msRemaining: notice.status === 'published' ? msUntilNoticeCloses(notice as { endDate: string }, now) : 0,
    objectionsOpen: notice.status === 'published' && summary.phase === 'open',
    pdfUrl: `/api/public/notices/${notice.id}/pdf`,
    xlsxUrl: `/api/public/notices/${notice.id}/xlsx`,
  };
}

async function basisFields(db: Executor, noticeId: string) {
  const { cite, sampledCreditCodes } = await noticeDocumentBasis(db, noticeId);
  return { basis: cite, sampledCreditCodes };
}

/** The document data of a notice (also for a staff preview of a draft, whose window is not set yet). */
export async function noticeDocumentData(db: Executor, notice: NoticeRow): Promise<PublicNoticeDocument> {
  return {
    number: notice.number,
    title: notice.title,
    status: notice.status,
    workingDays: notice.workingDays,
    window: await storedWindow(db, notice),
    items: await noticeItems(db, notice.id),
    publishedAt: notice.publishedAt,
    preparedAt: notice.preparedAt,
    ...(await basisFields(db, notice.id)),
  };
}

export async function renderNoticeFile(db: Executor, notice: NoticeRow, format: 'pdf' | 'xlsx') {
  const data = await noticeDocumentData(db, notice);
  return format === 'pdf' ? renderPublicNoticePdf(data) : renderPublicNoticeXlsx(data);
}

/** PDF or Excel of a public notice. */
export async function publicNoticeFile(db: Executor, id: string, format: 'pdf' | 'xlsx') {
  const notice = await publicNotice(db, id);
  return { file: await renderNoticeFile(db, notice, format), number: notice.number };
}
