import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commitSpotCheck, freezeSpotCheckPools } from '../../src/province/spot-check-draw';
import { spotCheckHashInputs } from '../../src/province/spot-check-hash-inputs';
import type { PoolInspector, SpotCheckTarget } from '../../src/province/spot-check-recusal';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const target = (n: number, cityCode: string): SpotCheckTarget => ({
  applicationNumber: `SQ2026-${String(n).padStart(6, '0')}`,
  cityCode,
  creditCode: `52430000MJ${String(n).padStart(7, '0')}X`,
});
const inspector = (n: number, cityCode: string): PoolInspector => ({
  code: `DC${String(n).padStart(4, '0')}`,
  cityCode,
  unitCreditCode: null,
  conflicts: [],
  active: true,
});
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the bytes behind every public hash (一公开)', () => {
  const pools = freezeSpotCheckPools(
    [target(2, '430100'), target(1, '430200')],
    [inspector(1, '430100'), inspector(2, '430300'), inspector(3, '430300')],
    { sameCity: true },
  );

  it('offers for each hash the exact bytes that hash to the published value, with the rule codes', async () => {
    const c = await commitSpotCheck(pools, SEED);
    const inputs = spotCheckHashInputs({ ...pools, ...c, seed: SEED }, 'CC2026-01');
    expect(inputs.map((i) => i.key)).toEqual([
      'targetPoolHash',
      'inspectorPoolHash',
      'recusalHash',
      'seedHash',
    ]);
    for (const i of inputs) expect(sha(i.bytes!), i.key).toBe(i.hash);
    const recusals = new TextDecoder().decode(inputs[2]!.bytes!);
    // Hashed with the rule code, not the label the page shows; the form names both.
    expect(recusals).toContain('"same_city"');
    expect(recusals).not.toContain('同一市州');
    expect(inputs[2]!.form).toContain('same_city＝同一市州');
    expect(new TextDecoder().decode(inputs[0]!.bytes!)).toBe('SQ2026-000001\nSQ2026-000002');
  });

  it('offers no seed bytes while the seed is secret', async () => {
    const c = await commitSpotCheck(pools, SEED);
    const seed = spotCheckHashInputs({ ...pools, ...c, seed: null }, 'CC2026-01').find(
      (i) => i.key === 'seedHash',
    )!;
    expect(seed.bytes).toBeNull();
    expect(seed.form).toContain('原始字节');
  });
});
