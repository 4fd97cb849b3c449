/**
 * 一公开 的复算 (R11, 通知第五条第三款; docs/domain.md §6): a published spot-check draw record, replayed with the
 * same pure code as the draw itself (spot-check-draw.ts) — in the browser (Web Crypto) and by
 * `npm run verify-draw` — check by check, so anyone can confirm the draw was not steered.
 */
import { hashPool, hashSeed } from '../draw';
import { spotCheckRecusalLines, type SpotCheckRecusal } from './spot-check-recusal';
import {
  runSpotCheckDraw,
  SPOT_CHECK_ALGORITHM_VERSION,
  spotCheckSampleSize,
  type SpotCheckDrawResult,
  type SpotCheckSelection,
} from './spot-check-draw';

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
