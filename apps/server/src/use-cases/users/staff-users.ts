/**
 * 用户管理: staff accounts with role + city, edits with a version check, password reset (audited, forces
 * a change at next login and ends live sessions), unlock, and the audited reveal of a phone number.
 * Which accounts an administrator reaches is the domain's 三员 rule (admin-separation.ts): the system
 * admin business accounts, the security admin the system and audit admins' accounts; an account out of
 * reach is not found. Applicant accounts are managed by their organization's administrator.
 */
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import {
  accountInReach,
  CITY_ROLES,
  conflict,
  forbidden,
  mayAdministerAccount,
  mayCreateAccountOnline,
  rolesInReach,
  type AccountOperation,
  invalid,
  isLocked,
  maskMobile,
  notFound,
  ROLE_LABELS,
  validateMobile,
  type Actor,
  type Role,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { divisions, users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertStrongPassword } from '../auth/change-own-password';
import { applyPasswordReset } from '../auth/reset-password';
import { revokeUserSessions } from '../../security/sessions';
import { assertVersion } from '../version-check';
import { escapeLike } from '../organizations/organization-queries';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>;

export async function listUsers(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  filter: {
    q?: string | undefined;
    role?: Role | undefined;
    cityCode?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const conditions: (SQL | undefined)[] = [
    inArray(users.role, [...rolesInReach(actor.role)]),
    ne(users.id, actor.userId),
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.cityCode ? eq(users.cityCode, filter.cityCode) : undefined,
    filter.q
      ? or(
          ilike(users.username, `%${escapeLike(filter.q)}%`),
          ilike(users.displayName, `%${escapeLike(filter.q)}%`),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    deps.db
      .select({ user: users, cityName: divisions.name })
      .from(users)
      .leftJoin(divisions, eq(divisions.code, users.cityCode))
      .where(where)
      .orderBy(asc(users.role), asc(users.username))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    deps.db.select({ n: count() }).from(users).where(where),
  ]);
  const now = deps.clock.now();
  return {
    items: rows.map(({ user: u, cityName }) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as Role,
      roleLabel: ROLE_LABELS[u.role as Role] ?? u.role,
      cityCode: u.cityCode,
      cityName,
      organizationId: u.organizationId,
      status: u.status,
      phoneMasked: u.phoneEnc ? maskMobile(deps.fieldCrypto.decrypt(u.phoneEnc)) : null,
      email: u.email,
      locked: isLocked({ failedCount: u.failedLoginCount, lockedUntil: u.lockedUntil }, now),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
    })),
    total: Number(totals[0]?.n ?? 0),
  };
}

async function assertCityFitsRole(tx: Executor, role: string, cityCode: string | null | undefined) {
  if ((CITY_ROLES as readonly string[]).includes(role)) {
    if (!cityCode) throw invalid('CITY_REQUIRED', '市州鉴定中心、市州人社局账号必须选择所属市州');
    const [city] = await tx.select().from(divisions).where(eq(divisions.code, cityCode));
    if (!city || city.level !== 'city') throw invalid('DIVISION_INVALID', '所选市州不存在');
  }
}

/** The account, locked for update, when the administrator reaches it and may perform every `ops`. */
async function findUser(tx: Executor, actor: Actor, id: string, ops: AccountOperation[]) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [u] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!u || !accountInReach(actor, u)) throw notFound();
  if (ops.some((op) => !mayAdministerAccount(actor, u, op)))
    throw forbidden('ADMIN_SEPARATION', '三员分立：安全管理员只能重置口令、解锁、停用或启用该账号');
  return u;
}

