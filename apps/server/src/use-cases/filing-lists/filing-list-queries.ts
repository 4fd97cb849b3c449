/**
 * 第N批 reads: passed notices awaiting confirmation with a preview of what confirming files; the lists
 * (public and staff), one list's rows and its PDF / .xlsx. A published list never changes: its rows are
 * the notice's public snapshot (public_notice_items, status listed) of the applications it filed,
 * without the items held back by R8 — a later list re-filing the same occupation does not alter it.
 */
import { and, asc, count, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { filingListLabel, filingModeLabel, notFound } from '@skillcert/domain';
import type {
  ConfirmationPreview,
  FilingListDetail,
  FilingListRow,
  FilingListStaffDetail,
  FilingListSummary,
} from '@skillcert/contracts';
import { noticeDocumentBasis } from '../notices/document-basis';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  divisions,
  filingLists,
  occupations,
  organizations,
  publicNoticeItems,
  publicNotices,
  registryBodies,
} from '../../db/schema';
import {
  renderFilingListPdf,
  renderFilingListXlsx,
  type FilingListDocumentData,
} from '../../documents/filing-list';
import { cityBureauName, PROVINCE_BUREAU_NAME } from '../city-review/review-context';
import { levelLabels, planConfirmation, statusLabelOf, STOPPED_VERDICTS } from './confirmation-plan';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function cityNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(inArray(divisions.level, ['province', 'city']));
  const names = new Map(rows.map((r) => [r.code, r.name]));
  if (!names.has('430000')) names.set('430000', '省直');
  return names;
}

// ---------------------------------------------------------------- awaiting confirmation

const pendingWhere = and(
  eq(publicNotices.status, 'passed'),
  notExists(sql`(select 1 from ${filingLists} where ${filingLists.noticeId} = ${publicNotices.id})`),
);

export async function listPendingConfirmations(db: Executor) {
  const rows = await db
    .select({
      notice: publicNotices,
      applicationCount: sql<number>`count(distinct ${publicNoticeItems.applicationId})::int`,
      itemCount: sql<number>`(count(${publicNoticeItems.id}) filter (where ${publicNoticeItems.status} = 'listed'))::int`,
    })
    .from(publicNotices)
    .leftJoin(publicNoticeItems, eq(publicNoticeItems.noticeId, publicNotices.id))
    .where(pendingWhere)
    .groupBy(publicNotices.id)
    .orderBy(asc(publicNotices.passedAt), asc(publicNotices.number));
  return {
    items: rows.map((r) => ({
      noticeId: r.notice.id,
      number: r.notice.number,
      title: r.notice.title,
      startDate: r.notice.startDate,
      endDate: r.notice.endDate,
      passedAt: r.notice.passedAt?.toISOString() ?? null,
      applicationCount: Number(r.applicationCount),
      itemCount: Number(r.itemCount),
      version: r.notice.version,
    })),
  };
}

/** What confirming this notice would file. Draft notices are not anyone's to see here (404). */
export async function confirmationPreview(db: Executor, noticeId: string): Promise<ConfirmationPreview> {
  if (!UUID.test(noticeId)) throw notFound();
  const [notice] = await db.select().from(publicNotices).where(eq(publicNotices.id, noticeId));
  if (!notice || notice.status === 'draft') throw notFound();
  const [list] = await db
    .select({ id: filingLists.id, sequence: filingLists.sequence })
    .from(filingLists)
    .where(eq(filingLists.noticeId, notice.id));
  const [plan, cities] = await Promise.all([planConfirmation(db, notice.id), cityNames(db)]);
  const confirmable =
    !list && notice.status === 'passed' && plan.some((p) => p.items.some((i) => i.outcome === 'confirm'));
  const blockedReason = list
    ? `已备案确认（${filingListLabel(list.sequence)}）`
    : notice.status !== 'passed'
      ? '公示尚未期满通过'
      : confirmable
        ? null
        : '没有可备案确认的职业（工种）';
  return {
    noticeId: notice.id,
    number: notice.number,
    title: notice.title,
    startDate: notice.startDate,
    endDate: notice.endDate,
    passedAt: notice.passedAt?.toISOString() ?? null,
    applicationCount: plan.length,
    itemCount: plan.reduce((n, p) => n + p.items.filter((i) => i.outcome !== 'excluded').length, 0),
    version: notice.version,
    confirmable,
    blockedReason,
    filingListId: list?.id ?? null,
    applications: plan.map((p) => ({
      applicationId: p.app.id,
      applicationNumber: p.app.number,
      organizationName: p.organizationName,
      creditCode: p.creditCode,
      cityName: cities.get(p.cityCode) ?? null,
      supervisingCityName: cities.get(p.app.supervisingCityCode ?? p.app.cityCode) ?? null,
      status: p.app.status,
      statusLabel: statusLabelOf(p.app.status),
      sequenceCode: p.sequenceCode,
      items: p.items.map((i) => ({
        scopeItemId: i.scopeItemId,
        occupationCode: i.occupationCode,
        occupationName: i.occupationName,
        jobName: i.jobName,
        modeLabel: filingModeLabel(i.mode),
        levelLabels: levelLabels(i.levels),
        outcome: i.outcome,
        reason: i.reason,
      })),
    })),
  };
}

