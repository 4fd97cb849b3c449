/**
 * 抽查复核 "双随机" 抽取 (R11, 通知第五条第三款; docs/domain.md §6): the province centre draws a random sample of
 * the province-reviewed applications and, for each drawn target, random inspectors from the pool minus
 * that target's recusals. Pure and deterministic, so the public page (in the browser, Web Crypto) and
 * `npm run verify-draw` replay it with this same code from the published record.
 *
 * Algorithm 'spot-check-v1+sha256-ctr-fy-v1' (changing any step needs a new version; stored draws name
 * theirs). On top of the shuffle of `../draw` ('sha256-ctr-fy-v1'):
 *  1. Commitment (published before the draw): hashPool(target pool) (application numbers),
 *     hashPool(inspector pool) (inspector codes), hashPool(recusal lines) (see spotCheckRecusalLines),
 *     hashSeed(seed), and the parameters.
 *  2. Sample size: n = |target pool|, ratio r % [policy]: sampleSize = max(1, ⌈r·n/100⌉) (0 when n = 0),
 *     computed in integers.
 *  3. Targets: drawSample(target pool, sampleSize, seed) — the drawn order is the result's order.
 *  4. For each drawn target t, in drawn order: pool_t = inspector pool minus the inspectors recused for
 *     t; derived seed s_t = SHA-256 hex of the UTF-8 text `seed + ':' + t` (seed in lower-case hex);
 *     inspectors_t = drawSample(pool_t, inspectorsPerTarget, s_t).
 *  5. Not drawn: the rest of the target pool, sorted.
 * A replacement draw (an inspector of one target cannot attend) is the same algorithm over a target
 * pool of that one application, with the panel's remaining and replaced inspectors recused.
 */
import { invalid } from '../errors';
import { ALGORITHM_VERSION, canonicalPool, drawSample, hashPool, hashSeed, sha256Hex } from '../draw';
import {
  spotCheckRecusalLines,
  spotCheckRecusals,
  type PoolInspector,
  type SpotCheckRecusal,
  type SpotCheckRecusalOptions,
  type SpotCheckTarget,
} from './spot-check-recusal';

export const SPOT_CHECK_ALGORITHM_VERSION = `spot-check-v1+${ALGORITHM_VERSION}`;

/** [policy] defaults (docs/domain.md §5 R11): 20 % of the pool, at least one; two inspectors per target. */
export const DEFAULT_SAMPLE_RATIO_PERCENT = 20;
export const DEFAULT_INSPECTORS_PER_TARGET = 2;
/** "双随机" needs at least two inspectors on every visit (R11). */
export const MIN_INSPECTORS_PER_TARGET = 2;
export const MAX_INSPECTORS_PER_TARGET = 10;

export interface SpotCheckParams {
  /** Sample ratio in whole percent, 1–100. */
  sampleRatioPercent: number;
  inspectorsPerTarget: number;
}

/** `SPOT_CHECK_PARAMS_INVALID` with a field detail for a ratio outside 1–100 % or k outside 2–10. */
export function assertSpotCheckParams(p: SpotCheckParams): void {
  if (!Number.isInteger(p.sampleRatioPercent) || p.sampleRatioPercent < 1 || p.sampleRatioPercent > 100) {
    const message = `抽查比例应为1%至100%之间的整数，当前为"${p.sampleRatioPercent}"`;
    throw invalid('SPOT_CHECK_PARAMS_INVALID', message, [
      { code: 'SPOT_CHECK_RATIO_INVALID', message, field: 'sampleRatioPercent' },
    ]);
  }
  if (
    !Number.isInteger(p.inspectorsPerTarget) ||
    p.inspectorsPerTarget < MIN_INSPECTORS_PER_TARGET ||
    p.inspectorsPerTarget > MAX_INSPECTORS_PER_TARGET
  ) {
    const message = `每个抽查对象的督导人员应为${MIN_INSPECTORS_PER_TARGET}至${MAX_INSPECTORS_PER_TARGET}人，当前为"${p.inspectorsPerTarget}"`;
    throw invalid('SPOT_CHECK_PARAMS_INVALID', message, [
      { code: 'SPOT_CHECK_INSPECTORS_INVALID', message, field: 'inspectorsPerTarget' },
    ]);
  }
}

/** Step 2: max(1, ⌈ratio·n/100⌉), in integers (no floating-point surprise such as 0.2·15 > 3). */
export function spotCheckSampleSize(poolSize: number, sampleRatioPercent: number): number {
  if (poolSize <= 0) return 0;
  return Math.max(1, Math.floor((sampleRatioPercent * poolSize + 99) / 100));
}

/** What the commitment freezes: both pools (sorted codes) and the recusals. */
export interface SpotCheckPools {
  targetPool: string[];
  inspectorPool: string[];
  recusals: SpotCheckRecusal[];
}

