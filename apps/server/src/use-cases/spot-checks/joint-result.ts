/**
 * 实地抽查复核的联合结果 (通知§五(三); domain.md §5 R11): after one panel member drafted the result, the
 * drafter submits it for signing; every current member of the target's panel signs it off (签字确认) or
 * records a dissent with a reason (提出异议). When all signed, the result is agreed and moves the
 * application (spot_check_pass / spot_check_fail, as a single record did before); with a dissent it waits
 * for the province centre, which decides pass or fail with its reason. The domain's state machine says
 * who may do what; out-of-panel inspectors do not see the target (404).
 */
import { and, eq } from 'drizzle-orm';
import {
  assertJointResultAction,
  checkDecisionReason,
  checkDissentReason,
  conflict,
  notFound,
  planSpotCheckResult,
  stateAfterSignatures,
  applicationStateLabel,
  type Actor,
  type JointResultAction,
  type JointResultState,
  type SpotCheckOutcome,
  type SpotCheckResultPlan,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { spotCheckResults, spotCheckResultSignatures } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { getApplication, type ApplicationRow } from '../applications/application-queries';
import { recordTransition } from '../applications/record-transition';
import { assertVersion } from '../version-check';
import { notifyOrganization } from '../messages/messages';
import { activeScopeItemIds, rejectScopeItems } from '../province-review/scope-verdicts';
import { getDraw } from './draw-records';
import { currentPanels, type ResultRow, type StoredResultItem } from './result-views';
import { appendResultEvent } from './result-events';
import { myAssignment } from './spot-check-results';
import { mySpotChecks } from './my-spot-checks';

async function resultForUpdate(tx: Executor, drawId: string, applicationId: string): Promise<ResultRow> {
  const [row] = await tx
    .select()
    .from(spotCheckResults)
    .where(and(eq(spotCheckResults.drawId, drawId), eq(spotCheckResults.applicationId, applicationId)))
    .for('update');
  if (!row) throw notFound('SPOT_CHECK_RESULT_NOT_FOUND', '该抽查对象尚无复核结果草稿');
  return row;
}

function assertInSpotCheck(app: ApplicationRow) {
  if (app.status !== 'spot_check') {
    throw conflict('NOT_IN_SPOT_CHECK', `当前状态"${applicationStateLabel(app.status)}"不能办理抽查复核结果`);
  }
}

async function bumpResult(tx: Executor, row: ResultRow, set: Partial<typeof spotCheckResults.$inferInsert>) {
  const [updated] = await tx
    .update(spotCheckResults)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(spotCheckResults.id, row.id), eq(spotCheckResults.version, row.version)))
    .returning({ id: spotCheckResults.id });
  if (!updated) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
}

/** The result takes effect: items failed, the organization told, the application moved (audit last). */
async function takeEffect(
  tx: Executor,
  app: ApplicationRow,
  plan: SpotCheckResultPlan,
  actor: Actor,
  now: Date,
  meta: RequestMeta,
  audit: Record<string, unknown>,
) {
  await rejectScopeItems(
    tx,
    plan.items.filter((i) => i.verdict === 'fail'),
  );
  await notifyOrganization(tx, app.organizationId, {
    title: plan.outcome === 'pass' ? '抽查复核通过' : '抽查复核不通过',
    body:
      plan.outcome === 'pass'
        ? `您单位的备案申请 ${app.number ?? ''} 已通过实地抽查复核，进入公示前的待公示环节。`
        : `您单位的备案申请 ${app.number ?? ''} 实地抽查复核不通过，可在申请详情下载决定书。`,
    link: `/applications/${app.id}`,
    now,
  });
  await recordTransition(tx, app, plan.action, actor, {
    reason: plan.reason ?? undefined,
    now,
    meta,
    audit: {
      ...audit,
      outcome: plan.outcome,
      failedItems: plan.items.filter((i) => i.verdict === 'fail').length,
    },
  });
}

/** The plan of the draft as drafted (its items were checked when drafted). */
function draftPlan(row: ResultRow): SpotCheckResultPlan {
  const outcome = row.outcome as SpotCheckOutcome;
  return {
    action: outcome === 'pass' ? 'spot_check_pass' : 'spot_check_fail',
    outcome,
    // A pass drafted without a reason rests on its findings; the trail records them as its reason.
    reason: row.reason ?? row.findings,
    items: (row.itemVerdicts as StoredResultItem[]) ?? [],
  };
}

