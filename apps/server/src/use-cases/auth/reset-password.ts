/**
 * 重置口令 by an administrator (sys_admin for staff, the organization admin for colleagues): the new
 * password must meet the policy, must be changed at next login, clears a lockout and ends live sessions.
 * Runs inside the caller's transaction; the audit entry is written last.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { revokeUserSessions } from '../../security/sessions';
import { assertStrongPassword } from './change-own-password';
import { rememberPreviousPassword } from './password-history';

export async function applyPasswordReset(
  tx: Executor,
  deps: Pick<AppDeps, 'passwords'>,
  actor: Actor,
  user: { id: string; username: string; version: number; passwordHash: string },
  newPassword: string,
  audit: { cityCode: string | null; reason: string; meta: RequestMeta; now: Date },
): Promise<void> {
  await assertStrongPassword(tx, newPassword, user.username);
  await rememberPreviousPassword(tx, user.id, user.passwordHash, audit.now);
  await tx
    .update(users)
    .set({
      passwordHash: await deps.passwords.hash(newPassword),
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
      version: user.version + 1,
    })
    .where(eq(users.id, user.id));
  await revokeUserSessions(tx, user.id, audit.now);
  await appendAudit(
    tx,
    {
      actor,
      ip: audit.meta.ip,
      action: 'account.password_reset',
      targetType: 'user',
      targetId: user.id,
      cityCode: audit.cityCode,
      reason: audit.reason,
    },
    audit.now,
  );
}
