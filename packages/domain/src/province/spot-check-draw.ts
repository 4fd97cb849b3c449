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

/** A published draw record, as the public page and `verify-draw` see it. */
export interface SpotCheckDrawRecord {
  algorithmVersion: string;
  /** 'round' (the draw of a round cut-off) or 'replacement' (one target's replaced inspectors). */
  kind: 'round' | 'replacement';
  sampleRatioPercent: number | null;
  sampleSize: number;
  inspectorsPerTarget: number;
  targetPool: readonly string[];
  targetPoolHash: string;
  inspectorPool: readonly string[];
  inspectorPoolHash: string;
  recusals: readonly SpotCheckRecusal[];
  recusalHash: string;
  seedHash: string;
  /** Published after the draw (or when a commitment is voided); null before. */
  seed: string | null;
  result: SpotCheckDrawResult | null;
}

export type SpotCheckCheckKey =
  | 'algorithmVersion'
  | 'targetPoolHash'
  | 'inspectorPoolHash'
  | 'recusalHash'
  | 'sampleSize'
  | 'seedHash'
  | 'result'
  | 'recusedNotDrawn';

export const SPOT_CHECK_CHECK_LABELS: Readonly<Record<SpotCheckCheckKey, string>> = {
  algorithmVersion: '算法版本',
  targetPoolHash: '抽查对象名单哈希',
  inspectorPoolHash: '督导人员名单哈希',
  recusalHash: '回避名单哈希',
  sampleSize: '抽取数量（按抽查比例）',
  seedHash: '随机种子哈希',
  result: '抽取结果',
  recusedNotDrawn: '回避人员未被抽中',
};

export interface SpotCheckCheck {
  key: SpotCheckCheckKey;
  label: string;
  /** null: cannot be checked yet (the seed is not published before the draw). */
  ok: boolean | null;
  published: string;
  recomputed: string;
}

export interface SpotCheckReplay {
  /** Every check that can be made passed (and there was no error). */
  matches: boolean;
  checks: SpotCheckCheck[];
  recomputedResult: SpotCheckDrawResult | null;
  error: string | null;
}

const resultText = (r: SpotCheckDrawResult | null) =>
  r === null
    ? '—'
    : [
        ...r.selected.map((s) => `${s.applicationNumber}: ${s.inspectorCodes.join(', ')}`),
        `未抽中: ${r.notSelected.join(', ') || '无'}`,
      ].join('\n');

/**
 * Recomputes a published record with this same code: the three pool hashes, the sample size, the seed's
 * hash and the result; and checks that no recused inspector was drawn for the target it is recused from.
 * Before the draw (no seed) the seed and result checks are null ("not yet"), the others are made.
 */
