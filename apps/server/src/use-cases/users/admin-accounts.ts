/**
 * 三员账号 on the server's command line (`npm run create-admin`): the only way to create an account of
 * the system admin, the security admin or the audit admin, and to reset the security admin's own
 * password (三员分立, admin-separation.ts). Both are written to the audit trail as command-line actions,
 * so the audit admin sees them next to the online ones.
 */
import { eq } from 'drizzle-orm';
import { ADMIN_ROLES, ROLE_LABELS, invalid, isAdminRole, notFound, conflict } from '@skillcert/domain';
import type { AppDeps } from '../../deps';
import { users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertStrongPassword } from '../auth/change-own-password';
import { revokeUserSessions } from '../../security/sessions';
import { rememberPreviousPassword } from '../auth/password-history';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'passwords'>;

export const COMMAND_LINE_ACTOR = '服务器命令行（create-admin）';

export async function createAdminAccount(
  deps: Deps,
  input: { role: string; username: string; displayName: string; password: string },
): Promise<{ id: string }> {
  if (!isAdminRole(input.role))
    throw invalid('ADMIN_ROLE_INVALID', `角色只能是 ${ADMIN_ROLES.join('、')}（三员）之一`);
  const role = input.role;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await assertStrongPassword(tx, input.password, input.username);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已存在`);
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await deps.passwords.hash(input.password),
        role,
        mustChangePassword: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    await appendAudit(
      tx,
      {
        actor: null,
        actorLabel: COMMAND_LINE_ACTOR,
        action: 'user.created',
        targetType: 'user',
        targetId: created!.id,
        reason: `命令行创建${ROLE_LABELS[role]}账号`,
        after: { username: input.username, displayName: input.displayName, role },
      },
      now,
    );
    return { id: created!.id };
  });
}

/** The security admin's own password: nobody online may reset it, so the server's operator does. */
export async function resetSecurityAdminPassword(
  deps: Deps,
  input: { username: string; password: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.username, input.username)).for('update');
    if (!u) throw notFound('USER_NOT_FOUND', `没有用户名为"${input.username}"的账号`);
    if (u.role !== 'security_admin')
      throw invalid(
        'NOT_SECURITY_ADMIN',
        '命令行只重置安全管理员的口令；其他账号由安全管理员或系统管理员在“用户管理”中重置',
      );
    await assertStrongPassword(tx, input.password, u.username);
    await rememberPreviousPassword(tx, u.id, u.passwordHash, now);
    await tx
      .update(users)
      .set({
        passwordHash: await deps.passwords.hash(input.password),
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
        version: u.version + 1,
      })
      .where(eq(users.id, u.id));
    await revokeUserSessions(tx, u.id, now);
    await appendAudit(
      tx,
      {
        actor: null,
        actorLabel: COMMAND_LINE_ACTOR,
        action: 'account.password_reset',
        targetType: 'user',
        targetId: u.id,
        reason: '命令行重置安全管理员口令',
      },
      now,
    );
  });
}
