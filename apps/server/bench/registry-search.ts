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
import { nameTokens } from '@skillcert/domain';
import { registryBodies } from '../src/db/schema';
import type { Bench, BenchContext, LatencyReport } from './run';

const CITIES = [
  '430100',
  '430200',
  '430300',
  '430400',
  '430500',
  '430600',
  '430700',
  '430800',
  '430900',
  '431000',
  '431100',
  '431200',
  '431300',
  '433100',
];
const PLACES = [
  '长沙',
  '株洲',
  '湘潭',
  '衡阳',
  '邵阳',
  '岳阳',
  '常德',
  '张家界',
  '益阳',
  '郴州',
  '永州',
  '怀化',
  '娄底',
  '湘西',
  '浏阳',
  '醴陵',
  '宁乡',
  '湘乡',
  '韶山',
  '耒阳',
  '冷水江',
  '涟源',
  '津市',
  '沅江',
  '汨罗',
  '临湘',
  '武冈',
  '洪江',
  '吉首',
  '资兴',
  '攸县',
  '茶陵',
  '炎陵',
  '衡山',
  '祁阳',
  '道县',
  '新化',
  '双峰',
  '安化',
  '桃江',
  '石门',
  '澧县',
  '慈利',
  '桑植',
  '湖南',
];
/** Characters of brand names (字号): a few hundred, as Hunan company names use them. */
const BRAND = [
  ...new Set(
    '华兴中联达盛泰鑫宏远安通顺恒丰源隆昌泽瑞祥福德信诚和润康宁新天众创立元博高峰嘉美佳星辰光明金银铁钢湘江楚南岳麓洞庭芙蓉潇三一九五百千万方圆东西北宇航海云山川林森水火土石玉龙凤鹏飞腾跃振夏神州大成永久长青松柏竹梅兰菊晨曦朝阳晓旭日月汉唐宋清正荣富强民生国泰宝利亿豪威力精匠艺智慧科研进步先锋拓铸锻焊仪表配船舶轨道交筑装饰纺织服皮革粮油农牧渔医药卫化塑胶橡玻璃陶瓷泥冶矿燃气热环保节物流仓储邮快递软网数端造备株潭衡邵常益郴怀娄吉资攸茶炎祁道双桃澧慈沅汨临武洪冷涟津韶耒浏醴宁乡望城开福芙雨花天心岳汇谷坪河湾洲港桥园村镇新城城南北辰红星东方启明晨光辉耀卓越优胜领先锐达力行致远鼎立汇通合众协和同创共赢振业'.split(
      '',
    ),
  ),
];
const INDUSTRY = [
  '机械',
  '电子',
  '科技',
  '汽车',
  '钢铁',
  '建设',
  '化工',
  '纺织',
  '食品',
  '医药',
  '能源',
  '电气',
  '材料',
  '智能',
  '装备',
  '物流',
  '建材',
  '信息',
  '轨道',
  '船舶',
  '航空',
  '冶金',
  '电力',
  '环保',
  '农业',
  '陶瓷',
  '烟花',
  '工程',
  '精密',
  '数控',
  '焊接',
  '铸造',
  '服装',
  '家居',
  '光电',
  '新能源',
  '通信',
  '汽配',
];
const SUFFIX_ENTERPRISE = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司', '制造有限公司'];
const SUFFIX_SCHOOL = ['技工学校', '职业技术学院', '技师学院', '职业学校', '职业中等专业学校'];
const SUFFIX_OTHER = ['职业技能培训中心', '职业技能评价中心', '行业协会', '培训学校'];
const LEVEL_SETS = [
  'level5,level4,level3',
  'level5,level4',
  'level4,level3,level2',
  'level5',
  'level3,level2,level1',
  'level5,level4,level3,level2,level1',
];

interface Body {
  creditCode: string;
  name: string;
  cityCode: string;
  kind: 0 | 1 | 2;
  itemCount: number;
}

