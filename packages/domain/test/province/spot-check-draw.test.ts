import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assertSpotCheckParams,
  assertSpotCheckPoolSufficient,
  commitSpotCheck,
  eligibleInspectorsFor,
  freezeSpotCheckPools,
  runSpotCheckDraw,
  SPOT_CHECK_ALGORITHM_VERSION,
  spotCheckSampleSize,
  spotCheckTargetSeed,
  type SpotCheckPools,
} from '../../src/province/spot-check-draw';
import { replaySpotCheckDraw, type SpotCheckDrawRecord } from '../../src/province/spot-check-replay';
import {
  spotCheckRecusalLines,
  spotCheckRecusals,
  type PoolInspector,
  type SpotCheckTarget,
} from '../../src/province/spot-check-recusal';
import { drawSample, hashPool } from '../../src/draw';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const seedOf = (i: number) => createHash('sha256').update(`spot-${i}`).digest('hex');

const CITIES = ['430100', '430200', '430300'];
const target = (n: number, over: Partial<SpotCheckTarget> = {}): SpotCheckTarget => ({
  applicationNumber: `SQ2026-${String(n).padStart(6, '0')}`,
  cityCode: CITIES[n % 3]!,
  creditCode: `52430000MJ${String(n).padStart(7, '0')}X`,
  ...over,
});
const inspector = (n: number, over: Partial<PoolInspector> = {}): PoolInspector => ({
  code: `DC${String(n).padStart(4, '0')}`,
  cityCode: CITIES[n % 3]!,
  unitCreditCode: null,
  conflicts: [],
  active: true,
  ...over,
});

const TARGETS = Array.from({ length: 12 }, (_, i) => target(i + 1));
const INSPECTORS = Array.from({ length: 9 }, (_, i) => inspector(i + 1));

async function record(pools: SpotCheckPools, seed: string, ratio = 20, k = 2): Promise<SpotCheckDrawRecord> {
  const c = await commitSpotCheck(pools, seed);
  const sampleSize = spotCheckSampleSize(pools.targetPool.length, ratio);
  return {
    algorithmVersion: c.algorithmVersion,
    kind: 'round',
    sampleRatioPercent: ratio,
    sampleSize,
    inspectorsPerTarget: k,
    targetPool: pools.targetPool,
    targetPoolHash: c.targetPoolHash,
    inspectorPool: pools.inspectorPool,
    inspectorPoolHash: c.inspectorPoolHash,
    recusals: pools.recusals,
    recusalHash: c.recusalHash,
    seedHash: c.seedHash,
    seed,
    result: await runSpotCheckDraw({ pools, sampleSize, inspectorsPerTarget: k, seed }),
  };
}

describe('sample size (R11: ratio [policy], at least one)', () => {
  it.each([
    [0, 20, 0],
    [1, 20, 1],
    [4, 20, 1],
    [5, 20, 1],
    [6, 20, 2],
    [10, 20, 2],
    [15, 20, 3], // 0.2 × 15 in floating point is 3.0000000000000004: integers avoid a fourth target
    [11, 20, 3],
    [7, 100, 7],
    [3, 1, 1],
  ])('pool %i at %i %% → %i', (n, ratio, size) => {
    expect(spotCheckSampleSize(n, ratio)).toBe(size);
  });

  it('refuses a ratio outside 1–100 % and fewer than two inspectors per target', () => {
    expect(() => assertSpotCheckParams({ sampleRatioPercent: 0, inspectorsPerTarget: 2 })).toThrow(
      expect.objectContaining({ code: 'SPOT_CHECK_PARAMS_INVALID' }),
    );
    expect(() => assertSpotCheckParams({ sampleRatioPercent: 101, inspectorsPerTarget: 2 })).toThrow();
    expect(() => assertSpotCheckParams({ sampleRatioPercent: 20, inspectorsPerTarget: 1 })).toThrow(
      /2至10人/,
    );
    expect(() => assertSpotCheckParams({ sampleRatioPercent: 20.5, inspectorsPerTarget: 2 })).toThrow();
    expect(() => assertSpotCheckParams({ sampleRatioPercent: 20, inspectorsPerTarget: 2 })).not.toThrow();
  });
});

