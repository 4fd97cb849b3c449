/**
 * 评价机构名录 search (public, docs/domain.md §7). Every criterion is answered by an index of
 * `registry_bodies`:
 *
 * - name: `name_tokens @> {tokens}` on the GIN index (1–2 characters are tokens themselves; longer
 *   queries need all their bigrams, then a substring recheck on the few rows the index returns); a
 *   name of 1–2 characters alone is read from `registry_name_tokens` instead, in registry order (see
 *   `searchDriver`);
 * - credit code: equality, or a prefix as a range on the primary key (works under any collation);
 * - occupation: `occupation_codes @> {code}` (GIN); level and mode: the body's arrays; city, status:
 *   B-tree columns. When two item-level criteria are combined (occupation + level, level + mode …),
 *   one filing in force must satisfy them together (`registry_scope_items`: a probe of its primary key,
 *   or, for an occupation with a level or mode, a range of its order index), not two different
 *   filings of the body.
 *
 * Order is stable: 评价机构序列码, then credit code (bodies known only from imported filings, without a
 * sequence code, come last). The total is counted up to a cap (1,000: 50 pages of 20) so that a
 * one-character query matching most of the registry stays cheap; beyond it the answer says "at least"
 * and the page asks for narrower criteria. Repeated public searches are answered from
 * `registry-search-cache.ts` (keyed by the registry version, so a change anywhere is seen at once).
 */
import { and, arrayContains, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  creditCodeCriterion,
  filingListLabel,
  filingModeLabel,
  isSkillLevel,
  registryNameCriterion,
  skillLevelLabel,
} from '@skillcert/domain';
import {
  FILING_SOURCE_LABELS,
  FILING_STATUS_LABELS,
  type RegistryBodySummary,
  type RegistryExportQuery,
  type RegistrySearchQuery,
  type RegistrySearchResult,
} from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions, registryBodies, registryScopeItems } from '../../db/schema';

/** Totals are exact up to this many matches. */
export const REGISTRY_COUNT_CAP = 1_000;

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
const levelText = (l: string) => (isSkillLevel(l) ? skillLevelLabel(l) : l);

export const REGISTRY_EVENT_LABELS: Record<string, string> = {
  filed: '备案',
  scope_added: '备案范围变更',
  suspended: '暂停',
  revoked: '撤销备案',
  cancelled: '注销',
};

/**
 * Where a filing came from, as the public reads it. A provincial 自主评价备案 recorded or imported (not
 * filed by a 第N批 of this collection) says so with its source and date, never as a filing of this
 * collection; an import's own note may name internal files, so the public sees only its kind.
 */
export function publicSourceLabel(
  f: { mode: string; source: string; documentNumber: string | null; effectiveDate: string },
  listSequence: number | null,
): string {
  if (listSequence) return filingListLabel(listSequence);
  if (f.mode !== 'social') {
    const source =
      f.source === 'manual'
        ? `省鉴定中心录入${f.documentNumber ? `，${f.documentNumber}` : ''}`
        : '历史记录导入';
    return `自主评价备案（${source}，${f.effectiveDate}）`;
  }
  return f.source === 'import' ? '历史备案' : label(FILING_SOURCE_LABELS, f.source);
}

/** The WHERE conditions of a registry query (shared by search, count and exports). */
export function registryConditions(query: RegistryExportQuery): SQL[] {
  const where: SQL[] = [];
  const name = query.name ? registryNameCriterion(query.name) : null;
  if (name) {
    where.push(arrayContains(registryBodies.nameTokens, name.tokens));
    if (name.needsRecheck) {
      // The name as stored first (cheap, and true for nearly every candidate), the normalized form only
      // when that fails (full-width letters, spaces): OR stops at the first true argument.
      where.push(
        sql`(strpos(${registryBodies.name}, ${name.text}) > 0 or strpos(regexp_replace(lower(normalize(${registryBodies.name}, NFKC)), '\\s', '', 'g'), ${name.text}) > 0)`,
      );
    }
  }
  const code = query.creditCode ? creditCodeCriterion(query.creditCode) : null;
  if (code?.kind === 'exact') where.push(eq(registryBodies.creditCode, code.code));
  if (code?.kind === 'prefix') {
    where.push(gte(registryBodies.creditCode, code.from));
    if (code.to) where.push(lt(registryBodies.creditCode, code.to));
    where.push(sql`starts_with(${registryBodies.creditCode}, ${code.prefix})`);
  }
  if (query.occupationCode) where.push(arrayContains(registryBodies.occupationCodes, [query.occupationCode]));
  if (query.level) where.push(arrayContains(registryBodies.levels, [query.level]));
  if (query.mode) where.push(arrayContains(registryBodies.modes, [query.mode]));
  if (query.cityCode) where.push(eq(registryBodies.cityCode, query.cityCode));
  if (query.status) where.push(eq(registryBodies.status, query.status));
  const itemCriteria = [query.occupationCode, query.level, query.mode].filter(Boolean).length;
  if (itemCriteria >= 2) {
    // One filing in force (one row of registry_scope_items) satisfies them together.
    where.push(sql`exists (select 1 from ${registryScopeItems} si
      where si.credit_code = ${registryBodies.creditCode}
      ${query.occupationCode ? sql`and si.occupation_code = ${query.occupationCode}` : sql``}
      ${query.level ? sql`and si.level = ${query.level}` : sql``}
      ${query.mode ? sql`and si.mode = ${query.mode}` : sql``})`);
  }
  return where;
}