function generateBodies(n: number, random: () => number): Body[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const bodies: Body[] = [];
  const seen = new Set<string>();
  for (let i = 1; bodies.length < n; i++) {
    const cityCode = CITIES[Math.floor(random() ** 1.6 * CITIES.length)]!; // more in 长沙, 株洲, 湘潭
    const r = random();
    const kind: 0 | 1 | 2 = r < 0.7 ? 0 : r < 0.9 ? 1 : 2;
    const brand = pick(BRAND) + pick(BRAND) + (random() < 0.3 ? pick(BRAND) : '');
    const place = random() < 0.75 ? pick(PLACES) + (random() < 0.3 ? '市' : '') : '';
    const name =
      kind === 0
        ? `${place}${brand}${pick(INDUSTRY)}${pick(SUFFIX_ENTERPRISE)}`
        : kind === 1
          ? `${place}${brand}${random() < 0.5 ? pick(INDUSTRY) : ''}${pick(SUFFIX_SCHOOL)}`
          : `${place}${brand}${pick(INDUSTRY)}${pick(SUFFIX_OTHER)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const prefix = kind === 0 ? '91' : kind === 1 ? '52' : '51';
    bodies.push({
      creditCode: `${prefix}${cityCode}MA4${String(i).padStart(7, '0')}`,
      name,
      cityCode,
      kind,
      // 1–19 scope items, 10 on average: ~1M in all for 100k bodies.
      itemCount: 1 + Math.floor(random() * 19),
    });
  }
  return bodies;
}

export async function load(ctx: BenchContext, total: number): Promise<Body[]> {
  const db = ctx.database.db;
  const t0 = performance.now();
  const bodies = generateBodies(total, ctx.random);
  const text = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;
  for (let i = 0; i < bodies.length; i += 1000) {
    const part = bodies.slice(i, i + 1000);
    await db.execute(sql`
      insert into registry_bodies (credit_code, name, city_code, supervising_city_code, sequence_code, status,
        name_tokens, occupation_codes, levels, modes, item_count, first_filed_on, updated_at)
      values ${sql.join(
        part.map(
          (b, k) => sql`(${b.creditCode}, ${b.name}, ${b.cityCode}, ${b.cityCode},
            ${String(i + k + 1).padStart(6, '0')},
            ${(i + k) % 50 === 0 ? 'suspended' : (i + k) % 97 === 0 ? 'revoked' : 'filed'},
            ${text(nameTokens(b.name))}::text[], '{}'::text[], '{}'::text[], '{}'::text[], ${b.itemCount},
            date '2023-01-01' + ${(i + k) % 900}::int, now())`,
        ),
        sql`, `,
      )}`);
  }
  const t1 = performance.now();
  // Filed scope items: distinct occupations per body (stride 7919, a prime, through the skill
  // occupations of 大典 categories 4–6), the mode by the body's kind, a level set.
  await db.execute(sql`
    with occ as (
      select array_agg(code order by code) as codes, count(*)::int as n
      from occupations where level = 'occupation' and major_category in (4, 5, 6)
    )
    insert into filings (organization_name, credit_code, city_code, occupation_code, job_name, mode, levels,
      effective_date, supervising_city_code, status, source, source_note)
    select b.name, b.credit_code, b.city_code,
           occ.codes[1 + ((abs(hashtext(b.credit_code)::bigint) + k * 7919) % occ.n)],
           '',
           case when substr(b.credit_code, 1, 2) = '51' or k % 3 = 0 then 'social'
                when substr(b.credit_code, 1, 2) = '52' then 'school_self'
                else 'enterprise_self' end,
           string_to_array((array[${sql.join(
             LEVEL_SETS.map((l) => sql`${l}`),
             sql`, `,
           )}])[1 + ((abs(hashtext(b.credit_code)::bigint) + k) % ${LEVEL_SETS.length})], ','),
           b.first_filed_on, b.city_code, 'filed', 'import', 'bench'
    from registry_bodies b
    cross join occ
    cross join lateral generate_series(1, b.item_count) as k`);
  const t2 = performance.now();
  await db.execute(sql`
    update registry_bodies b set occupation_codes = a.occupations, levels = a.levels, modes = a.modes
    from (
      select f.credit_code,
             array_agg(distinct f.occupation_code order by f.occupation_code) as occupations,
             (select array_agg(distinct l order by l) from filings g, unnest(g.levels) l
               where g.credit_code = f.credit_code) as levels,
             array_agg(distinct f.mode order by f.mode) as modes
      from filings f group by f.credit_code
    ) a
    where a.credit_code = b.credit_code`);
  // The narrow search tables, as refreshRegistryBodies writes them: every name token of each body, and
  // each occupation × level × mode it has in force, with the body's registry order (the demo bodies,
  // filed through refreshRegistryBodies, have theirs already).
  await db.execute(sql`
    insert into registry_name_tokens (token, sequence_code, credit_code)
    select t.token, b.sequence_code, b.credit_code
    from registry_bodies b cross join lateral unnest(b.name_tokens) as t(token)
    on conflict do nothing`);
  await db.execute(sql`
    insert into registry_scope_items (credit_code, occupation_code, level, mode, sequence_code)
    select distinct f.credit_code, f.occupation_code, l.level, f.mode, b.sequence_code
    from filings f
    join registry_bodies b on b.credit_code = f.credit_code
    cross join lateral unnest(f.levels) as l(level)
    where f.status = 'filed'
    on conflict do nothing`);
  // The bulk load above writes every body twice (insert, then the arrays): half the heap is dead rows
  // that a registry built by confirmations and imports (one upsert per body) would not have. Rewrite
  // it compactly, then the steady state autovacuum leaves: statistics and the visibility map.
  await db.execute(sql`vacuum full registry_bodies`);
  await db.execute(sql`vacuum analyze registry_bodies`);
  await db.execute(sql`vacuum analyze filings`);
  await db.execute(sql`vacuum analyze registry_name_tokens`);
  await db.execute(sql`vacuum analyze registry_scope_items`);
  const t3 = performance.now();
  const counted = (await db.execute(
    sql`select (select count(*) from registry_bodies)::int as bodies, (select count(*) from filings)::int as items`,
  )) as unknown as { rows: { bodies: number; items: number }[] };
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `  loaded ${counted.rows[0]!.bodies} bodies (${s(t1 - t0)}), ${counted.rows[0]!.items} scope items (${s(t2 - t1)}), search arrays + analyze (${s(t3 - t2)})`,
  );
  return bodies;
}

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
