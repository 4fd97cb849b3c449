/** The bench harness: what a bench receives, seeded randomness, and latency measurement. */
import type { Database } from '../src/db/client';
import type { AppInstance } from '../src/http/app-types';

// ---------------------------------------------------------------- harness

export interface Session {
  get(url: string): Promise<{ statusCode: number; body: string }>;
}

export interface BenchContext {
  driver: 'pglite' | 'postgres';
  app: AppInstance;
  database: Database;
  login(username: string): Promise<Session>;
  /** Deterministic randomness, so runs are comparable. */
  random: () => number;
}

export interface Bench {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export interface LatencyReport {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

/** Runs `task` for each input, `concurrency` at a time; latencies in ms and throughput. */
export async function measure<T>(
  inputs: readonly T[],
  task: (input: T) => Promise<void>,
  concurrency = 1,
): Promise<LatencyReport> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        const t = performance.now();
        await task(input);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    n: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    perSecond: (latencies.length / elapsed) * 1000,
  };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
export function printLatency(label: string, r: LatencyReport): void {
  console.log(
    `  ${label.padEnd(34)} n=${r.n}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  ${r.perSecond.toFixed(0)} req/s`,
  );
}
