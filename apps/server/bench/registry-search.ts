/**
 * `npm run bench -- registry-search`: the public 评价机构名录 at scale (通知第五条第五款, docs/domain.md §7). Loads 100k filed bodies
 * with ~1M filed scope items — names generated in memory from a few hundred characters (so 1–2
 * character queries match realistic fractions), inserted with multi-row SQL; the scope items generated
 * by INSERT … SELECT over generate_series; the bodies' search arrays computed from them in one UPDATE —
 * and the narrow search tables filled from them the way refreshRegistryBodies fills them — then
 * measures, over a real socket (keep-alive HTTP, the same client for both):
 *
 *   - GET /api/public/registry with a realistic query mix (1-character name, 2-character name, longer
 *     name, credit code, occupation + level, city + status, paging), sequentially (latency) and with
 *     N concurrent requests (throughput);
 *   - a bare Fastify route doing one indexed primary-key query (one registry_bodies row by credit
 *     code), the same way;
 *
 * and prints p50/p99, requests/s and the ratio of the two (goals: search p99 < 20 ms on PostgreSQL,
 * search throughput ≥ 80 % of the bare route).
 *
 *   BENCH_REGISTRY_BODIES=100000  BENCH_REGISTRY_REQUESTS=2000  BENCH_REGISTRY_CONCURRENCY=16
 */
import http from 'node:http';
import Fastify from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { registryBodies } from '../src/db/schema';
import type { Bench, LatencyReport } from './harness';
import {
  BRAND,
  CITIES,
  INDUSTRY,
  load,
  PLACES,
  SUFFIX_ENTERPRISE,
  SUFFIX_OTHER,
  SUFFIX_SCHOOL,
  type Body,
} from './registry-data';

type Kind =
  | 'name, 1 char'
  | 'name, 2 chars'
  | 'name, 3–5 chars'
  | 'credit code (exact / prefix)'
  | 'occupation + level (+ mode)'
  | 'city (+ status)'
  | 'paging (pages 2–50)';

/** Weights of a public registry's traffic: mostly names, then codes and filters. */
const WEIGHTS: [Kind, number][] = [
  ['name, 1 char', 15],
  ['name, 2 chars', 25],
  ['name, 3–5 chars', 15],
  ['credit code (exact / prefix)', 15],
  ['occupation + level (+ mode)', 10],
  ['city (+ status)', 10],
  ['paging (pages 2–50)', 10],
];

interface Query {
  kind: Kind;
  url: string;
}

/**
 * Query generator. `fresh()` returns a query never returned before by this generator (cold: no cache
 * can answer it); the 1–2 character names are drawn both from real names and at random from the
 * generator's character set (most random pairs match nothing, as mistyped searches do).
 */
function queryGenerator(bodies: Body[], occupationCodes: string[], random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const substring = (name: string, len: number) => {
    const chars = [...name];
    const start = Math.floor(random() * Math.max(1, chars.length - len + 1));
    return chars.slice(start, start + len).join('');
  };
  const charset = [
    ...new Set([
      ...BRAND,
      ...[...PLACES, ...INDUSTRY, ...SUFFIX_ENTERPRISE, ...SUFFIX_SCHOOL, ...SUFFIX_OTHER].join(''),
    ]),
  ];
  const levels = ['level5', 'level4', 'level3', 'level2', 'level1'];
  const modes = ['enterprise_self', 'school_self', 'social'];
  const statuses = ['filed', 'filed', 'filed', 'suspended', 'revoked'];
  const page = () => (random() < 0.7 ? 1 : 2 + Math.floor(random() * 4));
  const make: Record<Kind, () => string> = {
    'name, 1 char': () =>
      `name=${encodeURIComponent(random() < 0.5 ? substring(pick(bodies).name, 1) : pick(charset))}&page=${page()}`,
    'name, 2 chars': () =>
      `name=${encodeURIComponent(random() < 0.6 ? substring(pick(bodies).name, 2) : pick(charset) + pick(charset))}&page=${page()}`,
    'name, 3–5 chars': () =>
      `name=${encodeURIComponent(substring(pick(bodies).name, 3 + Math.floor(random() * 3)))}`,
    'credit code (exact / prefix)': () => {
      const code = pick(bodies).creditCode;
      return `creditCode=${random() < 0.5 ? code : code.slice(0, 6 + Math.floor(random() * 12))}&page=${page()}`;
    },
    'occupation + level (+ mode)': () =>
      `occupationCode=${pick(occupationCodes)}&level=${pick(levels)}${random() < 0.3 ? `&mode=${pick(modes)}` : ''}&page=${page()}`,
    'city (+ status)': () =>
      `cityCode=${pick(CITIES)}${random() < 0.5 ? `&status=${pick(statuses)}` : ''}&page=${1 + Math.floor(random() * 20)}`,
    'paging (pages 2–50)': () =>
      random() < 0.5
        ? `page=${2 + Math.floor(random() * 49)}&status=${pick(statuses)}`
        : `cityCode=${pick(CITIES)}&page=${2 + Math.floor(random() * 49)}`,
  };
  const sum = WEIGHTS.reduce((a, [, w]) => a + w, 0);
  const seen = new Set<string>();
  const any = (): Query => {
    let r = random() * sum;
    const kind = WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'name, 2 chars';
    return { kind, url: `/api/public/registry?${make[kind]()}&pageSize=20` };
  };
  return {
    any,
    fresh(): Query {
      for (;;) {
        const q = any();
        if (seen.has(q.url)) continue;
        seen.add(q.url);
        return q;
      }
    },
  };
}

