/**
 * 替换抽取 (docs/domain.md §6; R11; 通知第五条第三款 "双随机、一公开"): replacing an inspector of a drawn target
 * who cannot attend is never an edit — it is a new logged draw for that target (kind replacement),
 * committed like a round draw (commit-draw.ts) and then drawn by execute-draw.ts.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import {
  applicationStateLabel,
  assertSpotCheckPoolSufficient,
  commitSpotCheck,
  conflict,
  freezeSpotCheckPools,
  invalid,
  notFound,
  type Actor,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import {
  inspectors,
  organizations,
  spotCheckAssignments,
  spotCheckDraws,
  spotCheckResults,
} from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { getApplication } from '../applications/application-queries';
import { activeInspectors, allocateNumber, toPoolInspector, type SeedOption } from './draw-commit-inputs';
import {
  assertPublicText,
  getDraw,
  openReplacementFor,
  paramsOf,
  resultOf,
  type StoredDrawParams,
} from './draw-records';

/**
 * Commits a replacement draw for one drawn target whose inspector(s) cannot attend: the target pool is
 * that application, the inspectors staying on its panel and those replaced (now and before) are
 * recused besides the usual rules, and k = the number replaced.
 */
export async function commitReplacementDraw(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  rootId: string,
  input: { applicationId: string; inspectorIds: string[]; reason: string },
  meta: RequestMeta,
  opts: SeedOption = {},
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const root = await getDraw(tx, rootId, { forUpdate: true });
    const rootParams = paramsOf(root);
    if (rootParams.kind !== 'round' || root.status !== 'drawn') {
      throw conflict(
        'SPOT_CHECK_NOT_DRAWN',
        `${root.number}尚未抽取（或不是对象抽取记录），不能替换督导人员`,
      );
    }
    const app = await getApplication(tx, actor, input.applicationId, { forUpdate: true });
    const selected = resultOf(root)?.selected.find((s) => s.applicationNumber === app.number);
    if (!selected) throw notFound('TARGET_NOT_IN_DRAW', '该申请不是本次抽取的抽查对象');
    if (app.status !== 'spot_check') {
      throw conflict(
        'SPOT_CHECK_TARGET_CLOSED',
        `该申请当前状态为"${applicationStateLabel(app.status)}"，不能再替换督导人员`,
      );
    }
    const [result] = await tx
      .select({ id: spotCheckResults.id })
      .from(spotCheckResults)
      .where(and(eq(spotCheckResults.drawId, root.id), eq(spotCheckResults.applicationId, app.id)));
    if (result) throw conflict('SPOT_CHECK_RESULT_LOCKED', '该对象的复核结果已录入，不能再替换督导人员');
    const pending = await openReplacementFor(tx, app.number!);
    if (pending) {
      throw conflict(
        'SPOT_CHECK_COMMITMENT_OPEN',
        `该对象已有未抽取的替换承诺${pending.number}，请先抽取或作废`,
      );
    }
    const panel = await tx
      .select({ a: spotCheckAssignments, code: inspectors.code })
      .from(spotCheckAssignments)
      .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
      .where(eq(spotCheckAssignments.applicationId, app.id))
      .orderBy(asc(inspectors.code));
    const assigned = panel.filter((p) => p.a.status === 'assigned');
    const wanted = new Set(input.inspectorIds);
    const toReplace = assigned.filter((p) => wanted.has(p.a.inspectorId));
    if (toReplace.length !== wanted.size) {
      throw invalid('REPLACE_INSPECTOR_UNKNOWN', '要替换的督导人员不在该对象当前的抽查组中', [
        { code: 'REPLACE_INSPECTOR_UNKNOWN', field: 'inspectorIds', message: '请从当前抽查组中选择' },
      ]);
    }
    const [org] = await tx
      .select({ creditCode: organizations.creditCode })
      .from(organizations)
      .where(eq(organizations.id, app.organizationId));
    const pool = await activeInspectors(tx);
    const pools = freezeSpotCheckPools(
      [
        {
          applicationNumber: app.number!,
          cityCode: app.cityCode,
          creditCode: org!.creditCode,
          onPanelInspectorCodes: assigned.filter((p) => !wanted.has(p.a.inspectorId)).map((p) => p.code),
          replacedInspectorCodes: [
            ...panel.filter((p) => p.a.status === 'replaced').map((p) => p.code),
            ...toReplace.map((p) => p.code),
          ],
        },
      ],
      pool.map(toPoolInspector),
      { sameCity: rootParams.sameCityRecusal },
    );
    assertSpotCheckPoolSufficient(pools, toReplace.length);
    assertPublicText(
      input.reason,
      pool.map((i) => i.name),
    );

    const seed = opts.seed ?? randomBytes(32).toString('hex');
    const commitment = await commitSpotCheck(pools, seed);
    const storedParams: StoredDrawParams = {
      kind: 'replacement',
      sampleRatioPercent: null,
      poolSize: 1,
      sampleSize: 1,
      inspectorsPerTarget: toReplace.length,
      sameCityRecusal: rootParams.sameCityRecusal,
      cutoffAt: now.toISOString(),
      applicationNumber: app.number,
      applicationId: app.id,
      replacedInspectorCodes: toReplace.map((p) => p.code),
      replacedAssignmentIds: toReplace.map((p) => p.a.id),
      rootDrawId: root.id,
    };
    const number = await allocateNumber(tx, now);
    const [row] = await tx
      .insert(spotCheckDraws)
      .values({
        number,
        roundId: root.roundId,
        algorithmVersion: commitment.algorithmVersion,
        params: storedParams,
        targetPool: pools.targetPool,
        targetPoolHash: commitment.targetPoolHash,
        inspectorPool: pools.inspectorPool,
        inspectorPoolHash: commitment.inspectorPoolHash,
        recusals: pools.recusals,
        recusalHash: commitment.recusalHash,
        seedHash: commitment.seedHash,
        seed,
        status: 'committed',
        reason: input.reason.trim(),
        replacesDrawId: toReplace[0]!.a.drawId,
        committedBy: actor.userId,
        committedAt: now,
      })
      .returning({ id: spotCheckDraws.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.replacement_committed',
        targetType: 'spot_check_draw',
        targetId: row!.id,
        cityCode: app.cityCode,
        reason: input.reason,
        after: {
          number,
          rootDrawId: root.id,
          applicationId: app.id,
          applicationNumber: app.number,
          replacedInspectorCodes: storedParams.replacedInspectorCodes,
          targetPoolHash: commitment.targetPoolHash,
          inspectorPoolHash: commitment.inspectorPoolHash,
          recusalHash: commitment.recusalHash,
          seedHash: commitment.seedHash,
        },
      },
      now,
    );
    return { id: row!.id, number, seedHash: commitment.seedHash };
  });
}
