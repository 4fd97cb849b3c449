/**
 * 抽查复核抽取的承诺 (docs/domain.md §6 steps 1–2; R11; 通知第五条第三款 "双随机、一公开"): the province centre
 * freezes, for one collection round at the cut-off, the target pool (application numbers of the round's
 * applications 待抽查), the inspector pool (active inspector codes) and the recusals, hashes each,
 * generates a secret seed server-side and stores its hash: the commitment, public at once. The draw
 * itself is a separate action (execute-draw.ts).
 *
 * Nothing is edited in place: a commitment that must not be drawn is voided with a reason (its seed is
 * then published too, so nobody can void and re-commit until a seed suits them unseen) and a new one
 * names it; replacing an inspector of a drawn target who cannot attend is a new logged draw for that
 * target (kind replacement), committed the same way (commit-replacement-draw.ts).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  assertSpotCheckParams,
  assertSpotCheckPoolSufficient,
  commitSpotCheck,
  conflict,
  freezeSpotCheckPools,
  invalid,
  notFound,
  SPOT_CHECK_DRAW_MACHINE,
  spotCheckPoolShortages,
  spotCheckSampleSize,
  type Actor,
  type SpotCheckTarget,
} from '@skillcert/domain';
import type { CommitSpotCheckRequest, SpotCheckPolicyDto } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applications, collectionRounds, inspectors, organizations, spotCheckDraws } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertVersion } from '../version-check';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { loadSpotCheckPolicy } from './spot-check-policy';
import { activeInspectors, allocateNumber, toPoolInspector, type SeedOption } from './draw-commit-inputs';
import { assertPublicText, getDraw, paramsOf, type StoredDrawParams } from './draw-records';

const UUID = /^[0-9a-f-]{36}$/i;

async function roundOf(db: Executor, roundId: string, forUpdate = false) {
  if (!UUID.test(roundId)) throw notFound('ROUND_NOT_FOUND', '征集批次不存在');
  const query = db.select().from(collectionRounds).where(eq(collectionRounds.id, roundId)).limit(1);
  const [round] = forUpdate ? await query.for('update') : await query;
  if (!round) throw notFound('ROUND_NOT_FOUND', '征集批次不存在');
  return round;
}

/** The round's applications 待抽查 at this moment, as the draw sees them (number, city, credit code). */
async function poolTargets(db: Executor, roundId: string): Promise<SpotCheckTarget[]> {
  const rows = await db
    .select({
      number: applications.number,
      cityCode: applications.cityCode,
      creditCode: organizations.creditCode,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.roundId, roundId), eq(applications.status, 'spot_check_pool')))
    .orderBy(asc(applications.number));
  return rows
    .filter((r): r is typeof r & { number: string } => r.number !== null)
    .map((r) => ({ applicationNumber: r.number, cityCode: r.cityCode, creditCode: r.creditCode }));
}

function effectiveParams(policy: SpotCheckPolicyDto, input: Partial<SpotCheckPolicyDto>): SpotCheckPolicyDto {
  const params = {
    sampleRatioPercent: input.sampleRatioPercent ?? policy.sampleRatioPercent,
    inspectorsPerTarget: input.inspectorsPerTarget ?? policy.inspectorsPerTarget,
    sameCityRecusal: input.sameCityRecusal ?? policy.sameCityRecusal,
  };
  assertSpotCheckParams(params);
  return params;
}

/** The round's commitments in order; the open one (committed) and an unreplaced voided one. */
async function roundCommitments(db: Executor, roundId: string) {
  const rows = await db
    .select()
    .from(spotCheckDraws)
    .where(and(eq(spotCheckDraws.roundId, roundId), sql`${spotCheckDraws.params}->>'kind' = 'round'`))
    .orderBy(desc(spotCheckDraws.committedAt), desc(spotCheckDraws.id));
  const open = rows.find((r) => r.status === 'committed') ?? null;
  const replaced = new Set(rows.map((r) => r.replacesDrawId).filter(Boolean));
  const latest = rows[0];
  const voided = latest && latest.status === 'void' && !replaced.has(latest.id) ? latest : null;
  return { open, voided };
}

/** What a commitment would freeze now (for the commit form): sizes, recusals and any shortage. */
export async function previewSpotCheck(
  db: Executor,
  input: { roundId: string } & Partial<SpotCheckPolicyDto>,
) {
  await roundOf(db, input.roundId);
  const params = effectiveParams(await loadSpotCheckPolicy(db), input);
  const [targets, pool, commitments] = await Promise.all([
    poolTargets(db, input.roundId),
    activeInspectors(db),
    roundCommitments(db, input.roundId),
  ]);
  const pools = freezeSpotCheckPools(targets, pool.map(toPoolInspector), {
    sameCity: params.sameCityRecusal,
  });
  return {
    roundId: input.roundId,
    poolSize: pools.targetPool.length,
    sampleSize: spotCheckSampleSize(pools.targetPool.length, params.sampleRatioPercent),
    inspectorPoolSize: pools.inspectorPool.length,
    recusalCount: pools.recusals.length,
    params,
    shortages: spotCheckPoolShortages(pools, params.inspectorsPerTarget),
    openCommitment: commitments.open ? { id: commitments.open.id, number: commitments.open.number } : null,
    replacesVoided: commitments.voided
      ? { id: commitments.voided.id, number: commitments.voided.number }
      : null,
  };
}

