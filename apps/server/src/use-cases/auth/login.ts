/**
 * 登录. Failed attempts count toward the lockout (domain.md §10) and are audited even though the
 * request fails: the failure is committed first, then reported.
 */
import { eq } from 'drizzle-orm';
import {
  accountLockedError,
  evaluateLoginFailure,
  evaluateLoginSuccess,
  forbidden,
  isLocked,
  remainingAttempts,
  unauthenticated,
  type DomainError,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { createSession, type NewSession } from '../../security/sessions';
import { loadSecurityPolicy } from '../../security/security-policy';

export interface LoginInput {
  username: string;
  password: string;
}

type Outcome = { ok: true; session: NewSession; userId: string } | { ok: false; error: DomainError };

export async function login(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords'>,
  input: LoginInput,
  meta: RequestMeta,
): Promise<{ session: NewSession; userId: string }> {
  const now = deps.clock.now();
  const username = input.username.trim();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const policy = await loadSecurityPolicy(tx);
    const lockout = { maxFailures: policy.maxLoginFailures, lockMinutes: policy.lockMinutes };
    const found = await tx.select().from(users).where(eq(users.username, username)).for('update').limit(1);
    const user = found[0];
    const wrong = unauthenticated('LOGIN_FAILED', '用户名或密码错误');
    if (!user) {
      // Still pay the hashing cost, so response time does not reveal whether the account exists.
      await deps.passwords.verify('$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$aGFzaA', input.password);
      await appendAudit(
        tx,
        { actor: null, actorLabel: username, ip: meta.ip, action: 'auth.login_failed', reason: '账号不存在' },
        now,
      );
      return { ok: false, error: wrong };
    }
    const actor = { userId: user.id, displayName: user.displayName, role: user.role as never };
    const state = { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
    if (user.status !== 'active') {
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          reason: '账号已停用',
        },
        now,
      );
      return { ok: false, error: forbidden('ACCOUNT_DISABLED', '账号已停用，请联系管理员') };
    }
    if (isLocked(state, now)) {
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          reason: '账号已锁定',
        },
        now,
      );
      return { ok: false, error: accountLockedError(state, now) };
    }
    if (!(await deps.passwords.verify(user.passwordHash, input.password))) {
      const next = evaluateLoginFailure(state, now, lockout);
      await tx
        .update(users)
        .set({ failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil })
        .where(eq(users.id, user.id));
      const lockedNow = isLocked(next, now);
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: lockedNow ? 'auth.account_locked' : 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          reason: lockedNow ? `连续 ${next.failedCount} 次口令错误，账号锁定` : '口令错误',
        },
        now,
      );
      if (lockedNow) return { ok: false, error: accountLockedError(next, now) };
      const left = remainingAttempts(next, now, lockout);
      return {
        ok: false,
        error: unauthenticated(
          'LOGIN_FAILED',
          `用户名或密码错误，再错误 ${left} 次账号将被锁定 ${lockout.lockMinutes} 分钟`,
        ),
      };
    }
    const cleared = evaluateLoginSuccess();
    await tx
      .update(users)
      .set({ failedLoginCount: cleared.failedCount, lockedUntil: cleared.lockedUntil, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, meta, now);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        cityCode: user.cityCode,
      },
      now,
    );
    return { ok: true, session, userId: user.id };
  });
  if (!outcome.ok) throw outcome.error;
  return { session: outcome.session, userId: outcome.userId };
}