describe('recusal (回避)', () => {
  it('recuses the same city [policy], the target’s own staff and a declared conflict, with codes only', () => {
    const t = target(1, { cityCode: '430200', creditCode: '52430200MJ0000001X' });
    const pool = [
      inspector(1, { cityCode: '430200' }),
      inspector(2, { cityCode: '430100', unitCreditCode: '52430200mj0000001x' }),
      inspector(3, {
        cityCode: '430100',
        conflicts: [{ creditCode: '52430200MJ0000001X', reason: '本人配偶在该校任教 张三 13800001111' }],
      }),
      inspector(4, { cityCode: '430300' }),
      inspector(5, { cityCode: '430200', active: false }),
    ];
    const recusals = spotCheckRecusals([t], pool, { sameCity: true });
    expect(recusals.map((r) => [r.inspectorCode, r.rule])).toEqual([
      ['DC0001', 'same_city'],
      ['DC0002', 'own_staff'],
      ['DC0003', 'declared_conflict'],
    ]);
    // The committed (public) reason is fixed by the rule: the inspector's own words stay internal.
    expect(JSON.stringify(recusals)).not.toMatch(/张三|13800001111|配偶/);
    // Same-city recusal is a policy: off, only the other rules apply.
    expect(spotCheckRecusals([t], pool, { sameCity: false }).map((r) => r.rule)).toEqual([
      'own_staff',
      'declared_conflict',
    ]);
  });

  it('recuses the remaining and the replaced panel members on a replacement draw', () => {
    const t = target(1, {
      cityCode: '430100',
      onPanelInspectorCodes: ['DC0002'],
      replacedInspectorCodes: ['DC0003'],
    });
    const pool = [inspector(2, { cityCode: '430200' }), inspector(3, { cityCode: '430300' })];
    expect(spotCheckRecusals([t], pool, { sameCity: true }).map((r) => [r.inspectorCode, r.rule])).toEqual([
      ['DC0002', 'on_panel'],
      ['DC0003', 'replaced'],
    ]);
  });
});

describe('the draw (双随机)', () => {
  const pools = freezeSpotCheckPools(TARGETS, INSPECTORS, { sameCity: true });

  it('is deterministic: same pools and seed → same targets and inspectors, whatever the input order', async () => {
    const a = await runSpotCheckDraw({ pools, sampleSize: 3, inspectorsPerTarget: 2, seed: SEED });
    const shuffled = freezeSpotCheckPools([...TARGETS].reverse(), [...INSPECTORS].reverse(), {
      sameCity: true,
    });
    const b = await runSpotCheckDraw({ pools: shuffled, sampleSize: 3, inspectorsPerTarget: 2, seed: SEED });
    expect(b).toEqual(a);
    expect(a.selected).toHaveLength(3);
    expect(a.notSelected).toHaveLength(9);
    expect(new Set([...a.selected.map((s) => s.applicationNumber), ...a.notSelected]).size).toBe(12);
  });

  it('follows the documented algorithm: targets by the seed, inspectors by sha256(seed:number)', async () => {
    const r = await runSpotCheckDraw({ pools, sampleSize: 3, inspectorsPerTarget: 2, seed: SEED });
    expect(r.selected.map((s) => s.applicationNumber)).toEqual(await drawSample(pools.targetPool, 3, SEED));
    for (const s of r.selected) {
      const derived = createHash('sha256').update(`${SEED}:${s.applicationNumber}`, 'utf8').digest('hex');
      expect(await spotCheckTargetSeed(SEED.toUpperCase(), s.applicationNumber)).toBe(derived);
      expect(s.inspectorCodes).toEqual(
        await drawSample(eligibleInspectorsFor(pools, s.applicationNumber), 2, derived),
      );
    }
  });

  it('never gives a target an inspector recused from it (200 seeds)', async () => {
    const recused = new Set(pools.recusals.map((r) => `${r.applicationNumber}|${r.inspectorCode}`));
    expect(recused.size).toBeGreaterThan(0);
    for (let i = 0; i < 200; i++) {
      const r = await runSpotCheckDraw({ pools, sampleSize: 12, inspectorsPerTarget: 3, seed: seedOf(i) });
      for (const s of r.selected) {
        expect(new Set(s.inspectorCodes).size).toBe(3);
        for (const c of s.inspectorCodes) expect(recused.has(`${s.applicationNumber}|${c}`)).toBe(false);
      }
    }
  });

  it('refuses, with the numbers, a pool that cannot give every target k inspectors after recusal', () => {
    // 9 inspectors, 3 per city: with same-city recusal each target has 6 eligible.
    expect(() => assertSpotCheckPoolSufficient(pools, 6)).not.toThrow();
    expect(() => assertSpotCheckPoolSufficient(pools, 7)).toThrow(
      expect.objectContaining({ code: 'SPOT_CHECK_POOL_TOO_SMALL', message: expect.stringMatching(/仅6人/) }),
    );
    return expect(
      runSpotCheckDraw({ pools, sampleSize: 1, inspectorsPerTarget: 7, seed: SEED }),
    ).rejects.toMatchObject({ code: 'SPOT_CHECK_POOL_TOO_SMALL' });
  });
});