/** A panel member's step: submit (drafter), sign or dissent (every member once). */
export async function actOnSpotCheckResult(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  action: Extract<JointResultAction, 'submit' | 'sign' | 'dissent'>,
  input: { version: number; reason?: string | undefined },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { me, rootDrawId } = await myAssignment(tx, actor, applicationId);
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    const row = await resultForUpdate(tx, rootDrawId, app.id);
    assertVersion(row.version, input.version);
    const signatures = await tx
      .select({ inspectorId: spotCheckResultSignatures.inspectorId, kind: spotCheckResultSignatures.kind })
      .from(spotCheckResultSignatures)
      .where(eq(spotCheckResultSignatures.resultId, row.id));
    const state = row.status;
    assertJointResultAction(
      state,
      {
        kind: 'panel_member',
        isDrafter: row.drafterInspectorId === me.id,
        hasActed: signatures.some((s) => s.inspectorId === me.id),
      },
      action,
    );
    assertInSpotCheck(app);
    const reason = action === 'dissent' ? checkDissentReason(input.reason) : null;
    let next: JointResultState = 'signing';
    if (action !== 'submit') {
      await tx.insert(spotCheckResultSignatures).values({
        resultId: row.id,
        inspectorId: me.id,
        inspectorName: `${me.code} ${me.name}`,
        userId: actor.userId,
        kind: action,
        reason,
        createdAt: now,
      });
      const panel = await currentPanels(tx, [app.id]);
      next = stateAfterSignatures(
        panel.map((p) => p.inspectorId),
        [...signatures, { inspectorId: me.id, kind: action }] as {
          inspectorId: string;
          kind: 'sign' | 'dissent';
        }[],
      );
    }
    await bumpResult(tx, row, { status: next });
    await appendResultEvent(
      tx,
      app,
      actor,
      action === 'submit'
        ? 'spot_check_result_submitted'
        : action === 'sign'
          ? 'spot_check_result_signed'
          : 'spot_check_result_dissented',
      reason,
      now,
    );
    const audit = {
      spotCheckResultId: row.id,
      spotCheckDrawId: rootDrawId,
      inspectorCode: me.code,
      from: state,
      to: next,
      reason,
    };
    if (next === 'agreed') {
      // The last signature: the joint result moves the application; the transition's audit entry (the
      // transaction's last statement, see audit-writer) records this signature with it.
      await takeEffect(tx, app, draftPlan(row), actor, now, meta, { ...audit, jointResult: 'agreed' });
      return;
    }
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action:
          action === 'submit'
            ? 'spot_check.result_submitted'
            : action === 'sign'
              ? 'spot_check.result_signed'
              : 'spot_check.result_dissented',
        targetType: 'application',
        targetId: app.id,
        before: { status: state, version: row.version },
        after: { ...audit, version: row.version + 1 },
      },
      now,
    );
  });
  const { items } = await mySpotChecks(deps.db, actor);
  return items.find((i) => i.applicationId === applicationId)!;
}

/** The province centre decides a disputed result, pass or fail, with its reason. */
export async function decideSpotCheckResult(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  drawId: string,
  applicationId: string,
  input: { outcome: SpotCheckOutcome; reason?: string | undefined; version: number },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(applicationId)) throw notFound();
    const d = await getDraw(tx, drawId);
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    const row = await resultForUpdate(tx, d.id, app.id);
    assertVersion(row.version, input.version);
    assertJointResultAction(row.status, { kind: 'province_center' }, 'decide');
    assertInSpotCheck(app);
    const reason = checkDecisionReason(input.reason);
    const draft = draftPlan(row);
    const activeItemIds = await activeScopeItemIds(tx, app.id);
    // A pass keeps the drafted item verdicts when the draft passed too; otherwise every item passes.
    const plan = planSpotCheckResult({
      outcome: input.outcome,
      activeItemIds,
      reason,
      items:
        input.outcome === 'pass'
          ? draft.outcome === 'pass'
            ? draft.items.map((i) => ({
                scopeItemId: i.scopeItemId,
                verdict: i.verdict,
                reason: i.reason ?? undefined,
              }))
            : activeItemIds.map((id) => ({ scopeItemId: id, verdict: 'pass' as const }))
          : undefined,
    });
    await bumpResult(tx, row, {
      status: 'decided',
      decisionOutcome: plan.outcome,
      decisionReason: reason,
      decisionItemVerdicts: plan.items,
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
      decidedAt: now,
    });
    await takeEffect(tx, app, { ...plan, reason }, actor, now, meta, {
      spotCheckResultId: row.id,
      spotCheckDrawId: d.id,
      jointResult: 'decided',
      decisionReason: reason,
    });
  });
}