// ---------------------------------------------------------------- lists

const summaryOf = (l: typeof filingLists.$inferSelect, noticeNumber: string | null): FilingListSummary => ({
  id: l.id,
  sequence: l.sequence,
  label: filingListLabel(l.sequence),
  title: l.title,
  noticeId: l.noticeId,
  noticeNumber,
  effectiveDate: l.effectiveDate,
  bodyCount: l.bodyCount,
  itemCount: l.itemCount,
  confirmedAt: l.confirmedAt.toISOString(),
  pdfUrl: `/api/public/filing-lists/${l.sequence}/list.pdf`,
  xlsxUrl: `/api/public/filing-lists/${l.sequence}/list.xlsx`,
});

export async function listFilingLists(db: Executor, query: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db
      .select({ list: filingLists, noticeNumber: publicNotices.number })
      .from(filingLists)
      .leftJoin(publicNotices, eq(publicNotices.id, filingLists.noticeId))
      .orderBy(desc(filingLists.sequence))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(filingLists),
  ]);
  return {
    items: rows.map((r) => summaryOf(r.list, r.noticeNumber)),
    total: Number(total[0]?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function findList(db: Executor, where: { id?: string; sequence?: number }) {
  const [row] = await db
    .select({ list: filingLists, noticeNumber: publicNotices.number })
    .from(filingLists)
    .leftJoin(publicNotices, eq(publicNotices.id, filingLists.noticeId))
    .where(where.id ? eq(filingLists.id, where.id) : eq(filingLists.sequence, where.sequence!));
  if (!row) throw notFound('FILING_LIST_NOT_FOUND', '该备案名单不存在');
  return row;
}

/** The rows a list filed: the notice's public snapshot of the items that were confirmed. */
async function listRows(db: Executor, noticeId: string): Promise<FilingListRow[]> {
  const rows = await db
    .select({
      item: publicNoticeItems,
      sequenceCode: registryBodies.sequenceCode,
      supervisingCityCode: applications.supervisingCityCode,
    })
    .from(publicNoticeItems)
    .innerJoin(applications, eq(applications.id, publicNoticeItems.applicationId))
    .innerJoin(applicationScopeItems, eq(applicationScopeItems.id, publicNoticeItems.scopeItemId))
    .leftJoin(registryBodies, eq(registryBodies.creditCode, publicNoticeItems.creditCode))
    .where(
      and(
        eq(publicNoticeItems.noticeId, noticeId),
        eq(publicNoticeItems.status, 'listed'),
        eq(applications.status, 'filed'),
        sql`coalesce(${applicationScopeItems.verdict}, '') not in (${sql.join(
          STOPPED_VERDICTS.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(
      sql`${registryBodies.sequenceCode} asc nulls last`,
      asc(publicNoticeItems.creditCode),
      asc(publicNoticeItems.sortOrder),
      asc(publicNoticeItems.id),
    );
  const cities = await cityNames(db);
  return rows.map(({ item, sequenceCode, supervisingCityCode }) => {
    const supervising = supervisingCityCode ?? item.cityCode;
    return {
      sequenceCode,
      organizationName: item.organizationName,
      creditCode: item.creditCode,
      cityCode: item.cityCode,
      cityName: cities.get(item.cityCode) ?? null,
      supervisingCityName: cityBureauName(supervising, cities.get(supervising) ?? null),
      occupationCode: item.occupationCode,
      occupationName: item.occupationName,
      jobName: item.jobName,
      levelLabels: levelLabels(item.levels),
      modeLabel: filingModeLabel(item.mode),
    };
  });
}

export async function publicFilingList(db: Executor, sequenceText: string): Promise<FilingListDetail> {
  if (!/^\d{1,9}$/.test(sequenceText)) throw notFound('FILING_LIST_NOT_FOUND', '该备案名单不存在');
  const { list, noticeNumber } = await findList(db, { sequence: Number(sequenceText) });
  return { ...summaryOf(list, noticeNumber), rows: await listRows(db, list.noticeId) };
}

export async function staffFilingList(db: Executor, id: string): Promise<FilingListStaffDetail> {
  if (!UUID.test(id)) throw notFound();
  const { list, noticeNumber } = await findList(db, { id });
  const rows = await listRows(db, list.noticeId);
  const apps = await db
    .selectDistinct({
      applicationId: applications.id,
      applicationNumber: applications.number,
      organizationName: organizations.name,
    })
    .from(publicNoticeItems)
    .innerJoin(applications, eq(applications.id, publicNoticeItems.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(publicNoticeItems.noticeId, list.noticeId), eq(applications.status, 'filed')))
    .orderBy(asc(applications.number));
  const held = await db
    .select({
      organizationName: organizations.name,
      creditCode: organizations.creditCode,
      occupationCode: applicationScopeItems.occupationCode,
      occupationName: occupations.name,
      jobName: applicationScopeItems.jobName,
      mode: applicationScopeItems.mode,
      reason: applicationScopeItems.verdictReason,
    })
    .from(applicationScopeItems)
    .innerJoin(applications, eq(applications.id, applicationScopeItems.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(occupations, eq(occupations.code, applicationScopeItems.occupationCode))
    .where(
      and(
        inArray(
          applicationScopeItems.applicationId,
          apps.length > 0 ? apps.map((a) => a.applicationId) : ['00000000-0000-0000-0000-000000000000'],
        ),
        eq(applicationScopeItems.verdict, 'held'),
      ),
    )
    .orderBy(asc(organizations.creditCode), asc(applicationScopeItems.sortOrder));
  return {
    ...summaryOf(list, noticeNumber),
    rows,
    confirmedByName: list.confirmedByName,
    held: held.map((h) => ({ ...h, modeLabel: filingModeLabel(h.mode) })),
    applications: apps,
  };
}

export async function filingListFile(db: Executor, sequenceText: string, format: 'pdf' | 'xlsx') {
  const detail = await publicFilingList(db, sequenceText);
  const [list] = await db.select().from(filingLists).where(eq(filingLists.id, detail.id));
  const { cite, sampledCreditCodes } = await noticeDocumentBasis(db, list!.noticeId);
  const data: FilingListDocumentData = {
    basis: cite,
    sampledCreditCodes,
    sequence: detail.sequence,
    title: detail.title,
    effectiveDate: detail.effectiveDate,
    issuer: PROVINCE_BUREAU_NAME,
    noticeNumber: detail.noticeNumber,
    confirmedAt: list!.confirmedAt,
    rows: detail.rows.map((r) => ({
      sequenceCode: r.sequenceCode,
      organizationName: r.organizationName,
      creditCode: r.creditCode,
      cityName: r.cityName ?? r.cityCode,
      occupation: `${r.occupationCode} ${r.occupationName}${r.jobName ? `（${r.jobName}）` : ''}`,
      levels: r.levelLabels.join('、'),
      mode: r.modeLabel,
      supervisingUnit: r.supervisingCityName ?? '',
    })),
  };
  const body = format === 'pdf' ? await renderFilingListPdf(data) : await renderFilingListXlsx(data);
  return {
    body,
    fileName: `备案名单第${detail.sequence}批.${format}`,
    ascii: `filing-list-${detail.sequence}.${format}`,
  };
}
