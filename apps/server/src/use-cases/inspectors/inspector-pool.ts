/**
 * 督导人员库 (inspector pool, R11; 通知第五条第三款 "双随机"): the province centre (and sys_admin) maintain the
 * inspectors the spot-check draw picks from — 编号 (DC0001, given or the next free one), name, unit and its
 * credit code (the target's own staff are recused), city (same-city recusal [policy]), title, phone
 * (SM4 at rest, shown masked), active, an optional login account of role inspector, and declared
 * conflicts of interest (recused automatically). Public draw records carry the 编号 only.
 */
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { conflict, maskMobile, notFound, type Actor, type InspectorConflict } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { divisions, inspectors, users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertStrongPassword } from '../auth/change-own-password';
import { assertVersion } from '../version-check';
import { nextCounterValue } from '../counters';
import { escapeLike } from '../organizations/organization-queries';
import { generateInitialPassword } from '../experts/expert-pool';
import {
  assertPoolCity,
  normalizeCreditCode,
  normalizePhone,
  phoneColumns,
  PROVINCE_PSEUDO_CITY,
} from '../pools/pool-fields';

export type InspectorRow = typeof inspectors.$inferSelect;

const UUID = /^[0-9a-f-]{36}$/i;

/** The pool is province-wide: every role with inspector.read sees all of it (no city scope). */
export async function getInspector(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<InspectorRow> {
  if (!UUID.test(id)) throw notFound();
  const query = db.select().from(inspectors).where(eq(inspectors.id, id)).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export interface InspectorFilter {
  q?: string | undefined;
  cityCode?: string | undefined;
  active?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export async function listInspectors(deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, f: InspectorFilter) {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where: SQL | undefined = and(
    f.cityCode ? eq(inspectors.cityCode, f.cityCode) : undefined,
    f.active ? eq(inspectors.active, f.active === 'true') : undefined,
    q ? or(ilike(inspectors.name, q), ilike(inspectors.unit, q), ilike(inspectors.code, q)) : undefined,
  );
  const [rows, totals] = await Promise.all([
    deps.db
      .select({ inspector: inspectors, cityName: divisions.name, username: users.username })
      .from(inspectors)
      .leftJoin(divisions, eq(divisions.code, inspectors.cityCode))
      .leftJoin(users, eq(users.id, inspectors.userId))
      .where(where)
      .orderBy(asc(inspectors.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    deps.db.select({ n: count() }).from(inspectors).where(where),
  ]);
  return {
    items: rows.map((r) => presentInspector(deps, r.inspector, r.cityName, r.username)),
    total: Number(totals[0]?.n ?? 0),
  };
}

function presentInspector(
  deps: Pick<AppDeps, 'fieldCrypto'>,
  i: InspectorRow,
  cityName: string | null,
  username: string | null,
) {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    unitCreditCode: i.unitCreditCode,
    cityCode: i.cityCode,
    cityName,
    title: i.title,
    phoneMasked: i.phoneEnc ? maskMobile(deps.fieldCrypto.decrypt(i.phoneEnc)) : null,
    conflicts: (i.conflicts as InspectorConflict[]) ?? [],
    active: i.active,
    userId: i.userId,
    username,
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

/** One inspector as the list shows it (after create/update). */
export async function inspectorView(deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, id: string) {
  const i = await getInspector(deps.db, id);
  const [[city], [user]] = await Promise.all([
    deps.db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, i.cityCode)),
    i.userId
      ? deps.db.select({ username: users.username }).from(users).where(eq(users.id, i.userId))
      : Promise.resolve([]),
  ]);
  return presentInspector(deps, i, city?.name ?? null, user?.username ?? null);
}

/** The next free DCnnnn: the counter, skipping any code given by hand. */
async function nextInspectorCode(tx: Executor): Promise<string> {
  for (;;) {
    const code = `DC${String(await nextCounterValue(tx, 'inspector')).padStart(4, '0')}`;
    const [taken] = await tx.select({ id: inspectors.id }).from(inspectors).where(eq(inspectors.code, code));
    if (!taken) return code;
  }
}

export interface CreateInspectorInput {
  code?: string | undefined;
  name: string;
  unit: string;
  unitCreditCode?: string | null | undefined;
  cityCode: string;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  username?: string | undefined;
}

/**
 * Adds an inspector (the demo seed calls this too). With `username`: links an existing account of role
 * inspector not yet linked, or creates one with a one-time strong password (returned once).
 */
export async function createInspector(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>,
  actor: Actor,
  input: CreateInspectorInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const unitCreditCode = input.unitCreditCode
    ? normalizeCreditCode(input.unitCreditCode, 'unitCreditCode')
    : null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const givenCode = input.code?.trim().toUpperCase();
  return deps.db.transaction(async (tx) => {
    await assertPoolCity(tx, input.cityCode);
    if (givenCode) {
      const [taken] = await tx
        .select({ id: inspectors.id })
        .from(inspectors)
        .where(eq(inspectors.code, givenCode));
      if (taken)
        throw conflict('INSPECTOR_CODE_TAKEN', `督导人员编号"${givenCode}"已被使用，请换一个或留空自动编号`);
    }
    let userId: string | null = null;
    let initialPassword: string | null = null;
    if (input.username) {
      const [existing] = await tx
        .select()
        .from(users)
        .where(eq(users.username, input.username))
        .for('update');
      if (existing) {
        if (existing.role !== 'inspector') {
          throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已被其他角色的账号使用，请换一个`);
        }
        const [linked] = await tx
          .select({ code: inspectors.code })
          .from(inspectors)
          .where(eq(inspectors.userId, existing.id));
        if (linked)
          throw conflict('INSPECTOR_ACCOUNT_LINKED', `账号"${input.username}"已关联督导人员${linked.code}`);
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
            role: 'inspector',
            cityCode: input.cityCode === PROVINCE_PSEUDO_CITY ? null : input.cityCode,
            phoneEnc: phone ? deps.fieldCrypto.encrypt(phone) : null,
            phoneMac: phone ? deps.fieldCrypto.mac(phone) : null,
            mustChangePassword: true,
            createdAt: now,
          })
          .returning({ id: users.id });
        userId = created!.id;
      }
    }
    const code = givenCode ?? (await nextInspectorCode(tx));
    const [row] = await tx
      .insert(inspectors)
      .values({
        code,
        userId,
        name: input.name,
        unit: input.unit,
        unitCreditCode,
        cityCode: input.cityCode,
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
        action: 'inspector.created',
        targetType: 'inspector',
        targetId: row!.id,
        cityCode: input.cityCode,
        after: {
          code,
          name: input.name,
          unit: input.unit,
          unitCreditCode,
          cityCode: input.cityCode,
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

export interface UpdateInspectorInput {
  name?: string | undefined;
  unit?: string | undefined;
  unitCreditCode?: string | null | undefined;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  cityCode?: string | undefined;
  active?: boolean | undefined;
  version: number;
}

export async function updateInspector(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  input: UpdateInspectorInput,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const i = await getInspector(tx, id, { forUpdate: true });
    assertVersion(i.version, input.version);
    if (input.cityCode !== undefined && input.cityCode !== i.cityCode)
      await assertPoolCity(tx, input.cityCode);
    const phone = input.phone ? normalizePhone(input.phone) : input.phone;
    const next = {
      name: input.name ?? i.name,
      unit: input.unit ?? i.unit,
      unitCreditCode:
        input.unitCreditCode === undefined
          ? i.unitCreditCode
          : input.unitCreditCode === null
            ? null
            : normalizeCreditCode(input.unitCreditCode, 'unitCreditCode'),
      title: input.title === undefined ? i.title : input.title,
      cityCode: input.cityCode ?? i.cityCode,
      active: input.active ?? i.active,
    };
    const phoneFields = phoneColumns(deps.fieldCrypto, phone);
    const [updated] = await tx
      .update(inspectors)
      .set({ ...next, ...phoneFields, version: i.version + 1 })
      .where(and(eq(inspectors.id, i.id), eq(inspectors.version, i.version)))
      .returning({ id: inspectors.id });
    if (!updated) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'inspector.updated',
        targetType: 'inspector',
        targetId: i.id,
        cityCode: next.cityCode,
        before: {
          name: i.name,
          unit: i.unit,
          unitCreditCode: i.unitCreditCode,
          title: i.title,
          cityCode: i.cityCode,
          active: i.active,
          version: i.version,
        },
        after: { ...next, phoneChanged: phone !== undefined, version: i.version + 1 },
      },
      now,
    );
  });
}

async function addConflict(
  tx: Executor,
  actor: Actor,
  i: InspectorRow,
  input: { creditCode: string; reason: string },
  now: Date,
  meta: RequestMeta,
  byInspector: boolean,
): Promise<void> {
  const creditCode = normalizeCreditCode(input.creditCode, 'creditCode');
  const conflicts = ((i.conflicts as InspectorConflict[]) ?? []).slice();
  if (conflicts.some((c) => c.creditCode === creditCode)) {
    throw conflict('CONFLICT_ALREADY_DECLARED', `已登记与该单位（${creditCode}）的利益冲突`);
  }
  conflicts.push({ creditCode, reason: input.reason });
  await tx
    .update(inspectors)
    .set({ conflicts, version: i.version + 1 })
    .where(eq(inspectors.id, i.id));
  await appendAudit(
    tx,
    {
      actor,
      ip: meta.ip,
      action: 'inspector.conflict_declared',
      targetType: 'inspector',
      targetId: i.id,
      cityCode: i.cityCode,
      reason: input.reason,
      after: {
        code: i.code,
        creditCode,
        declaredBy: byInspector ? 'inspector' : 'staff',
        version: i.version + 1,
      },
    },
    now,
  );
}

/** Staff record a conflict of interest an inspector declared (recused from that unit in later draws). */
export async function declareInspectorConflict(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { creditCode: string; reason: string },
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const i = await getInspector(tx, id, { forUpdate: true });
    await addConflict(tx, actor, i, input, now, meta, false);
  });
}

/** The inspector record linked to the caller's account, if any. */
export async function ownInspector(db: Executor, actor: Actor, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(inspectors)
    .where(eq(inspectors.userId, actor.userId))
    .orderBy(asc(inspectors.code))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** An inspector declares a conflict on their own record. */
export async function declareOwnInspectorConflict(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: { creditCode: string; reason: string },
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const i = await ownInspector(tx, actor, { forUpdate: true });
    if (!i)
      throw conflict('INSPECTOR_PROFILE_MISSING', '当前账号尚未关联督导人员库记录，请联系省职业技能鉴定中心');
    await addConflict(tx, actor, i, input, now, meta, true);
  });
}

export async function myInspectorProfile(db: Executor, actor: Actor) {
  const i = await ownInspector(db, actor);
  if (!i) return { inspector: null };
  const [city] = await db
    .select({ name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, i.cityCode));
  return {
    inspector: {
      code: i.code,
      name: i.name,
      unit: i.unit,
      cityCode: i.cityCode,
      cityName: city?.name ?? null,
      conflicts: (i.conflicts as InspectorConflict[]) ?? [],
      active: i.active,
    },
  };
}
