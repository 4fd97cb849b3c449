/**
 * 抽查复核结果 (通知§五(三) 实地抽查复核; docs/domain.md §5, R11): the inspectors drawn for a target see it in
 * "我的抽查"; one of them drafts the on-site result — visit date, place, who was present, pass / fail,
 * findings, a verdict per scope item still in the running, evidence uploaded beforehand (≥ 1). The draft
 * does not move the application: the panel signs it off or disputes it (joint-result.ts), and only an
 * agreed or decided result moves it. The province centre then publishes the results of the draw (一公开)
 * when every target has an effective one.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  applicationStateLabel,
  checkOnSiteRecord,
  conflict,
  invalid,
  JOINT_RESULT_STATES,
  jointResultIsEffective,
  notFound,
  planSpotCheckResult,
  todayInShanghai,
  type Actor,
} from '@skillcert/domain';
import type { SpotCheckResultRequest } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { spotCheckAssignments, spotCheckResults, storedFiles } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { UploadedFile, UploadRule } from '../files/uploaded-file';
import { getApplication } from '../applications/application-queries';
import { assertVersion } from '../version-check';
import { ownInspector } from '../inspectors/inspector-pool';
import { activeScopeItemIds } from '../province-review/scope-verdicts';
import { getDraw, paramsOf } from './draw-records';
import { appendResultEvent } from './result-events';
import { mySpotChecks } from './my-spot-checks';

export { resultViews } from './result-views';
export type { SpotCheckResultView } from './result-views';

/** The results that count (the application moved; 一公开 publishes them). */
export const EFFECTIVE_RESULT_STATES = JOINT_RESULT_STATES.filter(jointResultIsEffective);

/** Attachments of a result: photos and scanned records. */
export const SPOT_CHECK_ATTACHMENT_RULE: UploadRule = {
  accept: ['jpg', 'png', 'pdf'],
  maxBytes: 20 * 1024 * 1024,
  label: '复核附件',
};
export const SPOT_CHECK_ATTACHMENTS_MAX = 30;

/** The round draw an assignment belongs to (a replacement draw's root). */
async function rootDrawIdOf(db: Executor, drawId: string): Promise<string> {
  const d = await getDraw(db, drawId);
  return paramsOf(d).rootDrawId ?? d.id;
}

/** The caller's current assignment to an application (404 when there is none). */
export async function myAssignment(db: Executor, actor: Actor, applicationId: string) {
  const me = await ownInspector(db, actor);
  if (!me || !/^[0-9a-f-]{36}$/i.test(applicationId)) throw notFound();
  const [a] = await db
    .select()
    .from(spotCheckAssignments)
    .where(
      and(
        eq(spotCheckAssignments.applicationId, applicationId),
        eq(spotCheckAssignments.inspectorId, me.id),
        eq(spotCheckAssignments.status, 'assigned'),
      ),
    )
    .limit(1);
  if (!a) throw notFound();
  return { me, assignment: a, rootDrawId: await rootDrawIdOf(db, a.drawId) };
}

/** Checks, before the upload is streamed, that the caller may still attach files to this target. */
export async function assertAttachmentTarget(
  db: Executor,
  actor: Actor,
  applicationId: string,
): Promise<void> {
  const { rootDrawId } = await myAssignment(db, actor, applicationId);
  await assertNoResult(db, rootDrawId, applicationId);
}

async function assertNoResult(db: Executor, rootDrawId: string, applicationId: string) {
  const [existing] = await db
    .select({ id: spotCheckResults.id })
    .from(spotCheckResults)
    .where(and(eq(spotCheckResults.drawId, rootDrawId), eq(spotCheckResults.applicationId, applicationId)));
  if (existing) throw conflict('SPOT_CHECK_RESULT_LOCKED', '该对象的复核结果已录入并锁定，不能再修改');
}

/** Stores one attachment (not yet part of a result: the result names the files it includes). */
export async function uploadSpotCheckAttachment(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  file: UploadedFile,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { me, rootDrawId } = await myAssignment(tx, actor, applicationId);
    await assertNoResult(tx, rootDrawId, applicationId);
    const [stored] = await tx
      .insert(storedFiles)
      .values({
        storageKey: file.key,
        originalName: file.originalName,
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        uploadedBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: storedFiles.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.attachment_uploaded',
        targetType: 'application',
        targetId: applicationId,
        after: {
          fileId: stored!.id,
          inspectorCode: me.code,
          name: file.originalName,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
        },
      },
      now,
    );
    return {
      id: stored!.id,
      originalName: file.originalName,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    };
  });
}

/**
 * One panel member drafts the on-site result of a target (通知§五(三)): nothing moves yet — the draft is
 * submitted for the panel's signatures (joint-result.ts). One draft per target; its content is fixed.
 */
