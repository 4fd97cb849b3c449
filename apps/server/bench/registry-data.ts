/**
 * The registry bench's data: generated Hunan body names (place + brand + industry + suffix), credit
 * codes, and the bulk load of bodies, their filed scope items and the search tables, in multi-row SQL.
 */ import { sql } from 'drizzle-orm';
import { nameTokens } from '@skillcert/domain';
import type { BenchContext } from './harness';

export const CITIES = [
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
export const PLACES = [
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
export const BRAND = [
  ...new Set(
    '华兴中联达盛泰鑫宏远安通顺恒丰源隆昌泽瑞祥福德信诚和润康宁新天众创立元博高峰嘉美佳星辰光明金银铁钢湘江楚南岳麓洞庭芙蓉潇三一九五百千万方圆东西北宇航海云山川林森水火土石玉龙凤鹏飞腾跃振夏神州大成永久长青松柏竹梅兰菊晨曦朝阳晓旭日月汉唐宋清正荣富强民生国泰宝利亿豪威力精匠艺智慧科研进步先锋拓铸锻焊仪表配船舶轨道交筑装饰纺织服皮革粮油农牧渔医药卫化塑胶橡玻璃陶瓷泥冶矿燃气热环保节物流仓储邮快递软网数端造备株潭衡邵常益郴怀娄吉资攸茶炎祁道双桃澧慈沅汨临武洪冷涟津韶耒浏醴宁乡望城开福芙雨花天心岳汇谷坪河湾洲港桥园村镇新城城南北辰红星东方启明晨光辉耀卓越优胜领先锐达力行致远鼎立汇通合众协和同创共赢振业'.split(
      '',
    ),
  ),
];
export const INDUSTRY = [
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
export const SUFFIX_ENTERPRISE = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司', '制造有限公司'];
export const SUFFIX_SCHOOL = ['技工学校', '职业技术学院', '技师学院', '职业学校', '职业中等专业学校'];
export const SUFFIX_OTHER = ['职业技能培训中心', '职业技能评价中心', '行业协会', '培训学校'];
const LEVEL_SETS = [
  'level5,level4,level3',
  'level5,level4',
  'level4,level3,level2',
  'level5',
  'level3,level2,level1',
  'level5,level4,level3,level2,level1',
];

export interface Body {
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
