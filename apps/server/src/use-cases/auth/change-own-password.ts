/**
 * 修改本人口令: the current password is required; the new one must meet the policy and repeat none of
 * the last PASSWORD_HISTORY_DEPTH passwords. The change ends the user's other sessions (a stolen session
 * does not outlive the change) and lifts the forced change after a reset.
 */
import { eq } from 'drizzle-orm';
import { checkPasswordStrength, invalid, unauthenticated, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { loadSecurityPolicy } from '../../security/security-policy';
import { revokeOtherSessions } from '../../security/sessions';
import { assertNotRecentlyUsed, rememberPreviousPassword } from './password-history';

export async function changeOwnPassword(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
  /** The session making the change (hash of its token): the only one that stays. */
  currentSessionId: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!user) throw unauthenticated();
    if (!(await deps.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw invalid('CURRENT_PASSWORD_WRONG', '当前口令不正确');
    }
    await assertStrongPassword(tx, input.newPassword, user.username);
    await assertNotRecentlyUsed(tx, deps.passwords, user, input.newPassword);
    await rememberPreviousPassword(tx, user.id, user.passwordHash, now);
    await tx
      .update(users)
      .set({
        passwordHash: await deps.passwords.hash(input.newPassword),
        mustChangePassword: false,
        version: user.version + 1,
      })
      .where(eq(users.id, user.id));
    await revokeOtherSessions(tx, user.id, currentSessionId, now);
    await appendAudit(
      tx,
      { actor, ip: meta.ip, action: 'account.password_changed', targetType: 'user', targetId: user.id },
      now,
    );
  });
}

/** Checks a new password against the current security policy (PASSWORD_WEAK with the reasons). */
export async function assertStrongPassword(
  db: Parameters<typeof loadSecurityPolicy>[0],
  password: string,
  username: string,
): Promise<void> {
  const policy = await loadSecurityPolicy(db);
  const errors = checkPasswordStrength(password, {
    minLength: policy.passwordMinLength,
    minClasses: policy.passwordMinClasses,
    username,
  });
  if (errors.length > 0) throw invalid('PASSWORD_WEAK', errors.map((e) => e.message).join('；'), errors);
}