export async function replaySpotCheckDraw(record: SpotCheckDrawRecord): Promise<SpotCheckReplay> {
  const checks: SpotCheckCheck[] = [];
  const add = (key: SpotCheckCheckKey, ok: boolean | null, published: string, recomputed: string) =>
    checks.push({ key, label: SPOT_CHECK_CHECK_LABELS[key], ok, published, recomputed });
  let error: string | null = null;
  let recomputedResult: SpotCheckDrawResult | null = null;
  const guard = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      error ??= e instanceof Error ? e.message : String(e);
    }
  };

  add(
    'algorithmVersion',
    record.algorithmVersion === SPOT_CHECK_ALGORITHM_VERSION,
    record.algorithmVersion,
    SPOT_CHECK_ALGORITHM_VERSION,
  );
  await guard(async () => {
    const h = await hashPool([...record.targetPool]);
    add('targetPoolHash', h === record.targetPoolHash, record.targetPoolHash, h);
  });
  await guard(async () => {
    const h = await hashPool([...record.inspectorPool]);
    add('inspectorPoolHash', h === record.inspectorPoolHash, record.inspectorPoolHash, h);
  });
  await guard(async () => {
    const h = await hashPool(spotCheckRecusalLines(record.recusals));
    add('recusalHash', h === record.recusalHash, record.recusalHash, h);
  });
  const expectedSize =
    record.kind === 'round' && record.sampleRatioPercent !== null
      ? spotCheckSampleSize(record.targetPool.length, record.sampleRatioPercent)
      : record.targetPool.length;
  add('sampleSize', record.sampleSize === expectedSize, String(record.sampleSize), String(expectedSize));
  if (record.seed === null) {
    add('seedHash', null, record.seedHash, '—');
    add('result', null, '—', '—');
    add('recusedNotDrawn', null, '—', '—');
  } else {
    const seed = record.seed;
    await guard(async () => {
      const h = await hashSeed(seed);
      add('seedHash', h === record.seedHash, record.seedHash, h);
    });
    // With the seed known the result can always be recomputed — also for a voided commitment, whose
    // seed is published so anyone can see what it would have drawn.
    let recomputed: SpotCheckDrawResult | null = null;
    await guard(async () => {
      recomputed = await runSpotCheckDraw({
        pools: {
          targetPool: [...record.targetPool],
          inspectorPool: [...record.inspectorPool],
          recusals: [...record.recusals],
        },
        sampleSize: record.sampleSize,
        inspectorsPerTarget: record.inspectorsPerTarget,
        seed,
      });
    });
    recomputedResult = recomputed;
    if (record.result === null) {
      add('result', null, '—', resultText(recomputedResult));
    } else {
      add(
        'result',
        recomputedResult !== null && resultText(recomputedResult) === resultText(record.result),
        resultText(record.result),
        resultText(recomputedResult),
      );
    }
    const recused = new Set(record.recusals.map((r) => `${r.applicationNumber}\n${r.inspectorCode}`));
    const violations = (record.result?.selected ?? []).flatMap((s) =>
      s.inspectorCodes
        .filter((c) => recused.has(`${s.applicationNumber}\n${c}`))
        .map((c) => `${s.applicationNumber}: ${c}`),
    );
    if (record.result) add('recusedNotDrawn', violations.length === 0, violations.join('; ') || '无', '无');
    else add('recusedNotDrawn', null, '—', '—');
  }
  if (!checks.some((c) => c.key === 'targetPoolHash'))
    add('targetPoolHash', false, record.targetPoolHash, '—');
  if (!checks.some((c) => c.key === 'inspectorPoolHash'))
    add('inspectorPoolHash', false, record.inspectorPoolHash, '—');
  if (!checks.some((c) => c.key === 'recusalHash')) add('recusalHash', false, record.recusalHash, '—');
  if (record.seed !== null && !checks.some((c) => c.key === 'seedHash'))
    add('seedHash', false, record.seedHash, '—');
  const order = Object.keys(SPOT_CHECK_CHECK_LABELS);
  checks.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return {
    matches: error === null && checks.every((c) => c.ok !== false),
    checks,
    recomputedResult,
    error,
  };
}

/** A draw as the public page / API publishes it (structurally; the contract's public draw fits). */
export interface PublishedSpotCheckDraw {
  algorithmVersion: string;
  params: {
    kind: 'round' | 'replacement';
    sampleRatioPercent: number | null;
    sampleSize: number;
    inspectorsPerTarget: number;
  };
  targetPool: readonly string[];
  targetPoolHash: string;
  inspectorPool: readonly string[];
  inspectorPoolHash: string;
  recusals: readonly { applicationNumber: string; inspectorCode: string; rule: string; reason: string }[];
  recusalHash: string;
  seedHash: string;
  seed: string | null;
  result: { selected: readonly SpotCheckSelection[]; notSelected: readonly string[] } | null;
}

/** The record {@link replaySpotCheckDraw} checks, from what was published (the browser and verify-draw). */
export function spotCheckRecordFromPublished(p: PublishedSpotCheckDraw): SpotCheckDrawRecord {
  return {
    algorithmVersion: p.algorithmVersion,
    kind: p.params.kind,
    sampleRatioPercent: p.params.sampleRatioPercent,
    sampleSize: p.params.sampleSize,
    inspectorsPerTarget: p.params.inspectorsPerTarget,
    targetPool: [...p.targetPool],
    targetPoolHash: p.targetPoolHash,
    inspectorPool: [...p.inspectorPool],
    inspectorPoolHash: p.inspectorPoolHash,
    recusals: p.recusals.map((r) => ({
      applicationNumber: r.applicationNumber,
      inspectorCode: r.inspectorCode,
      rule: r.rule as SpotCheckRecusal['rule'],
      reason: r.reason,
    })),
    recusalHash: p.recusalHash,
    seedHash: p.seedHash,
    seed: p.seed,
    result: p.result
      ? {
          selected: p.result.selected.map((s) => ({
            applicationNumber: s.applicationNumber,
            inspectorCodes: [...s.inspectorCodes],
          })),
          notSelected: [...p.result.notSelected],
        }
      : null,
  };
}
