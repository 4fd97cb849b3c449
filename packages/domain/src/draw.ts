/**
 * 双随机、一公开 — the verifiable draw (Draw), docs/domain.md §6, used by spot checks (R11, 通知 §五(三)) and
 * by the city's expert draw.
 *
 * Why deterministic: the seed's hash is published before drawing and the seed after, so anyone can
 * replay the draw from the public page with this same code (Web Crypto exists in Node 20 and browsers).
 *
 * Algorithm 'sha256-ctr-fy-v1' (changing any step needs a new version; stored draws name theirs):
 *  1. Pool: the entries (codes, never names) sorted by UTF-16 code units — the order they were given
 *     in does not matter, only the set, which is what {@link hashPool} commits to. Duplicates refused.
 *  2. Byte stream: block_c = SHA-256(seedBytes ‖ uint32_be(c)) for c = 0, 1, 2, …; each block is read
 *     as 8 big-endian uint32 words, in order.
 *  3. Uniform integer in [0, m): take words x until x < m·⌊2³²/m⌋ (rejection sampling, no modulo
 *     bias); the result is x mod m.
 *  4. Fisher–Yates: for i = n−1 down to 1, j = uniform(i+1), swap(i, j).
 *  5. A sample of k is the first k entries of the shuffled pool.
 */
import { invalid } from './errors';

export const ALGORITHM_VERSION = 'sha256-ctr-fy-v1';

/** 128 bits at least: a shorter seed could be found by trying all values against the commitment. */
export const MIN_SEED_HEX_LENGTH = 32;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('Web Crypto (globalThis.crypto.subtle) is not available');
  return s;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

/** SHA-256 of the UTF-8 text, lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await sha256(new TextEncoder().encode(text)));
}

/** Canonical pool hash published in the commitment: SHA-256 of the entries sorted and joined by '\n'. */
export async function hashPool(entries: string[]): Promise<string> {
  return sha256Hex(canonicalPool(entries).join('\n'));
}

/** The seed commitment published before the draw: SHA-256 over the seed's bytes (not its hex text). */
export async function hashSeed(seedHex: string): Promise<string> {
  return toHex(await sha256(parseSeed(seedHex)));
}

/** Validates and decodes the seed; `DRAW_SEED_INVALID` when not even-length hex of ≥ 128 bits. */
export function parseSeed(seedHex: string): Uint8Array<ArrayBuffer> {
  const hex = String(seedHex ?? '').trim();
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex) || hex.length < MIN_SEED_HEX_LENGTH) {
    throw invalid('DRAW_SEED_INVALID', `随机种子应为至少${MIN_SEED_HEX_LENGTH}位的十六进制字符串`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** The pool as the algorithm sees it: sorted copy; refuses duplicates with `DRAW_POOL_DUPLICATE`. */
export function canonicalPool(entries: string[]): string[] {
  const sorted = [...entries].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw invalid('DRAW_POOL_DUPLICATE', `抽取范围中"${sorted[i]}"重复出现，请检查名单`);
    }
  }
  return sorted;
}

/** The seeded random source of steps 2–3, exposed so the public replay page can show its work. */
export interface SeededRandom {
  nextUint32(): Promise<number>;
  /** Uniform integer in [0, m), 1 ≤ m ≤ 2³². */
  nextInt(m: number): Promise<number>;
}

export function createSeededRandom(seedHex: string): SeededRandom {
  const seed = parseSeed(seedHex);
  let counter = 0;
  let words: number[] = [];

  async function nextUint32(): Promise<number> {
    if (words.length === 0) {
      const input = new Uint8Array(seed.length + 4);
      input.set(seed);
      new DataView(input.buffer).setUint32(seed.length, counter, false);
      counter += 1;
      const block = await sha256(input);
      const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
      words = Array.from({ length: 8 }, (_, i) => view.getUint32(4 * i, false));
    }
    return words.shift() as number;
  }

  async function nextInt(m: number): Promise<number> {
    if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError(`nextInt bound ${m} out of range`);
    const limit = m * Math.floor(2 ** 32 / m);
    for (;;) {
      const x = await nextUint32();
      if (x < limit) return x % m;
    }
  }

  return { nextUint32, nextInt };
}

/** The whole pool in drawn order (steps 1–4). Same set + same seed → same order, everywhere. */
export async function seededShuffle(items: string[], seedHex: string): Promise<string[]> {
  const pool = canonicalPool(items);
  const random = createSeededRandom(seedHex);
  for (let i = pool.length - 1; i >= 1; i--) {
    const j = await random.nextInt(i + 1);
    const a = pool[i] as string;
    pool[i] = pool[j] as string;
    pool[j] = a;
  }
  return pool;
}

/**
 * The first `k` of the shuffled pool (step 5). `DRAW_SAMPLE_TOO_LARGE` when k exceeds the pool,
 * `DRAW_SAMPLE_INVALID` when k is not a non-negative integer.
 */
export async function drawSample(items: string[], k: number, seedHex: string): Promise<string[]> {
  if (!Number.isInteger(k) || k < 0) {
    throw invalid('DRAW_SAMPLE_INVALID', `抽取数量应为非负整数，当前为"${k}"`);
  }
  if (k > items.length) {
    throw invalid('DRAW_SAMPLE_TOO_LARGE', `抽取数量${k}超过了抽取范围的${items.length}个`);
  }
  return (await seededShuffle(items, seedHex)).slice(0, k);
}