const city = alias(divisions, 'city');
const supervisingCity = alias(divisions, 'supervising_city');

export const bodyColumns = {
  body: registryBodies,
  cityName: city.name,
  supervisingCityName: supervisingCity.name,
};

type BodyFields = Pick<
  typeof registryBodies.$inferSelect,
  | 'creditCode'
  | 'name'
  | 'cityCode'
  | 'supervisingCityCode'
  | 'sequenceCode'
  | 'status'
  | 'occupationCodes'
  | 'levels'
  | 'modes'
  | 'itemCount'
  | 'firstFiledOn'
>;

interface RawBodyRow {
  credit_code: string;
  name: string;
  city_code: string;
  supervising_city_code: string | null;
  sequence_code: string | null;
  status: string;
  occupation_codes: string[];
  levels: string[];
  modes: string[];
  item_count: number | string;
  first_filed_on: string;
  city_name: string | null;
  supervising_city_name: string | null;
  total: number | string;
}

export function presentBody(r: {
  body: BodyFields;
  cityName: string | null;
  supervisingCityName: string | null;
}): RegistryBodySummary {
  const b = r.body;
  return {
    creditCode: b.creditCode,
    name: b.name,
    cityCode: b.cityCode,
    cityName: r.cityName ?? (b.cityCode === '430000' ? '省直' : null),
    supervisingCityCode: b.supervisingCityCode,
    supervisingCityName: r.supervisingCityName ?? (b.supervisingCityCode === '430000' ? '省直' : null),
    sequenceCode: b.sequenceCode,
    status: b.status,
    statusLabel: label(FILING_STATUS_LABELS, b.status),
    occupationCount: b.occupationCodes.length,
    itemCount: b.itemCount,
    modes: b.modes,
    modeLabels: b.modes.map(filingModeLabel),
    levels: b.levels,
    levelLabels: b.levels.map(levelText),
    firstFiledOn: b.firstFiledOn,
  };
}

export const registryOrder = [
  sql`${registryBodies.sequenceCode} asc nulls last`,
  asc(registryBodies.creditCode),
];

/**
 * A narrow table that yields a query's matches (credit_code, sequence_code) in registry order from
 * its index, so the page and the capped total are short ordered range reads that stop early instead
 * of collecting every match, and only the page's rows are read from `registry_bodies`:
 *
 * - a 1–2 character name alone: `registry_name_tokens`, token = the text;
 * - an occupation with a level and/or mode, alone: `registry_scope_items` (distinct bodies).
 *
 * Only when it is the whole query: with any other criterion (city, status, credit code …) walking the
 * driver's matches in order could pass thousands before a page is found, and the indexes of
 * `registry_bodies` with the planner do better.
 */
export function searchDriver(query: RegistryExportQuery): SQL | null {
  if ((query.creditCode && creditCodeCriterion(query.creditCode)) || query.cityCode || query.status)
    return null;
  const name = query.name ? registryNameCriterion(query.name) : null;
  const items = [query.occupationCode, query.level, query.mode].filter(Boolean).length;
  if (name && !name.needsRecheck && items === 0) {
    return sql`select credit_code, sequence_code from registry_name_tokens where token = ${name.tokens[0]!}`;
  }
  if (!name && query.occupationCode && items >= 2) {
    return sql`select distinct sequence_code, credit_code from registry_scope_items
      where occupation_code = ${query.occupationCode}
      ${query.level ? sql`and level = ${query.level}` : sql``}
      ${query.mode ? sql`and mode = ${query.mode}` : sql``}`;
  }
  return null;
}

