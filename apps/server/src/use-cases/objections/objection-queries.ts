/**
 * Reading objections. Staff (province centre and bureau): the inbox by notice and status, one objection
 * with the contact's phone masked, its evidence files. The public: the tracking page by receipt number,
 * which shows the status and the reply only — never the contact, the reason text or who handled it.
 */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import {
  can,
  isReceiptNumber,
  maskMobile,
  normalizeReceiptNumber,
  notFound,
  OBJECTION_MACHINE,
  objectionStatusLabel,
  type Actor,
} from '@skillcert/domain';
import type { ObjectionDetailDto, ObjectionSummaryDto, ObjectionTrackingDto } from '@skillcert/contracts';
import type { AppDeps } from '../../deps';
import type { Executor } from '../../db/client';
import { statusFilter } from '../workflow/status-filter';
import { divisions, objections, publicNoticeItems, publicNotices, storedFiles } from '../../db/schema';
import { isUuid, itemText, noticeItemView } from '../notices/notice-presenter';

type ObjectionRow = typeof objections.$inferSelect;

const columns = {
  objection: objections,
  noticeNumber: publicNotices.number,
  noticeTitle: publicNotices.title,
  noticeStatus: publicNotices.status,
  item: publicNoticeItems,
  cityName: divisions.name,
};

/** The first item of the application in the notice names the organization for a whole-application objection. */
async function organizationOf(db: Executor, rows: { objection: ObjectionRow }[]) {
  const appIds = [...new Set(rows.map((r) => r.objection.applicationId))];
  const items = appIds.length
    ? await db
        .select({
          applicationId: publicNoticeItems.applicationId,
          noticeId: publicNoticeItems.noticeId,
          organizationName: publicNoticeItems.organizationName,
          applicationNumber: publicNoticeItems.applicationNumber,
        })
        .from(publicNoticeItems)
        .where(inArray(publicNoticeItems.applicationId, appIds))
    : [];
  return (o: ObjectionRow) =>
    items.find((i) => i.applicationId === o.applicationId && i.noticeId === o.noticeId);
}

function baseQuery(db: Executor) {
  return db
    .select(columns)
    .from(objections)
    .innerJoin(publicNotices, eq(publicNotices.id, objections.noticeId))
    .leftJoin(publicNoticeItems, eq(publicNoticeItems.id, objections.noticeItemId))
    .leftJoin(divisions, eq(divisions.code, publicNoticeItems.cityCode));
}

type Joined = Awaited<ReturnType<typeof baseQuery>>[number];

function summaryOf(
  deps: Pick<AppDeps, 'fieldCrypto'>,
  r: Joined,
  org: ReturnType<Awaited<ReturnType<typeof organizationOf>>>,
): ObjectionSummaryDto {
  const o = r.objection;
  return {
    id: o.id,
    receiptNumber: o.receiptNumber,
    noticeId: o.noticeId,
    noticeNumber: r.noticeNumber,
    applicationId: o.applicationId,
    applicationNumber: r.item?.applicationNumber ?? org?.applicationNumber ?? '',
    organizationName: r.item?.organizationName ?? org?.organizationName ?? '',
    subject: r.item ? itemText(r.item) : '整个申请（全部公示职业/工种）',
    contactName: o.contactName,
    contactPhoneMasked: maskMobile(deps.fieldCrypto.decrypt(o.contactPhoneEnc)),
    status: o.status,
    statusLabel: objectionStatusLabel(o.status),
    createdAt: o.createdAt.toISOString(),
    handledAt: o.handledAt?.toISOString() ?? null,
  };
}

export async function listObjections(
  deps: Pick<AppDeps, 'db' | 'fieldCrypto'>,
  q: { noticeId?: string | undefined; status?: string | undefined; page: number; pageSize: number },
) {
  const where = and(
    q.noticeId ? eq(objections.noticeId, q.noticeId) : undefined,
    statusFilter(OBJECTION_MACHINE, objections.status, q.status),
  );
  const rows = await baseQuery(deps.db)
    .where(where)
    .orderBy(desc(objections.createdAt), desc(objections.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await deps.db.select({ n: count() }).from(objections).where(where);
  const org = await organizationOf(deps.db, rows);
  return {
    items: rows.map((r) => summaryOf(deps, r, org(r.objection))),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function loadObjection(db: Executor, id: string, forUpdate = false): Promise<ObjectionRow> {
  if (!isUuid(id)) throw notFound();
  const query = db.select().from(objections).where(eq(objections.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export async function objectionDetail(
  deps: Pick<AppDeps, 'db' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
): Promise<ObjectionDetailDto> {
  if (!isUuid(id)) throw notFound();
  const [r] = await baseQuery(deps.db).where(eq(objections.id, id));
  if (!r) throw notFound();
  const o = r.objection;
  const org = await organizationOf(deps.db, [r]);
  const files = o.evidenceFileIds.length
    ? await deps.db
        .select({
          id: storedFiles.id,
          originalName: storedFiles.originalName,
          mimeType: storedFiles.mimeType,
          sizeBytes: storedFiles.sizeBytes,
        })
        .from(storedFiles)
        .where(inArray(storedFiles.id, o.evidenceFileIds))
    : [];
  return {
    ...summaryOf(deps, r, org(o)),
    noticeTitle: r.noticeTitle,
    noticeStatus: r.noticeStatus,
    noticeItemId: o.noticeItemId,
    noticeItem: r.item ? noticeItemView(r.item, r.cityName) : null,
    reason: o.reason,
    evidence: o.evidenceFileIds.flatMap((fid) => files.filter((f) => f.id === fid)),
    reply: o.reply,
    handledByName: o.handledByName,
    version: o.version,
    abilities: {
      answer: OBJECTION_MACHINE.allowedActions(o.status, actor).length > 0,
      revealContact: can(actor, 'objection.handle'),
    },
  };
}

/** An evidence file of an objection. */
export async function objectionEvidenceFile(db: Executor, id: string, fileId: string) {
  const o = await loadObjection(db, id);
  if (!o.evidenceFileIds.includes(fileId)) throw notFound();
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!file) throw notFound();
  return file;
}

/** The public tracking page: status and reply, nothing about the objector. */
export async function trackObjection(db: Executor, receipt: string): Promise<ObjectionTrackingDto> {
  const number = normalizeReceiptNumber(receipt);
  if (!isReceiptNumber(number)) throw notFound('OBJECTION_NOT_FOUND', '未找到该回执号的异议，请核对回执号');
  const [r] = await baseQuery(db).where(eq(objections.receiptNumber, number));
  if (!r) throw notFound('OBJECTION_NOT_FOUND', '未找到该回执号的异议，请核对回执号');
  const o = r.objection;
  const org = (await organizationOf(db, [r]))(o);
  return {
    receiptNumber: o.receiptNumber,
    status: o.status,
    statusLabel: objectionStatusLabel(o.status),
    noticeId: o.noticeId,
    noticeNumber: r.noticeNumber,
    noticeTitle: r.noticeTitle,
    organizationName: r.item?.organizationName ?? org?.organizationName ?? '',
    subject: r.item ? itemText(r.item) : '整个申请（全部公示职业/工种）',
    submittedAt: o.createdAt.toISOString(),
    reply: o.status === 'open' ? null : o.reply,
    answeredAt: o.handledAt?.toISOString() ?? null,
  };
}
