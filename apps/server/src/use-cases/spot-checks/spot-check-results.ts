/**
 * 抽查复核结果 (通知§五(三) 实地抽查复核; docs/domain.md §5, R11): the inspectors drawn for a target see it in
 * "我的抽查"; one of them drafts the on-site result — visit date, place, who was present, pass / fail,
 * findings, a verdict per scope item still in the running, evidence uploaded beforehand (≥ 1). The draft
 * does not move the application: the panel signs it off or disputes it (joint-result.ts), and only an
 * agreed or decided result moves it. The province centre then publishes the results of the draw (一公开)
 * when every target has an effective one.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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
import {
  applications,
  divisions,
  inspectors,
  organizations,
  spotCheckAssignments,
  spotCheckDraws,
  spotCheckResults,
  storedFiles,
} from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { UploadedFile, UploadRule } from '../files/uploaded-file';
import { getApplication } from '../applications/application-queries';
import { assertVersion } from '../version-check';
import { occupationText, scopeItemViews } from '../city-review/review-context';
import { ownInspector } from '../inspectors/inspector-pool';
import { activeScopeItemIds } from '../province-review/scope-verdicts';
import { getDraw, paramsOf, replacementDrawsOf, resultOf, type DrawRow } from './draw-records';
import { effectiveOutcome, resultViews, type StoredResultItem } from './result-views';
import { appendResultEvent } from './result-events';

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

/** "我的抽查": the targets the caller is drawn for, with the panel, the items and the result. */
export async function mySpotChecks(db: Executor, actor: Actor) {
  const me = await ownInspector(db, actor);
  if (!me) return { items: [] };
  const rows = await db
    .select({
      a: spotCheckAssignments,
      app: applications,
      orgName: organizations.name,
      cityName: divisions.name,
    })
    .from(spotCheckAssignments)
    .innerJoin(applications, eq(applications.id, spotCheckAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(divisions, eq(divisions.code, applications.cityCode))
    .where(and(eq(spotCheckAssignments.inspectorId, me.id), eq(spotCheckAssignments.status, 'assigned')))
    .orderBy(asc(spotCheckAssignments.assignedAt), asc(applications.number));
  if (rows.length === 0) return { items: [] };
  const appIds = rows.map((r) => r.app.id);
  const [panels, draws, scope] = await Promise.all([
    db
      .select({
        applicationId: spotCheckAssignments.applicationId,
        code: inspectors.code,
        name: inspectors.name,
        id: inspectors.id,
      })
      .from(spotCheckAssignments)
      .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
      .where(
        and(inArray(spotCheckAssignments.applicationId, appIds), eq(spotCheckAssignments.status, 'assigned')),
      )
      .orderBy(asc(inspectors.code)),
    db
      .select()
      .from(spotCheckDraws)
      .where(inArray(spotCheckDraws.id, [...new Set(rows.map((r) => r.a.drawId))])),
    scopeItemViews(db, appIds),
  ]);
  const drawOf = new Map(draws.map((d) => [d.id, d]));
  const rootOf = (drawId: string) => paramsOf(drawOf.get(drawId)!).rootDrawId ?? drawId;
  const rootIds = [...new Set(rows.map((r) => rootOf(r.a.drawId)))];
  const [roots, results] = await Promise.all([
    db
      .select({ id: spotCheckDraws.id, number: spotCheckDraws.number })
      .from(spotCheckDraws)
      .where(inArray(spotCheckDraws.id, rootIds)),
    db
      .select()
      .from(spotCheckResults)
      .where(and(inArray(spotCheckResults.drawId, rootIds), inArray(spotCheckResults.applicationId, appIds))),
  ]);
  const rootNumber = new Map(roots.map((r) => [r.id, r.number]));
  const views = await resultViews(db, results, { kind: 'inspector', inspectorId: me.id });
  return {
    items: rows.map((r) => {
      const root = rootOf(r.a.drawId);
      const result = views.get(r.app.id) ?? null;
      return {
        drawId: root,
        drawNumber: rootNumber.get(root) ?? '',
        applicationId: r.app.id,
        applicationNumber: r.app.number ?? '',
        organizationName: r.orgName,
        cityName: r.cityName,
        status: r.app.status,
        statusLabel: applicationStateLabel(r.app.status),
        assignedAt: r.a.assignedAt.toISOString(),
        panel: panels
          .filter((p) => p.applicationId === r.app.id)
          .map((p) => ({ code: p.code, name: p.name, self: p.id === me.id })),
        scopeItems: scope
          .filter(
            (s) =>
              s.applicationId === r.app.id &&
              !['not_recommended', 'rejected', 'held'].includes(s.verdict ?? ''),
          )
          .map((s) => ({
            id: s.id,
            occupationText: occupationText(s),
            levelsLabel: s.levelsLabel,
            modeLabel: s.modeLabel,
          })),
        result,
        canRecord: result === null && r.app.status === 'spot_check',
        version: r.app.version,
      };
    }),
  };
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

/** The drawn targets of a round draw that still need a result (withdrawn ones do not). */
export async function targetsWithoutResult(db: Executor, d: DrawRow): Promise<string[]> {
  const r = resultOf(d);
  const skipped = new Set((r?.skipped ?? []).map((s) => s.applicationNumber));
  const numbers = (r?.selected ?? []).map((s) => s.applicationNumber).filter((n) => !skipped.has(n));
  if (numbers.length === 0) return [];
  const apps = await db
    .select({ id: applications.id, number: applications.number, status: applications.status })
    .from(applications)
    .where(and(inArray(applications.number, numbers), eq(applications.roundId, d.roundId)));
  const results = await db
    .select({ applicationId: spotCheckResults.applicationId })
    .from(spotCheckResults)
    .where(and(eq(spotCheckResults.drawId, d.id), inArray(spotCheckResults.status, EFFECTIVE_RESULT_STATES)));
  const done = new Set(results.map((x) => x.applicationId));
  return apps.filter((a) => !done.has(a.id) && a.status !== 'withdrawn').map((a) => a.number!);
}

/** 一公开: publishes the results of a drawn round draw once every drawn target has one. */
export async function publishSpotCheckResults(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { version: number },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const d = await getDraw(tx, id, { forUpdate: true });
    assertVersion(d.version, input.version);
    if (paramsOf(d).kind !== 'round' || d.status !== 'drawn') {
      throw conflict('SPOT_CHECK_NOT_DRAWN', `${d.number}尚未抽取（或为替换抽取记录），没有可公开的复核结果`);
    }
    if (d.resultsPublishedAt)
      throw conflict('SPOT_CHECK_RESULTS_PUBLISHED', `${d.number}的复核结果已于此前公开`);
    const missing = await targetsWithoutResult(tx, d);
    if (missing.length > 0) {
      throw conflict(
        'SPOT_CHECK_RESULTS_INCOMPLETE',
        `还有${missing.length}个抽查对象（${missing.slice(0, 5).join('、')}${missing.length > 5 ? '等' : ''}）尚无生效的复核结果（全员签字确认或省鉴定中心裁决），全部生效后才能公开`,
      );
    }
    await tx
      .update(spotCheckDraws)
      .set({ resultsPublishedAt: now, version: d.version + 1 })
      .where(eq(spotCheckDraws.id, d.id));
    const replacements = await replacementDrawsOf(tx, d.id);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.results_published',
        targetType: 'spot_check_draw',
        targetId: d.id,
        before: { resultsPublishedAt: null, version: d.version },
        after: {
          resultsPublishedAt: now.toISOString(),
          version: d.version + 1,
          replacementDraws: replacements.length,
        },
      },
      now,
    );
  });
}

/** For the decision letter of a failed spot check: the failed items with their reasons. */
export async function spotCheckFailureDetails(db: Executor, applicationId: string): Promise<string[]> {
  const [row] = await db
    .select()
    .from(spotCheckResults)
    .where(
      and(
        eq(spotCheckResults.applicationId, applicationId),
        inArray(spotCheckResults.status, EFFECTIVE_RESULT_STATES),
      ),
    )
    .orderBy(sql`${spotCheckResults.createdAt} desc`)
    .limit(1);
  if (!row) return [];
  const { outcome, items } = effectiveOutcome(row);
  if (outcome !== 'fail') return [];
  const scope = await scopeItemViews(db, [applicationId]);
  return (items as StoredResultItem[])
    .filter((v) => v.verdict === 'fail')
    .map((v) => {
      const s = scope.find((x) => x.id === v.scopeItemId);
      return `${s ? occupationText(s) : '申报职业（工种）'}：${v.reason ?? '抽查复核不通过'}`;
    });
}
