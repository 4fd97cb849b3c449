/**
 * 单位同事: the organization's administrator adds colleagues, resets their passwords and may hand the
 * administrator role to one of them. Every change is audited.
 */
import { and, asc, eq } from 'drizzle-orm';
import { conflict, invalid, maskMobile, notFound, validateMobile, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertStrongPassword } from '../auth/change-own-password';
import { applyPasswordReset } from '../auth/reset-password';
import { revokeUserSessions } from '../../security/sessions';
import { getOrganization } from './organization-queries';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>;

export async function listColleagues(deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, actor: Actor, orgId: string) {
  await getOrganization(deps.db, actor, orgId);
  const rows = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.role, 'applicant')))
    .orderBy(asc(users.createdAt))
    .limit(500);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    isOrgAdmin: u.isOrgAdmin,
    status: u.status,
    phoneMasked: u.phoneEnc ? maskMobile(deps.fieldCrypto.decrypt(u.phoneEnc)) : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  }));
}

async function requireOrgAdmin(tx: Executor, actor: Actor, orgId: string) {
  const org = await getOrganization(tx, actor, orgId);
  if (!actor.isOrgAdmin) throw notFound();
  return org;
}

async function colleagueOf(tx: Executor, orgId: string, userId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound();
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, orgId)))
    .for('update');
  if (!u) throw notFound();
  return u;
}

export async function addColleague(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { username: string; displayName: string; password: string; phone?: string | undefined },
  meta: RequestMeta,
): Promise<{ id: string }> {
  const now = deps.clock.now();
  const phone = input.phone ? validateMobile(input.phone) : null;
  if (phone && !phone.valid) throw invalid('MOBILE_INVALID', phone.errors[0]?.message ?? '手机号格式不正确');
  return deps.db.transaction(async (tx) => {
    const org = await requireOrgAdmin(tx, actor, orgId);
    await assertStrongPassword(tx, input.password, input.username);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已被使用，请换一个`);
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await deps.passwords.hash(input.password),
        role: 'applicant',
        organizationId: orgId,
        phoneEnc: phone ? deps.fieldCrypto.encrypt(phone.normalized) : null,
        phoneMac: phone ? deps.fieldCrypto.mac(phone.normalized) : null,
        mustChangePassword: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'organization.colleague_added',
        targetType: 'user',
        targetId: created!.id,
        cityCode: org.cityCode,
        after: { username: input.username, displayName: input.displayName, organizationId: orgId },
      },
      now,
    );
    return { id: created!.id };
  });
}

export async function resetColleaguePassword(
  deps: Deps,
  actor: Actor,
  orgId: string,
  userId: string,
  newPassword: string,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const org = await requireOrgAdmin(tx, actor, orgId);
    const u = await colleagueOf(tx, orgId, userId);
    await applyPasswordReset(tx, deps, actor, u, newPassword, {
      cityCode: org.cityCode,
      reason: '单位管理员重置同事口令',
      meta,
      now,
    });
  });
}

export async function transferOrgAdmin(
  deps: Deps,
  actor: Actor,
  orgId: string,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const org = await requireOrgAdmin(tx, actor, orgId);
    const u = await colleagueOf(tx, orgId, userId);
    if (u.id === actor.userId) throw invalid('TRANSFER_TO_SELF', '不能将管理员移交给自己');
    if (u.status !== 'active') throw conflict('USER_NOT_ACTIVE', '该同事账号已停用，不能接任单位管理员');
    await tx
      .update(users)
      .set({ isOrgAdmin: true, version: u.version + 1 })
      .where(eq(users.id, u.id));
    await tx.update(users).set({ isOrgAdmin: false }).where(eq(users.id, actor.userId));
    // The old admin's live sessions carry the admin flag; end them so the hand-over takes effect now.
    await revokeUserSessions(tx, actor.userId, now);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'organization.admin_transferred',
        targetType: 'organization',
        targetId: orgId,
        cityCode: org.cityCode,
        before: { adminUserId: actor.userId },
        after: { adminUserId: u.id },
      },
      now,
    );
  });
}
