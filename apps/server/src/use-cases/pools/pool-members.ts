/**
 * 人员库 members (docs/domain.md §6), for every pool kind (pool-kinds.ts): list and read them in the
 * pool's scope (a city bureau its own city's experts; out of scope is 404), add one — name, unit and its
 * credit code (own-staff recusal), city, occupations where the pool has them, title, phone (SM4 at rest,
 * shown masked), optionally a login account — and edit one under its version. Every change is audited
 * as `<kind>.created` / `<kind>.updated`.
 */
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { conflict, invalid, maskMobile, notFound, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { divisions, occupations, users } from '../../db/schema';
import { scopeCondition } from '../../db/scope';
import { appendAudit } from '../../audit/audit-writer';
import { assertVersion } from '../version-check';
import { escapeLike } from '../organizations/organization-queries';
import { assertPoolCity, normalizeCreditCode, normalizePhone, phoneColumns } from './pool-fields';
import { openOrLinkMemberAccount } from './pool-accounts';
import type { PoolConfig, PoolMemberRow } from './pool-kinds';

const UUID = /^[0-9a-f-]{36}$/i;

const memberScope = (pool: PoolConfig, actor: Actor): SQL | undefined =>
  pool.scope === 'city' ? scopeCondition(actor, { cityCode: pool.table.cityCode }) : undefined;

const occupationCodesOf = (row: PoolMemberRow): string[] =>
  'occupationCodes' in row ? row.occupationCodes : [];

export async function getMember(
  db: Executor,
  pool: PoolConfig,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PoolMemberRow> {
  if (!UUID.test(id)) throw notFound();
  const query = db
    .select()
    .from(pool.table)
    .where(and(memberScope(pool, actor), eq(pool.table.id, id)))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** The member record linked to the caller's account, if any (the first by code). */
export async function ownMember(
  db: Executor,
  pool: PoolConfig,
  actor: Actor,
  opts: { forUpdate?: boolean } = {},
): Promise<PoolMemberRow | null> {
  const query = db
    .select()
    .from(pool.table)
    .where(eq(pool.table.userId, actor.userId))
    .orderBy(asc(pool.table.code))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export interface MemberFilter {
  q?: string | undefined;
  cityCode?: string | undefined;
  occupationCode?: string | undefined;
  active?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export async function listMembers(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'db' | 'fieldCrypto'>,
  actor: Actor,
  f: MemberFilter,
) {
  const t = pool.table;
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where = and(
    memberScope(pool, actor),
    f.cityCode ? eq(t.cityCode, f.cityCode) : undefined,
    f.occupationCode && pool.occupationColumn
      ? sql`${f.occupationCode} = any(${pool.occupationColumn})`
      : undefined,
    f.active ? eq(t.active, f.active === 'true') : undefined,
    q ? or(ilike(t.name, q), ilike(t.unit, q), ilike(t.code, q)) : undefined,
  );
  const [rows, totals] = await Promise.all([
    deps.db
      .select({ member: t, cityName: divisions.name, username: users.username })
      .from(t)
      .leftJoin(divisions, eq(divisions.code, t.cityCode))
      .leftJoin(users, eq(users.id, t.userId))
      .where(where)
      .orderBy(asc(t.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    deps.db.select({ n: count() }).from(t).where(where),
  ]);
  const names = await occupationNames(
    deps.db,
    rows.flatMap((r) => occupationCodesOf(r.member)),
  );
  return {
    items: rows.map((r) => presentMember(pool, deps, r.member, r.cityName, r.username, names)),
    total: Number(totals[0]?.n ?? 0),
  };
}

export async function occupationNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: occupations.code, name: occupations.name })
    .from(occupations)
    .where(inArray(occupations.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

function presentMember(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'fieldCrypto'>,
  m: PoolMemberRow,
  cityName: string | null,
  username: string | null,
  names: Map<string, string>,
) {
  const occupationCodes = occupationCodesOf(m);
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    unit: m.unit,
    unitCreditCode: m.unitCreditCode,
    cityCode: m.cityCode,
    cityName,
    ...(pool.occupationColumn
      ? {
          occupationCodes,
          occupations: occupationCodes.map((code) => ({ code, name: names.get(code) ?? null })),
        }
      : {}),
    title: m.title,
    phoneMasked: m.phoneEnc ? maskMobile(deps.fieldCrypto.decrypt(m.phoneEnc)) : null,
    conflicts: m.conflicts,
    active: m.active,
    userId: m.userId,
    username,
    createdAt: m.createdAt.toISOString(),
    version: m.version,
  };
}

/** One member as the list shows it (after create/update). */
export async function memberView(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'db' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
) {
  const m = await getMember(deps.db, pool, actor, id);
  const [[city], [user], names] = await Promise.all([
    deps.db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, m.cityCode)),
    m.userId
      ? deps.db.select({ username: users.username }).from(users).where(eq(users.id, m.userId))
      : Promise.resolve([]),
    occupationNames(deps.db, occupationCodesOf(m)),
  ]);
  return presentMember(pool, deps, m, city?.name ?? null, user?.username ?? null, names);
}

async function assertOccupations(tx: Executor, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const known = await occupationNames(tx, unique);
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw invalid('OCCUPATION_UNKNOWN', `职业编码"${unknown.join('、')}"不在国家职业分类大典中`);
  }
  return unique;
}

/** City bureaus keep their own city's members only; the others choose. */
function cityFor(pool: PoolConfig, actor: Actor, requested: string | undefined): string {
  if (pool.scope === 'city' && actor.role === 'city_bureau') {
    if (!actor.cityCode) throw notFound();
    return actor.cityCode;
  }
  if (!requested) throw invalid('CITY_REQUIRED', `请选择${pool.member}所属市州`);
  return requested;
}

export interface CreateMemberInput {
  code?: string | undefined;
  name: string;
  unit: string;
  unitCreditCode?: string | null | undefined;
  cityCode?: string | undefined;
  occupationCodes?: string[] | undefined;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  username?: string | undefined;
}

/** Adds a member (the demo seed calls this too); with `username`, opens or links their account. */
export async function createMember(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>,
  actor: Actor,
  input: CreateMemberInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const t = pool.table;
  const cityCode = cityFor(pool, actor, input.cityCode);
  const unitCreditCode = input.unitCreditCode
    ? normalizeCreditCode(input.unitCreditCode, 'unitCreditCode')
    : null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const givenCode = pool.givenCode ? input.code?.trim().toUpperCase() : undefined;
  return deps.db.transaction(async (tx) => {
    await assertPoolCity(tx, cityCode);
    const occupationCodes = pool.occupationColumn
      ? await assertOccupations(tx, input.occupationCodes ?? [])
      : undefined;
    if (givenCode) {
      const [taken] = await tx.select({ id: t.id }).from(t).where(eq(t.code, givenCode));
      if (taken) {
        throw conflict(
          `${pool.codePrefix}_CODE_TAKEN`,
          `${pool.member}编号"${givenCode}"已被使用，请换一个或留空自动编号`,
        );
      }
    }
    const account = input.username
      ? await openOrLinkMemberAccount(
          tx,
          deps,
          pool,
          { username: input.username, displayName: input.name, cityCode, phone },
          now,
        )
      : null;
    const userId = account?.userId ?? null;
    const code = givenCode ?? (await pool.nextCode(tx, cityCode));
    const [row] = await tx
      .insert(t)
      .values({
        code,
        userId,
        name: input.name,
        unit: input.unit,
        unitCreditCode,
        cityCode,
        ...(occupationCodes ? { occupationCodes } : {}),
        title: input.title ?? null,
        ...phoneColumns(deps.fieldCrypto, phone),
        conflicts: [],
        createdAt: now,
      })
      .returning({ id: t.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: `${pool.kind}.created`,
        targetType: pool.kind,
        targetId: row!.id,
        cityCode,
        after: {
          code,
          name: input.name,
          unit: input.unit,
          unitCreditCode,
          cityCode,
          ...(occupationCodes ? { occupationCodes } : {}),
          title: input.title ?? null,
          phoneSet: phone !== null,
          userId,
          username: input.username ?? null,
          accountCreated: (account?.initialPassword ?? null) !== null,
        },
      },
      now,
    );
    return {
      id: row!.id,
      code,
      userId,
      username: input.username ?? null,
      initialPassword: account?.initialPassword ?? null,
    };
  });
}

export interface UpdateMemberInput {
  name?: string | undefined;
  unit?: string | undefined;
  unitCreditCode?: string | null | undefined;
  occupationCodes?: string[] | undefined;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  cityCode?: string | undefined;
  active?: boolean | undefined;
  version: number;
}

export async function updateMember(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  input: UpdateMemberInput,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  const t = pool.table;
  await deps.db.transaction(async (tx) => {
    const m = await getMember(tx, pool, actor, id, { forUpdate: true });
    assertVersion(m.version, input.version);
    if (input.cityCode !== undefined && input.cityCode !== m.cityCode) {
      if (pool.scope === 'city' && actor.role === 'city_bureau') {
        throw invalid(
          `${pool.codePrefix}_CITY_FIXED`,
          `市州人社局只能维护本市州的${pool.member}，不能调整${pool.member}所属市州`,
        );
      }
      await assertPoolCity(tx, input.cityCode);
    }
    const phone = input.phone ? normalizePhone(input.phone) : input.phone;
    const occupationCodes = pool.occupationColumn
      ? input.occupationCodes
        ? await assertOccupations(tx, input.occupationCodes)
        : occupationCodesOf(m)
      : undefined;
    const next = {
      name: input.name ?? m.name,
      unit: input.unit ?? m.unit,
      unitCreditCode:
        input.unitCreditCode === undefined
          ? m.unitCreditCode
          : input.unitCreditCode === null
            ? null
            : normalizeCreditCode(input.unitCreditCode, 'unitCreditCode'),
      ...(occupationCodes ? { occupationCodes } : {}),
      title: input.title === undefined ? m.title : input.title,
      cityCode: input.cityCode ?? m.cityCode,
      active: input.active ?? m.active,
    };
    const [updated] = await tx
      .update(t)
      .set({ ...next, ...phoneColumns(deps.fieldCrypto, phone), version: m.version + 1 })
      .where(and(eq(t.id, m.id), eq(t.version, m.version)))
      .returning({ id: t.id });
    if (!updated) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: `${pool.kind}.updated`,
        targetType: pool.kind,
        targetId: m.id,
        cityCode: next.cityCode,
        before: {
          name: m.name,
          unit: m.unit,
          unitCreditCode: m.unitCreditCode,
          ...(pool.occupationColumn ? { occupationCodes: occupationCodesOf(m) } : {}),
          title: m.title,
          cityCode: m.cityCode,
          active: m.active,
          version: m.version,
        },
        after: { ...next, phoneChanged: phone !== undefined, version: m.version + 1 },
      },
      now,
    );
  });
}
