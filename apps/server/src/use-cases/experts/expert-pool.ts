/**
 * 专家库 (通知第五条第二款 "组织专家"): sys_admin and city bureaus maintain experts — name, unit (and its credit code, for
 * recusal), city, the occupations they may review, title, phone (SM4 at rest, shown masked) and declared
 * conflicts. A city bureau sees and edits only its own city's experts; out of scope is 404. An expert may
 * get a login account (role expert): a new one with a one-time strong password, or an existing one linked.
 */
import { randomInt } from 'node:crypto';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { conflict, invalid, maskMobile, notFound, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { divisions, experts, occupations, users } from '../../db/schema';
import { scopeCondition } from '../../db/scope';
import { appendAudit } from '../../audit/audit-writer';
import { assertStrongPassword } from '../auth/change-own-password';
import { assertVersion } from '../version-check';
import { nextCounterValue } from '../counters';
import { escapeLike } from '../organizations/organization-queries';
import {
  assertPoolCity,
  normalizeCreditCode,
  normalizePhone,
  phoneColumns,
  PROVINCE_PSEUDO_CITY,
} from '../pools/pool-fields';

export type ExpertRow = typeof experts.$inferSelect;
export interface ExpertConflictEntry {
  creditCode: string;
  reason: string;
}

/** The pseudo-city of province-level units (省直, docs/domain.md §2). */

const expertScope = (actor: Actor): SQL => scopeCondition(actor, { cityCode: experts.cityCode });

export async function getExpert(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ExpertRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const query = db
    .select()
    .from(experts)
    .where(and(expertScope(actor), eq(experts.id, id)))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export interface ExpertFilter {
  q?: string | undefined;
  cityCode?: string | undefined;
  occupationCode?: string | undefined;
  active?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export async function listExperts(deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, actor: Actor, f: ExpertFilter) {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where = and(
    expertScope(actor),
    f.cityCode ? eq(experts.cityCode, f.cityCode) : undefined,
    f.occupationCode ? sql`${f.occupationCode} = any(${experts.occupationCodes})` : undefined,
    f.active ? eq(experts.active, f.active === 'true') : undefined,
    q ? or(ilike(experts.name, q), ilike(experts.unit, q), ilike(experts.code, q)) : undefined,
  );
  const [rows, totals] = await Promise.all([
    deps.db
      .select({ expert: experts, cityName: divisions.name, username: users.username })
      .from(experts)
      .leftJoin(divisions, eq(divisions.code, experts.cityCode))
      .leftJoin(users, eq(users.id, experts.userId))
      .where(where)
      .orderBy(asc(experts.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    deps.db.select({ n: count() }).from(experts).where(where),
  ]);
  const names = await occupationNames(
    deps.db,
    rows.flatMap((r) => r.expert.occupationCodes),
  );
  return {
    items: rows.map((r) => presentExpert(deps, r.expert, r.cityName, r.username, names)),
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

function presentExpert(
  deps: Pick<AppDeps, 'fieldCrypto'>,
  e: ExpertRow,
  cityName: string | null,
  username: string | null,
  names: Map<string, string>,
) {
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    unit: e.unit,
    unitCreditCode: e.unitCreditCode,
    cityCode: e.cityCode,
    cityName,
    occupationCodes: e.occupationCodes,
    occupations: e.occupationCodes.map((code) => ({ code, name: names.get(code) ?? null })),
    title: e.title,
    phoneMasked: e.phoneEnc ? maskMobile(deps.fieldCrypto.decrypt(e.phoneEnc)) : null,
    conflicts: (e.conflicts as ExpertConflictEntry[]) ?? [],
    active: e.active,
    userId: e.userId,
    username,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
  };
}

/** One expert as the list shows it (after create/update). */
export async function expertView(deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, actor: Actor, id: string) {
  const e = await getExpert(deps.db, actor, id);
  const [[city], [user], names] = await Promise.all([
    deps.db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, e.cityCode)),
    e.userId
      ? deps.db.select({ username: users.username }).from(users).where(eq(users.id, e.userId))
      : Promise.resolve([]),
    occupationNames(deps.db, e.occupationCodes),
  ]);
  return presentExpert(deps, e, city?.name ?? null, user?.username ?? null, names);
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

/** City bureaus work in their own city only; the others choose. */
function cityFor(actor: Actor, requested: string | undefined): string {
  if (actor.role === 'city_bureau') {
    if (!actor.cityCode) throw notFound();
    return actor.cityCode;
  }
  if (!requested) throw invalid('CITY_REQUIRED', '请选择专家所属市州');
  return requested;
}

const PASSWORD_SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%+=!?'];

/** 20 characters from all four classes, by the CSPRNG, for a new account's one-time password. */
export function generateInitialPassword(length = 20): string {
  const all = PASSWORD_SETS.join('');
  const chars = PASSWORD_SETS.map((s) => s[randomInt(s.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export interface CreateExpertInput {
  name: string;
  unit: string;
  unitCreditCode?: string | null | undefined;
  cityCode?: string | undefined;
  occupationCodes: string[];
  title?: string | null | undefined;
  phone?: string | null | undefined;
  username?: string | undefined;
}

export async function createExpert(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>,
  actor: Actor,
  input: CreateExpertInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const cityCode = cityFor(actor, input.cityCode);
  const unitCreditCode = input.unitCreditCode
    ? normalizeCreditCode(input.unitCreditCode, 'unitCreditCode')
    : null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  return deps.db.transaction(async (tx) => {
    await assertPoolCity(tx, cityCode);
    const occupationCodes = await assertOccupations(tx, input.occupationCodes);
    let userId: string | null = null;
    let initialPassword: string | null = null;
    if (input.username) {
      const [existing] = await tx
        .select()
        .from(users)
        .where(eq(users.username, input.username))
        .for('update');
      if (existing) {
        if (existing.role !== 'expert') {
          throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已被其他角色的账号使用，请换一个`);
        }
        const [linked] = await tx
          .select({ code: experts.code })
          .from(experts)
          .where(eq(experts.userId, existing.id));
        if (linked)
          throw conflict('EXPERT_ACCOUNT_LINKED', `账号"${input.username}"已关联专家${linked.code}`);
        userId = existing.id;
      } else {
        initialPassword = generateInitialPassword();
        await assertStrongPassword(tx, initialPassword, input.username);
        const [created] = await tx
          .insert(users)
          .values({
            username: input.username,
            displayName: input.name,
            passwordHash: await deps.passwords.hash(initialPassword),
            role: 'expert',
            cityCode: cityCode === PROVINCE_PSEUDO_CITY ? null : cityCode,
            phoneEnc: phone ? deps.fieldCrypto.encrypt(phone) : null,
            phoneMac: phone ? deps.fieldCrypto.mac(phone) : null,
            mustChangePassword: true,
            createdAt: now,
          })
          .returning({ id: users.id });
        userId = created!.id;
      }
    }
    const code = `ZJ${cityCode}-${String(await nextCounterValue(tx, `expert:${cityCode}`)).padStart(4, '0')}`;
    const [row] = await tx
      .insert(experts)
      .values({
        code,
        userId,
        name: input.name,
        unit: input.unit,
        unitCreditCode,
        cityCode,
        occupationCodes,
        title: input.title ?? null,
        phoneEnc: phone ? deps.fieldCrypto.encrypt(phone) : null,
        phoneMac: phone ? deps.fieldCrypto.mac(phone) : null,
        conflicts: [],
        createdAt: now,
      })
      .returning();
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'expert.created',
        targetType: 'expert',
        targetId: row!.id,
        cityCode,
        after: {
          code,
          name: input.name,
          unit: input.unit,
          unitCreditCode,
          cityCode,
          occupationCodes,
          title: input.title ?? null,
          phoneSet: phone !== null,
          userId,
          username: input.username ?? null,
          accountCreated: initialPassword !== null,
        },
      },
      now,
    );
    return { id: row!.id, code, userId, username: input.username ?? null, initialPassword };
  });
}

export interface UpdateExpertInput {
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

export async function updateExpert(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  input: UpdateExpertInput,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const e = await getExpert(tx, actor, id, { forUpdate: true });
    assertVersion(e.version, input.version);
    if (input.cityCode !== undefined && input.cityCode !== e.cityCode) {
      if (actor.role === 'city_bureau') {
        throw invalid('EXPERT_CITY_FIXED', '市州人社局只能维护本市州的专家，不能调整专家所属市州');
      }
      await assertPoolCity(tx, input.cityCode);
    }
    const phone = input.phone ? normalizePhone(input.phone) : input.phone;
    const next = {
      name: input.name ?? e.name,
      unit: input.unit ?? e.unit,
      unitCreditCode:
        input.unitCreditCode === undefined
          ? e.unitCreditCode
          : input.unitCreditCode === null
            ? null
            : normalizeCreditCode(input.unitCreditCode, 'unitCreditCode'),
      occupationCodes: input.occupationCodes
        ? await assertOccupations(tx, input.occupationCodes)
        : e.occupationCodes,
      title: input.title === undefined ? e.title : input.title,
      cityCode: input.cityCode ?? e.cityCode,
      active: input.active ?? e.active,
    };
    const phoneFields = phoneColumns(deps.fieldCrypto, phone);
    const [updated] = await tx
      .update(experts)
      .set({ ...next, ...phoneFields, version: e.version + 1 })
      .where(and(eq(experts.id, e.id), eq(experts.version, e.version)))
      .returning({ id: experts.id });
    if (!updated) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'expert.updated',
        targetType: 'expert',
        targetId: e.id,
        cityCode: next.cityCode,
        before: {
          name: e.name,
          unit: e.unit,
          unitCreditCode: e.unitCreditCode,
          occupationCodes: e.occupationCodes,
          title: e.title,
          cityCode: e.cityCode,
          active: e.active,
          version: e.version,
        },
        after: { ...next, phoneChanged: phone !== undefined, version: e.version + 1 },
      },
      now,
    );
  });
}

async function addConflict(
  tx: Executor,
  actor: Actor,
  e: ExpertRow,
  input: { creditCode: string; reason: string },
  now: Date,
  meta: RequestMeta,
  byExpert: boolean,
): Promise<void> {
  const creditCode = normalizeCreditCode(input.creditCode, 'creditCode');
  const conflicts = ((e.conflicts as ExpertConflictEntry[]) ?? []).slice();
  if (conflicts.some((c) => c.creditCode === creditCode)) {
    throw conflict('CONFLICT_ALREADY_DECLARED', `已登记与该单位（${creditCode}）的利益冲突`);
  }
  conflicts.push({ creditCode, reason: input.reason });
  await tx
    .update(experts)
    .set({ conflicts, version: e.version + 1 })
    .where(eq(experts.id, e.id));
  await appendAudit(
    tx,
    {
      actor,
      ip: meta.ip,
      action: 'expert.conflict_declared',
      targetType: 'expert',
      targetId: e.id,
      cityCode: e.cityCode,
      reason: input.reason,
      after: { code: e.code, creditCode, declaredBy: byExpert ? 'expert' : 'staff', version: e.version + 1 },
    },
    now,
  );
}

/** Staff record a conflict of interest declared by an expert. */
export async function declareConflict(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { creditCode: string; reason: string },
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const e = await getExpert(tx, actor, id, { forUpdate: true });
    await addConflict(tx, actor, e, input, now, meta, false);
  });
}

/** An expert declares a conflict on their own record(s). */
export async function declareOwnConflict(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: { creditCode: string; reason: string },
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [e] = await tx
      .select()
      .from(experts)
      .where(eq(experts.userId, actor.userId))
      .orderBy(asc(experts.code))
      .limit(1)
      .for('update');
    if (!e) throw conflict('EXPERT_PROFILE_MISSING', '当前账号尚未关联专家库记录，请联系市州人社局');
    await addConflict(tx, actor, e, input, now, meta, true);
  });
}