/** Commits the draw of a round cut-off (status committed; the seed stays secret until drawn). */
export async function commitSpotCheckDraw(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: CommitSpotCheckRequest,
  meta: RequestMeta,
  opts: SeedOption = {},
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // One commitment at a time per round: the round row serializes concurrent commits.
    const round = await roundOf(tx, input.roundId, true);
    const { open, voided } = await roundCommitments(tx, round.id);
    if (open) {
      throw conflict(
        'SPOT_CHECK_COMMITMENT_OPEN',
        `本批次已有未抽取的承诺${open.number}：请先抽取，或作废后重新承诺`,
      );
    }
    const params = effectiveParams(await loadSpotCheckPolicy(tx), input);
    const targets = await poolTargets(tx, round.id);
    if (targets.length === 0) {
      throw conflict('SPOT_CHECK_POOL_EMPTY', '本批次没有"待抽查"的申请（省级评估通过后才进入抽查范围）');
    }
    const pool = await activeInspectors(tx);
    const pools = freezeSpotCheckPools(targets, pool.map(toPoolInspector), {
      sameCity: params.sameCityRecusal,
    });
    if (pools.inspectorPool.length === 0) {
      throw invalid('SPOT_CHECK_POOL_TOO_SMALL', '督导人员库中没有在库人员，请先补充督导人员库');
    }
    assertSpotCheckPoolSufficient(pools, params.inspectorsPerTarget);
    const reason = input.reason?.trim() || null;
    if (voided && !reason) {
      throw invalid(
        'DRAW_REASON_REQUIRED',
        `本批次上一承诺${voided.number}已作废，重新承诺须填写原因（将公开）`,
        [{ code: 'DRAW_REASON_REQUIRED', field: 'reason', message: '请填写重新承诺的原因' }],
      );
    }
    if (reason)
      assertPublicText(
        reason,
        pool.map((i) => i.name),
      );

    const seed = opts.seed ?? randomBytes(32).toString('hex');
    const commitment = await commitSpotCheck(pools, seed);
    const storedParams: StoredDrawParams = {
      kind: 'round',
      sampleRatioPercent: params.sampleRatioPercent,
      poolSize: pools.targetPool.length,
      sampleSize: spotCheckSampleSize(pools.targetPool.length, params.sampleRatioPercent),
      inspectorsPerTarget: params.inspectorsPerTarget,
      sameCityRecusal: params.sameCityRecusal,
      cutoffAt: now.toISOString(),
      applicationNumber: null,
      replacedInspectorCodes: [],
      rootDrawId: null,
    };
    const number = await allocateNumber(tx, now);
    const [row] = await tx
      .insert(spotCheckDraws)
      .values({
        number,
        roundId: round.id,
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
        reason,
        replacesDrawId: voided?.id ?? null,
        committedBy: actor.userId,
        committedAt: now,
      })
      .returning({ id: spotCheckDraws.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.committed',
        targetType: 'spot_check_draw',
        targetId: row!.id,
        reason,
        after: {
          number,
          roundId: round.id,
          algorithmVersion: commitment.algorithmVersion,
          ...storedParams,
          targetPoolHash: commitment.targetPoolHash,
          inspectorPoolHash: commitment.inspectorPoolHash,
          recusalHash: commitment.recusalHash,
          seedHash: commitment.seedHash,
          inspectorPoolSize: pools.inspectorPool.length,
          recusalCount: pools.recusals.length,
          replacesDrawId: voided?.id ?? null,
        },
      },
      now,
    );
    return { id: row!.id, number, seedHash: commitment.seedHash };
  });
}

/** Voids a commitment that was not drawn (reason public; the seed is published with it). */
export async function voidSpotCheckDraw(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const d = await getDraw(tx, id, { forUpdate: true });
    assertVersion(d.version, input.version);
    SPOT_CHECK_DRAW_MACHINE.assertFrom(d.status, 'void', d.number);
    const names = (await tx.select({ name: inspectors.name }).from(inspectors)).map((r) => r.name);
    assertPublicText(input.reason, names);
    const params: StoredDrawParams = {
      ...paramsOf(d),
      voided: { reason: input.reason.trim(), at: now.toISOString(), by: actor.userId },
    };
    await recordMachineTransition(tx, SPOT_CHECK_DRAW_MACHINE, spotCheckDraws, d, 'void', actor, {
      reason: input.reason,
      subject: d.number,
      now,
      meta,
      set: { params },
      details: { seedPublished: true },
    });
  });
}