describe('commitment and replay (一公开)', () => {
  const pools = freezeSpotCheckPools(TARGETS, INSPECTORS, { sameCity: true });

  it('commits to canonical hashes of both pools, the recusal lines and the seed', async () => {
    const c = await commitSpotCheck(pools, SEED);
    expect(c.algorithmVersion).toBe(SPOT_CHECK_ALGORITHM_VERSION);
    expect(c.targetPoolHash).toBe(await hashPool([...pools.targetPool].reverse()));
    expect(c.recusalHash).toBe(await hashPool(spotCheckRecusalLines(pools.recusals)));
    expect(c.seedHash).toBe(createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex'));
  });

  it('replays a published draw: every hash and the result match', async () => {
    const replay = await replaySpotCheckDraw(await record(pools, SEED));
    expect(replay.error).toBeNull();
    expect(replay.checks.map((c) => [c.key, c.ok])).toEqual([
      ['algorithmVersion', true],
      ['targetPoolHash', true],
      ['inspectorPoolHash', true],
      ['recusalHash', true],
      ['sampleSize', true],
      ['seedHash', true],
      ['result', true],
      ['recusedNotDrawn', true],
    ]);
    expect(replay.matches).toBe(true);
  });

  it('before the draw checks the pools against the commitment and leaves seed and result open', async () => {
    const r = { ...(await record(pools, SEED)), seed: null, result: null };
    const replay = await replaySpotCheckDraw(r);
    expect(replay.matches).toBe(true);
    expect(replay.checks.find((c) => c.key === 'seedHash')!.ok).toBeNull();
    expect(replay.checks.find((c) => c.key === 'result')!.ok).toBeNull();
  });

  it('changing one pool entry changes the pool hash, so the published commitment no longer matches', async () => {
    const published = await record(pools, SEED);
    const swapped = published.inspectorPool.map((c) => (c === 'DC0004' ? 'DC0099' : c));
    expect(await hashPool(swapped)).not.toBe(published.inspectorPoolHash);
    const replay = await replaySpotCheckDraw({ ...published, inspectorPool: swapped });
    expect(replay.matches).toBe(false);
    expect(replay.checks.filter((c) => c.ok === false).map((c) => c.key)).toContain('inspectorPoolHash');

    const fewerTargets = published.targetPool.slice(1);
    const t = await replaySpotCheckDraw({ ...published, targetPool: fewerTargets });
    expect(t.checks.find((c) => c.key === 'targetPoolHash')!.ok).toBe(false);
    expect(t.matches).toBe(false);
  });

  it('detects a different seed, an edited result, a dropped recusal and a wrong sample size', async () => {
    const published = await record(pools, SEED);
    const seed = await replaySpotCheckDraw({ ...published, seed: seedOf(1) });
    expect(seed.checks.filter((c) => c.ok === false).map((c) => c.key)).toContain('seedHash');

    const first = published.result!.selected[0]!;
    const other = eligibleInspectorsFor(pools, first.applicationNumber).find(
      (c) => !first.inspectorCodes.includes(c),
    )!;
    const edited = {
      ...published.result!,
      selected: [
        { ...first, inspectorCodes: [other, first.inspectorCodes[1]!] },
        ...published.result!.selected.slice(1),
      ],
    };
    const e = await replaySpotCheckDraw({ ...published, result: edited });
    expect(e.checks.find((c) => c.key === 'result')!.ok).toBe(false);
    expect(e.matches).toBe(false);

    const dropped = await replaySpotCheckDraw({ ...published, recusals: published.recusals.slice(1) });
    expect(dropped.checks.find((c) => c.key === 'recusalHash')!.ok).toBe(false);

    const size = await replaySpotCheckDraw({ ...published, sampleSize: published.sampleSize + 1 });
    expect(size.checks.find((c) => c.key === 'sampleSize')!.ok).toBe(false);
  });

  it('flags a result that names an inspector recused from its target', async () => {
    const published = await record(pools, SEED);
    const first = published.result!.selected[0]!;
    const recused = published.recusals.find((r) => r.applicationNumber === first.applicationNumber)!;
    const forged = {
      ...published.result!,
      selected: [{ ...first, inspectorCodes: [recused.inspectorCode, first.inspectorCodes[1]!] }],
    };
    const replay = await replaySpotCheckDraw({ ...published, result: forged });
    expect(replay.checks.find((c) => c.key === 'recusedNotDrawn')!.ok).toBe(false);
    expect(replay.matches).toBe(false);
  });
});