export async function createStaffUser(
  deps: Deps,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    role: string;
    cityCode?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    password: string;
  },
  meta: RequestMeta,
): Promise<{ id: string }> {
  const now = deps.clock.now();
  if (!mayCreateAccountOnline(actor.role, input.role))
    throw forbidden(
      'ADMIN_ACCOUNT_CLI_ONLY',
      '三员分立：系统管理员、安全管理员、安全审计员账号只能在服务器命令行创建（npm run create-admin）',
    );
  const phone = input.phone ? validateMobile(input.phone) : null;
  if (phone && !phone.valid) throw invalid('MOBILE_INVALID', phone.errors[0]?.message ?? '手机号格式不正确');
  return deps.db.transaction(async (tx) => {
    await assertCityFitsRole(tx, input.role, input.cityCode);
    await assertStrongPassword(tx, input.password, input.username);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已被使用，请换一个`);
    const cityCode = input.cityCode ?? null;
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await deps.passwords.hash(input.password),
        role: input.role,
        cityCode,
        phoneEnc: phone ? deps.fieldCrypto.encrypt(phone.normalized) : null,
        phoneMac: phone ? deps.fieldCrypto.mac(phone.normalized) : null,
        email: input.email || null,
        mustChangePassword: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'user.created',
        targetType: 'user',
        targetId: created!.id,
        cityCode,
        after: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          cityCode,
          email: input.email || null,
        },
      },
      now,
    );
    return { id: created!.id };
  });
}

export async function updateStaffUser(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    displayName?: string | undefined;
    status?: 'active' | 'disabled' | undefined;
    cityCode?: string | null | undefined;
    /** '' clears the mailbox. */
    email?: string | undefined;
    version: number;
  },
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const ops: AccountOperation[] = [];
    if (input.displayName !== undefined || input.cityCode !== undefined) ops.push('edit');
    if (input.status !== undefined) ops.push('setStatus');
    const u = await findUser(tx, actor, id, ops);
    assertVersion(u.version, input.version);
    if (u.id === actor.userId && input.status === 'disabled')
      throw invalid('CANNOT_DISABLE_SELF', '不能停用自己的账号');
    const next = {
      displayName: input.displayName ?? u.displayName,
      status: input.status ?? u.status,
      cityCode: input.cityCode === undefined ? u.cityCode : input.cityCode,
      email: input.email === undefined ? u.email : input.email || null,
    };
    await assertCityFitsRole(tx, u.role, next.cityCode);
    await tx
      .update(users)
      .set({ ...next, version: u.version + 1 })
      .where(eq(users.id, u.id));
    if (next.status === 'disabled' || next.cityCode !== u.cityCode) await revokeUserSessions(tx, u.id, now);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'user.updated',
        targetType: 'user',
        targetId: u.id,
        cityCode: next.cityCode,
        before: {
          displayName: u.displayName,
          status: u.status,
          cityCode: u.cityCode,
          email: u.email,
          version: u.version,
        },
        after: { ...next, version: u.version + 1 },
      },
      now,
    );
  });
}

export async function adminResetPassword(
  deps: Deps,
  actor: Actor,
  id: string,
  newPassword: string,
  reason: string,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const u = await findUser(tx, actor, id, ['resetPassword']);
    await applyPasswordReset(tx, deps, actor, u, newPassword, { cityCode: u.cityCode, reason, meta, now });
  });
}

export async function unlockUser(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const u = await findUser(tx, actor, id, ['unlock']);
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, u.id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'user.unlocked',
        targetType: 'user',
        targetId: u.id,
        cityCode: u.cityCode,
        before: { failedLoginCount: u.failedLoginCount, lockedUntil: u.lockedUntil },
      },
      now,
    );
  });
}

export async function revealUserPhone(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  reason: string,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const u = await findUser(tx, actor, id, ['revealPersonalData']);
    if (!u.phoneEnc) throw conflict('NO_PHONE', '该账号未登记手机号');
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'personal_data.revealed',
        targetType: 'user',
        targetId: u.id,
        cityCode: u.cityCode,
        reason,
        after: { field: 'phone' },
      },
      now,
    );
    return { phone: deps.fieldCrypto.decrypt(u.phoneEnc) };
  });
}