/** Freezes the pools: targets by application number, active inspectors by code, and the recusals. */
export function freezeSpotCheckPools(
  targets: readonly SpotCheckTarget[],
  inspectors: readonly PoolInspector[],
  options: SpotCheckRecusalOptions,
): SpotCheckPools {
  const active = inspectors.filter((i) => i.active);
  return {
    targetPool: canonicalPool(targets.map((t) => t.applicationNumber)),
    inspectorPool: canonicalPool(active.map((i) => i.code)),
    recusals: spotCheckRecusals(targets, active, options),
  };
}

/** The inspectors a target may be given: the pool minus that target's recusals, sorted. */
export function eligibleInspectorsFor(
  pools: Pick<SpotCheckPools, 'inspectorPool' | 'recusals'>,
  applicationNumber: string,
): string[] {
  const recused = new Set(
    pools.recusals.filter((r) => r.applicationNumber === applicationNumber).map((r) => r.inspectorCode),
  );
  return canonicalPool(pools.inspectorPool).filter((c) => !recused.has(c));
}

export interface PoolShortage {
  applicationNumber: string;
  eligible: number;
}

/** Targets that could not get `k` inspectors after recusal, should they be drawn. */
export function spotCheckPoolShortages(
  pools: Pick<SpotCheckPools, 'targetPool' | 'inspectorPool' | 'recusals'>,
  k: number,
): PoolShortage[] {
  return canonicalPool(pools.targetPool)
    .map((n) => ({ applicationNumber: n, eligible: eligibleInspectorsFor(pools, n).length }))
    .filter((s) => s.eligible < k);
}

/**
 * `SPOT_CHECK_POOL_TOO_SMALL` (with the numbers) when some target could not get `k` inspectors: the
 * commitment is refused before it is published, so the centre widens the inspector pool first.
 */
export function assertSpotCheckPoolSufficient(
  pools: Pick<SpotCheckPools, 'targetPool' | 'inspectorPool' | 'recusals'>,
  k: number,
): void {
  const short = spotCheckPoolShortages(pools, k);
  if (short.length === 0) return;
  const list = short
    .slice(0, 5)
    .map((s) => `${s.applicationNumber}（回避后仅${s.eligible}人）`)
    .join('、');
  throw invalid(
    'SPOT_CHECK_POOL_TOO_SMALL',
    `督导人员库共${pools.inspectorPool.length}人，每个抽查对象需${k}人，以下${short.length}个对象回避后可抽取人数不足：${list}${short.length > 5 ? '等' : ''}。请先补充督导人员库`,
    short.map((s) => ({
      code: 'SPOT_CHECK_POOL_TOO_SMALL',
      message: `${s.applicationNumber}回避后可抽取${s.eligible}人，需${k}人`,
      field: s.applicationNumber,
    })),
  );
}

export interface SpotCheckCommitment {
  algorithmVersion: string;
  targetPoolHash: string;
  inspectorPoolHash: string;
  recusalHash: string;
  seedHash: string;
}

/** Step 1: the hashes published before the draw. */
export async function commitSpotCheck(pools: SpotCheckPools, seedHex: string): Promise<SpotCheckCommitment> {
  return {
    algorithmVersion: SPOT_CHECK_ALGORITHM_VERSION,
    targetPoolHash: await hashPool(pools.targetPool),
    inspectorPoolHash: await hashPool(pools.inspectorPool),
    recusalHash: await hashPool(spotCheckRecusalLines(pools.recusals)),
    seedHash: await hashSeed(seedHex),
  };
}

/** Step 4's per-target seed. */
export async function spotCheckTargetSeed(seedHex: string, applicationNumber: string): Promise<string> {
  return sha256Hex(`${seedHex.trim().toLowerCase()}:${applicationNumber}`);
}

export interface SpotCheckSelection {
  applicationNumber: string;
  inspectorCodes: string[];
}

export interface SpotCheckDrawResult {
  /** Drawn targets in drawn order, each with its inspectors in drawn order. */
  selected: SpotCheckSelection[];
  /** The rest of the target pool, sorted. */
  notSelected: string[];
}

/** Steps 3–5. `SPOT_CHECK_POOL_TOO_SMALL` when a drawn target cannot get k inspectors. */
export async function runSpotCheckDraw(input: {
  pools: SpotCheckPools;
  sampleSize: number;
  inspectorsPerTarget: number;
  seed: string;
}): Promise<SpotCheckDrawResult> {
  const targets = await drawSample([...input.pools.targetPool], input.sampleSize, input.seed);
  const selected: SpotCheckSelection[] = [];
  for (const applicationNumber of targets) {
    const eligible = eligibleInspectorsFor(input.pools, applicationNumber);
    if (eligible.length < input.inspectorsPerTarget) {
      throw invalid(
        'SPOT_CHECK_POOL_TOO_SMALL',
        `抽查对象${applicationNumber}回避后可抽取的督导人员仅${eligible.length}人，需${input.inspectorsPerTarget}人`,
      );
    }
    const seed = await spotCheckTargetSeed(input.seed, applicationNumber);
    selected.push({
      applicationNumber,
      inspectorCodes: await drawSample(eligible, input.inspectorsPerTarget, seed),
    });
  }
  const drawn = new Set(targets);
  return { selected, notSelected: canonicalPool(input.pools.targetPool).filter((n) => !drawn.has(n)) };
}