export async function searchRegistry(
  db: Executor,
  query: RegistrySearchQuery,
): Promise<RegistrySearchResult> {
  const offset = (query.page - 1) * query.pageSize;
  const driver = searchDriver(query);
  if (driver) return drivenSearch(db, query, driver);
  const where = and(...registryConditions(query)) ?? sql`true`;
  // One statement, two independent parts the planner serves each its own way: the page (walking the
  // order index with the criteria as a filter when matches are common, or the criteria's index and a
  // top-N sort when they are rare) and the total (any cap + 1 matches, unordered: a bitmap scan of the
  // criteria's index stops after them). Sorting every match only to count it — what a single "matches
  // in order, up to the cap" pass does — costs ten times more for a one-character name. Plain SQL and
  // only the columns shown: this is the hottest public read.
  const result = (await db.execute(sql`
    select b.credit_code, b.name, b.city_code, b.supervising_city_code, b.sequence_code, b.status,
           b.occupation_codes, b.levels, b.modes, b.item_count, b.first_filed_on::text as first_filed_on,
           c.name as city_name, s.name as supervising_city_name,
           (select count(*) from (select 1 from registry_bodies where ${where} limit ${REGISTRY_COUNT_CAP + 1}) m)::int as total
    from (
      select credit_code, name, city_code, supervising_city_code, sequence_code, status, occupation_codes,
             levels, modes, item_count, first_filed_on
      from registry_bodies
      where ${where}
      order by sequence_code asc nulls last, credit_code asc
      limit ${query.pageSize} offset ${offset}
    ) b
    left join divisions c on c.code = b.city_code
    left join divisions s on s.code = b.supervising_city_code
    order by b.sequence_code asc nulls last, b.credit_code asc`)) as unknown as { rows: RawBodyRow[] };
  return searchResult(query, result.rows, () => countRegistry(db, where, REGISTRY_COUNT_CAP));
}

/**
 * The search read from a driver's ordered matches: the page is a range of them (then its rows of
 * `registry_bodies` by primary key), the total counts them up to the cap — both on the narrow index.
 */
async function drivenSearch(
  db: Executor,
  query: RegistrySearchQuery,
  driver: SQL,
): Promise<RegistrySearchResult> {
  const offset = (query.page - 1) * query.pageSize;
  const count = sql`(select count(*) from (select 1 from (${driver}) d limit ${REGISTRY_COUNT_CAP + 1}) m)::int`;
  const result = (await db.execute(sql`
    select b.credit_code, b.name, b.city_code, b.supervising_city_code, b.sequence_code, b.status,
           b.occupation_codes, b.levels, b.modes, b.item_count, b.first_filed_on::text as first_filed_on,
           c.name as city_name, s.name as supervising_city_name, ${count} as total
    from (
      select credit_code, sequence_code from (${driver}) d
      order by sequence_code asc nulls last, credit_code asc
      limit ${query.pageSize} offset ${offset}
    ) p
    join registry_bodies b on b.credit_code = p.credit_code
    left join divisions c on c.code = b.city_code
    left join divisions s on s.code = b.supervising_city_code
    order by p.sequence_code asc nulls last, p.credit_code asc`)) as unknown as { rows: RawBodyRow[] };
  return searchResult(query, result.rows, async () => {
    const counted = (await db.execute(sql`select ${count} as n`)) as unknown as {
      rows: { n: number | string }[];
    };
    return Number(counted.rows[0]?.n ?? 0);
  });
}

async function searchResult(
  query: RegistrySearchQuery,
  raw: RawBodyRow[],
  countAlone: () => Promise<number>,
): Promise<RegistrySearchResult> {
  const offset = (query.page - 1) * query.pageSize;
  const rows = raw.map((r) => ({
    body: {
      creditCode: r.credit_code,
      name: r.name,
      cityCode: r.city_code,
      supervisingCityCode: r.supervising_city_code,
      sequenceCode: r.sequence_code,
      status: r.status,
      occupationCodes: r.occupation_codes,
      levels: r.levels,
      modes: r.modes,
      itemCount: Number(r.item_count),
      firstFiledOn: r.first_filed_on,
    },
    cityName: r.city_name,
    supervisingCityName: r.supervising_city_name,
  }));
  // A page past the last match has no row to carry the total: count on its own.
  const total = raw.length > 0 ? Number(raw[0]!.total) : offset === 0 ? 0 : await countAlone();
  const capped = total > REGISTRY_COUNT_CAP;
  return {
    items: rows.map(presentBody),
    total: capped ? REGISTRY_COUNT_CAP : total,
    totalCapped: capped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Matches, counted up to cap + 1 (so "more than cap" is visible without counting them all). */
export async function countRegistry(db: Executor, where: SQL | undefined, cap: number): Promise<number> {
  const limited = db
    .select({ one: sql`1`.as('one') })
    .from(registryBodies)
    .where(where)
    .limit(cap + 1)
    .as('limited');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
  return Number(row?.n ?? 0);
}
