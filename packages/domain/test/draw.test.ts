import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ALGORITHM_VERSION,
  createSeededRandom,
  drawSample,
  hashPool,
  hashSeed,
  seededShuffle,
  sha256Hex,
} from '../src/draw';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const POOL = Array.from({ length: 20 }, (_, i) => `SC-2026-${String(i + 1).padStart(3, '0')}`);

/** The documented SHA-256 counter-mode word stream, on node:crypto. */
function referenceWords(seedHex: string): () => number {
  const seed = Buffer.from(seedHex, 'hex');
  const words: number[] = [];
  let counter = 0;
  return () => {
    if (words.length === 0) {
      const c = Buffer.alloc(4);
      c.writeUInt32BE(counter++);
      const block = createHash('sha256')
        .update(Buffer.concat([seed, c]))
        .digest();
      for (let i = 0; i < 32; i += 4) words.push(block.readUInt32BE(i));
    }
    return words.shift()!;
  };
}

/** An independent implementation of the documented algorithm, on node:crypto, to replay against. */
function referenceShuffle(items: string[], seedHex: string): string[] {
  const next = referenceWords(seedHex);
  const a = [...items].sort();
  for (let i = a.length - 1; i >= 1; i--) {
    const m = i + 1;
    const limit = m * Math.floor(2 ** 32 / m);
    let x = next();
    while (x >= limit) x = next();
    const j = x % m;
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const seedFor = (i: number) => createHash('sha256').update(`seed-${i}`).digest('hex');

describe('sha256Hex / hashPool / hashSeed', () => {
  it('matches the NIST test vector for "abc" and hashes UTF-8', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('湖南')).toBe(createHash('sha256').update('湖南', 'utf8').digest('hex'));
  });

  it('hashPool is canonical: sorted and joined by \\n, independent of input order', async () => {
    expect(await hashPool(['B', 'A', 'C'])).toBe(await sha256Hex('A\nB\nC'));
    expect(await hashPool(['C', 'A', 'B'])).toBe(await hashPool(['A', 'B', 'C']));
    expect(await hashPool(['A', 'B'])).not.toBe(await hashPool(['A', 'B', 'C']));
  });

  it('hashSeed commits to the seed bytes', async () => {
    expect(await hashSeed(SEED)).toBe(createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex'));
    expect(await hashSeed(SEED.toUpperCase())).toBe(await hashSeed(SEED));
  });
});

describe(`seededShuffle (${ALGORITHM_VERSION})`, () => {
  it('names its algorithm version (stored with every draw)', () => {
    expect(ALGORITHM_VERSION).toBe('sha256-ctr-fy-v1');
  });

  it('replays: same seed and pool → same order, whatever the input order', async () => {
    const a = await seededShuffle(POOL, SEED);
    const b = await seededShuffle([...POOL].reverse(), SEED);
    expect(b).toEqual(a);
    expect([...a].sort()).toEqual([...POOL].sort());
  });

  it('keeps a frozen result for a fixed seed (a change here needs a new ALGORITHM_VERSION)', async () => {
    expect(await drawSample(POOL, 5, SEED)).toEqual([
      'SC-2026-010',
      'SC-2026-005',
      'SC-2026-011',
      'SC-2026-009',
      'SC-2026-014',
    ]);
  });

  it('agrees with an independent node:crypto implementation of the published algorithm', async () => {
    for (let i = 0; i < 50; i++) {
      const pool = POOL.slice(0, 1 + (i % POOL.length));
      expect(await seededShuffle(pool, seedFor(i))).toEqual(referenceShuffle(pool, seedFor(i)));
    }
  });

  it('rejects words above the largest multiple of m, so large bounds are not biased', async () => {
    const m = 2 ** 31 + 1; // about half of all words are rejected
    const next = referenceWords(SEED);
    const random = createSeededRandom(SEED);
    let rejected = 0;
    for (let i = 0; i < 40; i++) {
      let x = next();
      while (x >= m) {
        x = next();
        rejected += 1;
      }
      expect(await random.nextInt(m)).toBe(x);
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('a different seed gives a different order', async () => {
    const a = await seededShuffle(POOL, SEED);
    const b = await seededShuffle(POOL, seedFor(1));
    expect(b).not.toEqual(a);
  });

  it('is roughly uniform: each entry lands first about 1/n of the time', async () => {
    const pool = ['A', 'B', 'C', 'D', 'E'];
    const firsts = new Map<string, number>(pool.map((p) => [p, 0]));
    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      const [first] = await seededShuffle(pool, seedFor(i));
      firsts.set(first!, (firsts.get(first!) ?? 0) + 1);
    }
    for (const count of firsts.values()) {
      expect(count).toBeGreaterThan(runs / 5 - 100); // expected 400, σ ≈ 18
      expect(count).toBeLessThan(runs / 5 + 100);
    }
  });

  it.each([
    ['too short', '00112233'],
    ['odd length', `${SEED}0`],
    ['not hex', SEED.replace('a', 'g')],
  ])('refuses a seed that is %s with DRAW_SEED_INVALID', async (_label, seed) => {
    await expect(seededShuffle(POOL, seed)).rejects.toMatchObject({ code: 'DRAW_SEED_INVALID' });
  });

  it('refuses a pool with a duplicate entry', async () => {
    await expect(seededShuffle(['A', 'B', 'A'], SEED)).rejects.toMatchObject({ code: 'DRAW_POOL_DUPLICATE' });
  });

  it('handles empty and single-entry pools', async () => {
    expect(await seededShuffle([], SEED)).toEqual([]);
    expect(await seededShuffle(['only'], SEED)).toEqual(['only']);
  });
});

describe('drawSample', () => {
  it('is the first k of the shuffled pool, without repeats', async () => {
    const sample = await drawSample(POOL, 6, SEED);
    expect(sample).toEqual((await seededShuffle(POOL, SEED)).slice(0, 6));
    expect(new Set(sample).size).toBe(6);
  });

  it('draws the whole pool when k = n, nothing when k = 0', async () => {
    expect([...(await drawSample(POOL, 20, SEED))].sort()).toEqual([...POOL].sort());
    expect(await drawSample(POOL, 0, SEED)).toEqual([]);
  });

  it('refuses k > n with DRAW_SAMPLE_TOO_LARGE and a Chinese message', async () => {
    await expect(drawSample(['A', 'B'], 3, SEED)).rejects.toMatchObject({
      code: 'DRAW_SAMPLE_TOO_LARGE',
      message: '抽取数量3超过了抽取范围的2个',
    });
  });

  it.each([-1, 1.5, Number.NaN])('refuses k = %s with DRAW_SAMPLE_INVALID', async (k) => {
    await expect(drawSample(POOL, k, SEED)).rejects.toMatchObject({ code: 'DRAW_SAMPLE_INVALID' });
  });
});
