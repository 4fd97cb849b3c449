/**
 * Staff reads of 公示 (province centre and bureau): the list of notices, one notice with its items,
 * applications, stored window and what the viewer may do, and the cleared applications that can be put
 * into a notice.
 */
import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  can,
  NOTICE_MACHINE,
  noticeIsEditable,
  noticeStatusLabel,
  noticeWindowPhase,
  type Actor,
} from '@skillcert/domain';
import type { NoticeCandidateDto, NoticeDetailDto, NoticeSummaryDto } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  collectionRounds,
  divisions,
  organizations,
  publicNoticeItems,
  publicNotices,
  users,
} from '../../db/schema';
import { statusFilter } from '../workflow/status-filter';
import { loadNotice, noticeCounts, noticeItems, storedWindow, type NoticeRow } from './notice-presenter';

/** Scope items that go on to later stages (not refused, not held back). */
export const continuingItem = or(
  isNull(applicationScopeItems.verdict),
  notInArray(applicationScopeItems.verdict, ['not_recommended', 'rejected', 'held']),
);

type Counts = {
  applicationCount: number;
  itemCount: number;
  openObjections: number;
  objectionCount: number;
};

function summaryOf(n: NoticeRow, roundTitle: string | null, counts: Counts, now: Date): NoticeSummaryDto {
  return {
    id: n.id,
    number: n.number,
    title: n.title,
    status: n.status,
    statusLabel: noticeStatusLabel(n.status),
    roundId: n.roundId,
    roundTitle,
    workingDays: n.workingDays,
    startDate: n.startDate,
    endDate: n.endDate,
    endDateProvisional: n.windowProvisional,
    phase:
      n.startDate && n.endDate
        ? noticeWindowPhase({ startDate: n.startDate, endDate: n.endDate }, now)
        : null,
    applicationCount: Number(counts.applicationCount),
    itemCount: Number(counts.itemCount),
    openObjections: Number(counts.openObjections),
    objectionCount: Number(counts.objectionCount),
    preparedAt: n.preparedAt.toISOString(),
    publishedAt: n.publishedAt?.toISOString() ?? null,
    passedAt: n.passedAt?.toISOString() ?? null,
    version: n.version,
  };
}

const listColumns = {
  notice: publicNotices,
  roundTitle: collectionRounds.title,
  applicationCount: noticeCounts.applicationCount,
  itemCount: noticeCounts.itemCount,
  openObjections: noticeCounts.openObjections,
  objectionCount: noticeCounts.objectionCount,
};

export async function listNotices(
  db: Executor,
  now: Date,
  q: { status?: string | undefined; page: number; pageSize: number },
) {
  const where = statusFilter(NOTICE_MACHINE, publicNotices.status, q.status);
  const rows = await db
    .select(listColumns)
    .from(publicNotices)
    .leftJoin(collectionRounds, eq(collectionRounds.id, publicNotices.roundId))
    .where(where)
    .orderBy(desc(publicNotices.preparedAt), desc(publicNotices.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(publicNotices).where(where);
  return {
    items: rows.map((r) => summaryOf(r.notice, r.roundTitle, r, now)),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function displayNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => !!id);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function noticeDetail(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
): Promise<NoticeDetailDto> {
  const notice = await loadNotice(db, id);
  const [row] = await db
    .select(listColumns)
    .from(publicNotices)
    .leftJoin(collectionRounds, eq(collectionRounds.id, publicNotices.roundId))
    .where(eq(publicNotices.id, notice.id));
  const summary = summaryOf(notice, row?.roundTitle ?? null, row!, now);
  const items = await noticeItems(db, notice.id);
  const appIds = [...new Set(items.map((i) => i.applicationId))];
  const apps = appIds.length
    ? await db
        .select({
          id: applications.id,
          number: applications.number,
          status: applications.status,
          organizationName: organizations.name,
          cityName: divisions.name,
        })
        .from(applications)
        .innerJoin(organizations, eq(organizations.id, applications.organizationId))
        .leftJoin(divisions, eq(divisions.code, applications.cityCode))
        .where(inArray(applications.id, appIds))
    : [];
  const names = await displayNames(db, [notice.preparedBy, notice.publishedBy, notice.passedBy]);
  const window = await storedWindow(db, notice);
  const closed = summary.phase === 'closed';
  const allowed = NOTICE_MACHINE.allowedActions(notice.status, actor);
  return {
    ...summary,
    items,
    applications: appIds.map((appId) => {
      const a = apps.find((x) => x.id === appId);
      const mine = items.filter((i) => i.applicationId === appId);
      const status = a?.status ?? '';
      return {
        id: appId,
        number: a?.number ?? mine[0]?.applicationNumber ?? '',
        organizationName: a?.organizationName ?? mine[0]?.organizationName ?? '',
        cityName: a?.cityName ?? null,
        status,
        statusLabel: APPLICATION_STATUS_LABELS[status as keyof typeof APPLICATION_STATUS_LABELS] ?? status,
        itemCount: mine.length,
        rejectedItemCount: mine.filter((i) => i.status === 'rejected').length,
      };
    }),
    window,
    preparedByName: names.get(notice.preparedBy) ?? null,
    publishedByName: notice.publishedBy ? (names.get(notice.publishedBy) ?? null) : null,
    passedByName:
      notice.status === 'passed'
        ? notice.passedBy
          ? (names.get(notice.passedBy) ?? null)
          : '系统（公示期满自动办结）'
        : null,
    pdfUrl: `/api/notices/${notice.id}/pdf`,
    xlsxUrl: `/api/notices/${notice.id}/xlsx`,
    abilities: {
      edit: noticeIsEditable(notice.status) && can(actor, 'notice.prepare'),
      publish: allowed.includes('publish') && items.length > 0,
      pass: allowed.includes('pass') && closed && summary.openObjections === 0,
    },
  };
}

/**
 * 已通过 (cleared) applications with their continuing items, and the draft notice already holding each
 * (an application is in at most one draft at a time).
 */
export async function noticeCandidates(
  db: Executor,
  roundId: string | undefined,
): Promise<{ items: NoticeCandidateDto[] }> {
  const itemCount = db
    .select({ applicationId: applicationScopeItems.applicationId, n: count().as('n') })
    .from(applicationScopeItems)
    .where(continuingItem)
    .groupBy(applicationScopeItems.applicationId)
    .as('item_count');
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      roundId: applications.roundId,
      roundTitle: collectionRounds.title,
      organizationName: organizations.name,
      creditCode: organizations.creditCode,
      cityName: divisions.name,
      itemCount: itemCount.n,
      draftNoticeNumber: sql<
        string | null
      >`(select n.number from ${publicNoticeItems} i join ${publicNotices} n on n.id = i.notice_id where i.application_id = ${applications.id} and n.status = 'draft' limit 1)`,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(collectionRounds, eq(collectionRounds.id, applications.roundId))
    .leftJoin(divisions, eq(divisions.code, applications.cityCode))
    .leftJoin(itemCount, eq(itemCount.applicationId, applications.id))
    .where(and(eq(applications.status, 'cleared'), roundId ? eq(applications.roundId, roundId) : undefined))
    .orderBy(asc(applications.cityCode), asc(applications.number))
    .limit(1000);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number ?? '',
      organizationName: r.organizationName,
      creditCode: r.creditCode,
      cityName: r.cityName,
      roundId: r.roundId,
      roundTitle: r.roundTitle,
      itemCount: Number(r.itemCount ?? 0),
      draftNoticeNumber: r.draftNoticeNumber ?? null,
    })),
  };
}