/** Keep-alive HTTP GET over a real socket. */
function client(port: number, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return (path: string) =>
    new Promise<{ status: number; body: string; cache?: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            cache: res.headers['x-registry-cache'] as string | undefined,
          }),
        );
      });
      req.on('error', reject);
    });
}

export function registrySearchBench(deps: {
  measure: <T>(
    inputs: readonly T[],
    task: (input: T) => Promise<void>,
    concurrency?: number,
  ) => Promise<LatencyReport>;
  printLatency: (label: string, r: LatencyReport) => void;
}): Bench {
  return {
    name: 'registry-search',
    description: 'GET /api/public/registry over 100k bodies / 1M scope items vs a bare Fastify PK route',
    async run(ctx) {
      const total = Number(process.env.BENCH_REGISTRY_BODIES ?? 100_000);
      const requests = Number(process.env.BENCH_REGISTRY_REQUESTS ?? 2000);
      const concurrency = Number(process.env.BENCH_REGISTRY_CONCURRENCY ?? 16);
      const bodies = await load(ctx, total);
      const occ = (await ctx.database.db.execute(
        sql`select distinct occupation_code as code from filings order by 1`,
      )) as unknown as { rows: { code: string }[] };
      const gen = queryGenerator(
        bodies,
        occ.rows.map((r) => r.code),
        ctx.random,
      );
      // Cold: three disjoint sets of queries never asked before (warm-up, sequential, concurrent).
      const coldWarmUp = Array.from({ length: 300 }, () => gen.fresh());
      const coldSeq = Array.from({ length: requests }, () => gen.fresh());
      const coldCon = Array.from({ length: requests }, () => gen.fresh());
      // Warm: the public asks the same questions again — 300 queries drawn from the same mix, asked
      // with Zipf-like frequencies (the k-th most popular about 1/k as often as the first).
      const popular = Array.from({ length: 300 }, () => gen.any());
      const zipf = popular.map((_, k) => 1 / (k + 1));
      const zipfSum = zipf.reduce((a, b) => a + b, 0);
      const drawPopular = () => {
        let r = ctx.random() * zipfSum;
        return popular[zipf.findIndex((w) => (r -= w) < 0)] ?? popular[0]!;
      };
      const warm = Array.from({ length: requests }, drawPopular);

      // Another bench of this run may have started listening already.
      if (!ctx.app.server.listening) await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const appPort = (ctx.app.server.address() as { port: number }).port;
      const bare = Fastify();
      const db = ctx.database.db;
      bare.get<{ Params: { code: string } }>('/bare/:code', async (request) => {
        const [row] = await db
          .select()
          .from(registryBodies)
          .where(eq(registryBodies.creditCode, request.params.code));
        return row ?? null;
      });
      await bare.listen({ port: 0, host: '127.0.0.1' });
      const barePort = (bare.server.address() as { port: number }).port;
      try {
        const app = client(appPort, concurrency);
        const bareGet = client(barePort, concurrency);
        const pkUrls = Array.from(
          { length: requests },
          () => `/bare/${bodies[Math.floor(ctx.random() * bodies.length)]!.creditCode}`,
        );
        const cache = { hit: 0, miss: 0 };
        const byKind = new Map<Kind, number[]>();
        let recordKinds = false;
        const searchTask = async ({ kind, url }: Query) => {
          const t = performance.now();
          const res = await app(url);
          if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.body}`);
          if (res.cache === 'hit') cache.hit += 1;
          else cache.miss += 1;
          if (recordKinds) byKind.set(kind, [...(byKind.get(kind) ?? []), performance.now() - t]);
        };
        const bareTask = async (url: string) => {
          const res = await bareGet(url);
          if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.body}`);
        };
        const run = async (label: string, inputs: readonly Query[], c: number) => {
          cache.hit = cache.miss = 0;
          const r = await deps.measure(inputs, searchTask, c);
          deps.printLatency(label, r);
          console.log(`  ${''.padEnd(34)} cache hits ${cache.hit} / ${cache.hit + cache.miss}`);
          return r;
        };
        // Warm-up of plans, JIT and connections — with queries none of the measured runs asks.
        await deps.measure(coldWarmUp, searchTask, concurrency);
        await deps.measure(pkUrls.slice(0, 300), bareTask, concurrency);

        console.log(
          `  ${requests} requests per run; concurrency ${concurrency}; pageSize 20; real socket, keep-alive`,
        );
        const bareSeq = await deps.measure(pkUrls, bareTask, 1);
        deps.printLatency('bare PK route, sequential', bareSeq);
        const bareCon1 = await deps.measure(pkUrls, bareTask, concurrency);
        deps.printLatency(`bare PK route, ${concurrency} concurrent`, bareCon1);

        recordKinds = true;
        const coldS = await run('COLD search (never asked), sequential', coldSeq, 1);
        recordKinds = false;
        const coldC = await run(`COLD search, ${concurrency} concurrent`, coldCon, concurrency);
        // Fill the cache with the popular queries (each asked once), then measure the repeated mix.
        await deps.measure(popular, searchTask, concurrency);
        const warmS = await run('WARM search (repeated mix), sequential', warm, 1);
        const warmC = await run(`WARM search, ${concurrency} concurrent`, warm, concurrency);

        const bareCon2 = await deps.measure(pkUrls, bareTask, concurrency);
        deps.printLatency(`bare PK route, ${concurrency} concurrent (again)`, bareCon2);
        const bareRate = (bareCon1.perSecond + bareCon2.perSecond) / 2;

        console.log('  cold, by kind (sequential):');
        for (const [kind] of WEIGHTS) {
          const l = (byKind.get(kind) ?? []).sort((a, b) => a - b);
          if (l.length === 0) continue;
          const p = (q: number) => l[Math.min(l.length - 1, Math.ceil(q * l.length) - 1)]!.toFixed(2);
          console.log(`    ${kind.padEnd(32)} n=${l.length}  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms`);
        }
        const pct = (v: number) => `${((v / bareRate) * 100).toFixed(0)} %`;
        console.log(
          `  bare PK throughput (mean of the two runs): ${bareRate.toFixed(0)} req/s\n` +
            `  COLD: p50 ${coldS.p50.toFixed(1)} ms, p99 ${coldS.p99.toFixed(1)} ms sequential (goal < 20 ms); ` +
            `${coldC.perSecond.toFixed(0)} req/s = ${pct(coldC.perSecond)} of bare (goal ≥ 80 %)\n` +
            `  WARM: p50 ${warmS.p50.toFixed(1)} ms, p99 ${warmS.p99.toFixed(1)} ms sequential (goal < 20 ms); ` +
            `${warmC.perSecond.toFixed(0)} req/s = ${pct(warmC.perSecond)} of bare (goal ≥ 80 %)`,
        );
      } finally {
        await bare.close();
      }
    },
  };
}