export async function recordSpotCheckResult(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  input: SpotCheckResultRequest,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { me, rootDrawId } = await myAssignment(tx, actor, applicationId);
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    await assertNoResult(tx, rootDrawId, app.id);
    assertVersion(app.version, input.version);
    if (app.status !== 'spot_check') {
      throw conflict(
        'NOT_IN_SPOT_CHECK',
        `当前状态"${applicationStateLabel(app.status)}"不能录入抽查复核结果`,
      );
    }
    const root = await getDraw(tx, rootDrawId);
    const fileIds = [...new Set(input.attachmentFileIds ?? [])];
    const onSite = checkOnSiteRecord(
      {
        visitDate: input.visitDate,
        place: input.place,
        present: input.present,
        attachmentCount: fileIds.length,
      },
      { today: todayInShanghai(now), drawnOn: todayInShanghai(root.drawnAt ?? root.committedAt) },
    );
    const plan = planSpotCheckResult({
      outcome: input.outcome,
      activeItemIds: await activeScopeItemIds(tx, app.id),
      items: input.items,
      reason: input.reason,
    });
    if (fileIds.length > SPOT_CHECK_ATTACHMENTS_MAX) {
      throw invalid('SPOT_CHECK_ATTACHMENTS_TOO_MANY', `每个对象最多${SPOT_CHECK_ATTACHMENTS_MAX}个附件`);
    }
    await assertOwnUnusedFiles(tx, actor, fileIds);
    const [row] = await tx
      .insert(spotCheckResults)
      .values({
        drawId: rootDrawId,
        applicationId: app.id,
        status: 'draft',
        outcome: plan.outcome,
        reason: plan.reason,
        findings: input.findings,
        itemVerdicts: plan.items,
        attachmentFileIds: fileIds,
        ...onSite,
        drafterInspectorId: me.id,
        recordedBy: actor.userId,
        recordedByName: `${me.code} ${me.name}`,
        createdAt: now,
      })
      .returning({ id: spotCheckResults.id });
    await appendResultEvent(tx, app, actor, 'spot_check_result_drafted', null, now);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.result_drafted',
        targetType: 'application',
        targetId: app.id,
        // A pass needs no separate reason: its findings are what it rests on.
        reason: plan.reason ?? input.findings,
        after: {
          spotCheckResultId: row!.id,
          spotCheckDrawId: rootDrawId,
          inspectorCode: me.code,
          status: 'draft',
          outcome: plan.outcome,
          visitDate: onSite.visitDate,
          attachments: fileIds.length,
        },
      },
      now,
    );
  });
  const { items } = await mySpotChecks(deps.db, actor);
  return items.find((i) => i.applicationId === applicationId)!;
}

/** Only files the caller uploaded and no other result uses (400 `ATTACHMENT_UNKNOWN`). */
async function assertOwnUnusedFiles(tx: Executor, actor: Actor, fileIds: string[]) {
  if (fileIds.length === 0) return;
  const owned = await tx
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(and(inArray(storedFiles.id, fileIds), eq(storedFiles.uploadedBy, actor.userId)));
  // fileIds passed the uuid pattern of the contract; checked again here before building the array.
  const ids = fileIds.filter((f) => /^[0-9a-f-]{36}$/i.test(f));
  const used = await tx
    .select({ id: spotCheckResults.id })
    .from(spotCheckResults)
    .where(
      sql`${spotCheckResults.attachmentFileIds} && array[${sql.join(
        ids.map((f) => sql`${f}`),
        sql`, `,
      )}]::uuid[]`,
    );
  if (owned.length !== fileIds.length || used.length > 0) {
    throw invalid('ATTACHMENT_UNKNOWN', '附件不存在或不是本人为该对象上传的，请重新上传', [
      { code: 'ATTACHMENT_UNKNOWN', field: 'attachmentFileIds', message: '请重新上传附件' },
    ]);
  }
}

/** An attachment of a result (or one the caller uploaded for a target they are drawn for). */
export async function myAttachmentFile(db: Executor, actor: Actor, applicationId: string, fileId: string) {
  const me = await ownInspector(db, actor);
  if (!me || !/^[0-9a-f-]{36}$/i.test(fileId) || !/^[0-9a-f-]{36}$/i.test(applicationId)) throw notFound();
  const [a] = await db
    .select({ id: spotCheckAssignments.id })
    .from(spotCheckAssignments)
    .where(
      and(eq(spotCheckAssignments.applicationId, applicationId), eq(spotCheckAssignments.inspectorId, me.id)),
    )
    .limit(1);
  if (!a) throw notFound();
  const [inResult] = await db
    .select({ id: spotCheckResults.id })
    .from(spotCheckResults)
    .where(
      and(
        eq(spotCheckResults.applicationId, applicationId),
        sql`${fileId}::uuid = any(${spotCheckResults.attachmentFileIds})`,
      ),
    );
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!file || (!inResult && file.uploadedBy !== actor.userId)) throw notFound();
  return file;
}

/** An attachment of a result of a draw, for province staff. */
export async function drawAttachmentFile(db: Executor, drawId: string, fileId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw notFound();
  const d = await getDraw(db, drawId);
  const [inResult] = await db
    .select({ id: spotCheckResults.id })
    .from(spotCheckResults)
    .where(
      and(
        eq(spotCheckResults.drawId, d.id),
        sql`${fileId}::uuid = any(${spotCheckResults.attachmentFileIds})`,
      ),
    );
  if (!inResult) throw notFound();
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!file) throw notFound();
  return file;
}
