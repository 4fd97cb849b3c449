/**
 * 提出异议 (anyone, no login; 通知第五条第四款, docs/domain.md §7): during the notice window, with a contact
 * (name + mobile — stored SM4-encrypted with a mac, never public), the item concerned or the whole
 * application (it must be in this notice), the reason and optional evidence (PDF/JPG/PNG by content).
 * The human check is used up only once everything else is in order, then the objection is stored under
 * the notice's share lock (so a notice cannot pass between the window check and the insert) and a
 * receipt number is returned for the tracking page.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  assertObjectionWindowOpen,
  formatReceiptNumber,
  invalid,
  resolveObjectionTarget,
  todayInShanghai,
  validateMobile,
} from '@skillcert/domain';
import { objectionFields, type ObjectionFields, type ObjectionReceiptDto } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { objections, publicNoticeItems, storedFiles } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { UploadedFile, UploadRule } from '../files/uploaded-file';
import { consumeHumanCheck } from '../human-check/human-checks';
import { notifyUsers, staffOf } from '../messages/messages';
import { publicNotice, type NoticeRow } from '../notices/notice-presenter';

/** Evidence: documents and pictures, a few of them, of a size a phone produces. */
export const OBJECTION_EVIDENCE_RULE: UploadRule = {
  accept: ['pdf', 'jpg', 'png'],
  maxBytes: 10 * 1024 * 1024,
  label: '证明材料',
};
export const OBJECTION_EVIDENCE_MAX = 5;

/** The form's text fields, checked like a JSON body (400 VALIDATION_FAILED with field details). */
export function parseObjectionFields(fields: Record<string, string>): ObjectionFields {
  const parsed = objectionFields.safeParse(fields);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      code: i.code === 'unrecognized_keys' ? 'UNKNOWN_FIELD' : `FIELD_${i.code.toUpperCase()}`,
      message: i.message,
      field: i.path.join('.'),
    }));
    throw invalid('VALIDATION_FAILED', `请求数据有误：${details[0]?.message ?? ''}`, details);
  }
  return parsed.data;
}

async function checkTarget(db: Executor, notice: NoticeRow, input: ObjectionFields, now: Date) {
  assertObjectionWindowOpen(notice, now);
  const items = await db
    .select({
      id: publicNoticeItems.id,
      applicationId: publicNoticeItems.applicationId,
      status: publicNoticeItems.status,
    })
    .from(publicNoticeItems)
    .where(eq(publicNoticeItems.noticeId, notice.id));
  return resolveObjectionTarget(items, input);
}

export async function submitObjection(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto' | 'config'>,
  noticeId: string,
  fields: Record<string, string>,
  evidence: UploadedFile[],
  meta: RequestMeta,
): Promise<ObjectionReceiptDto> {
  const input = parseObjectionFields(fields);
  const phone = validateMobile(input.contactPhone);
  if (!phone.valid) {
    throw invalid('MOBILE_INVALID', '联系电话应为11位中国大陆手机号码，以13–19开头', [
      { code: 'MOBILE_INVALID', message: '联系电话应为11位中国大陆手机号码', field: 'contactPhone' },
    ]);
  }
  if (evidence.length > OBJECTION_EVIDENCE_MAX) {
    throw invalid('EVIDENCE_TOO_MANY', `证明材料最多${OBJECTION_EVIDENCE_MAX}个文件`);
  }
  const before = await publicNotice(deps.db, noticeId);
  await checkTarget(deps.db, before, input, deps.clock.now());
  await consumeHumanCheck(deps, input.humanCheckId, input.humanCheckAnswer);

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const notice = await publicNotice(tx, noticeId, 'share');
    const target = await checkTarget(tx, notice, input, now);
    const fileIds: string[] = [];
    for (const f of evidence) {
      const [stored] = await tx
        .insert(storedFiles)
        .values({
          storageKey: f.key,
          originalName: f.originalName,
          mimeType: f.mimeType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          uploadedBy: null,
          createdAt: now,
        })
        .returning({ id: storedFiles.id });
      fileIds.push(stored!.id);
    }
    const receiptNumber = formatReceiptNumber(todayInShanghai(now), new Uint8Array(randomBytes(8)));
    const [row] = await tx
      .insert(objections)
      .values({
        receiptNumber,
        noticeId: notice.id,
        applicationId: target.applicationId,
        noticeItemId: target.noticeItemId,
        contactName: input.contactName,
        contactPhoneEnc: deps.fieldCrypto.encrypt(phone.normalized),
        contactPhoneMac: deps.fieldCrypto.mac(phone.normalized),
        reason: input.reason,
        evidenceFileIds: fileIds,
        status: 'open',
        submittedIp: meta.ip,
        createdAt: now,
      })
      .returning({ id: objections.id });
    await notifyUsers(tx, await staffOf(tx, ['province_center'], null), {
      title: `【异议】${notice.number} 收到新的异议`,
      body: `公示${notice.number}《${notice.title}》收到一件异议（回执号 ${receiptNumber}），请及时核查处理。`,
      link: `/objections/${row!.id}`,
      now,
    });
    await appendAudit(
      tx,
      {
        actor: null,
        actorLabel: '公众（异议人）',
        ip: meta.ip,
        action: 'objection.submitted',
        targetType: 'objection',
        targetId: row!.id,
        after: {
          receiptNumber,
          noticeId: notice.id,
          noticeNumber: notice.number,
          applicationId: target.applicationId,
          noticeItemId: target.noticeItemId,
          evidence: evidence.map((f) => ({ name: f.originalName, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
        },
      },
      now,
    );
    return {
      receiptNumber,
      submittedAt: now.toISOString(),
      trackingUrl: `/public/objections?receipt=${receiptNumber}`,
    };
  });
}
