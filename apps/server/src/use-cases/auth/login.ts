/**
 * 登录. Every failure gets one answer (LOGIN_FAILED, naming the lockout rule) and one cost: an unknown
 * name is verified against a dummy hash at the real argon2 cost, so neither the message nor the timing
 * tells whether an account exists. That an account is locked or disabled is told only to a caller who
 * gave its right password. Failed attempts count toward the lockout (docs/domain.md §10: 5 failures → 15
 * minutes, set by the security admin) and are audited even though the request fails: the failure is
 * committed first, then reported.
 */
import { eq } from 'drizzle-orm';
import {
  accountLockedError,
  evaluateLoginFailure,
  evaluateLoginSuccess,
  forbidden,
  isLocked,
  unauthenticated,
  type DomainError,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { users } from '../../db/schema';
import { appendAudit, type AuditEntry } from '../../audit/audit-writer';
import { createSession, type NewSession } from '../../security/sessions';
import { loadSecurityPolicy } from '../../security/security-policy';
import { challengeKey, issueChallenge, type ChallengePurpose } from '../../security/login-challenge';
import type { Executor } from '../../db/client';
import { secondFactorStepOf } from './second-factor-state';

export interface LoginInput {
  username: string;
  password: string;
}

/** A finished login, or the second step it still needs (the token names the user, see login-challenge). */
export type LoginResult =
  { session: NewSession; userId: string } | { secondFactor: ChallengePurpose; challenge: string };

type Outcome = ({ ok: true } & LoginResult) | { ok: false; error: DomainError };

export async function login(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'config'>,
  input: LoginInput,
  meta: RequestMeta,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const username = input.username.trim();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const policy = await loadSecurityPolicy(tx);
    const lockout = { maxFailures: policy.maxLoginFailures, lockMinutes: policy.lockMinutes };
    const found = await tx.select().from(users).where(eq(users.username, username)).for('update').limit(1);
    const user = found[0];
    const passwordOk = await deps.passwords.verify(
      user?.passwordHash ?? (await deps.passwords.dummyHash()),
      input.password,
    );
    const failed = unauthenticated(
      'LOGIN_FAILED',
      `用户名或密码错误（连续错误 ${lockout.maxFailures} 次，账号将被锁定 ${lockout.lockMinutes} 分钟）`,
    );
    const audit = (entry: Omit<AuditEntry, 'ip'>) => appendAudit(tx, { ...entry, ip: meta.ip }, now);
    if (!user) {
      await audit({ actor: null, actorLabel: username, action: 'auth.login_failed', reason: '账号不存在' });
      return { ok: false, error: failed };
    }
    const actor = { userId: user.id, displayName: user.displayName, role: user.role as never };
    const target = { actor, targetType: 'user', targetId: user.id } as const;
    const state = { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
    const disabled = user.status !== 'active';
    if (!passwordOk) {
      // A locked account's counter stays as it is (evaluateLoginFailure), so nobody extends the lock.
      const next = disabled ? state : evaluateLoginFailure(state, now, lockout);
      if (next !== state) {
        await tx
          .update(users)
          .set({ failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil })
          .where(eq(users.id, user.id));
      }
      const lockedNow = !isLocked(state, now) && isLocked(next, now);
      await audit({
        ...target,
        action: lockedNow ? 'auth.account_locked' : 'auth.login_failed',
        reason: lockedNow
          ? `连续 ${next.failedCount} 次口令错误，账号锁定`
          : disabled
            ? '口令错误（账号已停用）'
            : isLocked(state, now)
              ? '口令错误（账号锁定中）'
              : '口令错误',
      });
      return { ok: false, error: failed };
    }
    if (disabled) {
      await audit({ ...target, action: 'auth.login_failed', reason: '账号已停用' });
      return { ok: false, error: forbidden('ACCOUNT_DISABLED', '账号已停用，请联系管理员') };
    }
    if (isLocked(state, now)) {
      await audit({ ...target, action: 'auth.login_failed', reason: '账号已锁定' });
      return { ok: false, error: accountLockedError(state, now) };
    }
    // With a second factor the failure count is cleared only when the code is right too, so guessing
    // codes counts toward the same lockout however often the password is typed again.
    const purpose = await secondFactorStepOf(tx, user, deps.config.secondFactorRoles);
    if (purpose) {
      const challenge = issueChallenge(
        challengeKey(deps.config.fieldKeyHex),
        { userId: user.id, purpose },
        now,
      );
      return { ok: true, secondFactor: purpose, challenge };
    }
    const session = await openSession(tx, user, meta, now, null);
    return { ok: true, session, userId: user.id };
  });
  if (!outcome.ok) throw outcome.error;
  const { ok: _ok, ...result } = outcome;
  return result;
}

/** The last step of every successful login: counters cleared, a new session, the audit entry last. */
export async function openSession(
  tx: Executor,
  user: { id: string; displayName: string; role: string; cityCode: string | null },
  meta: RequestMeta,
  now: Date,
  /** How the second step was passed, when there was one (the audit entry says so). */
  secondStep: string | null,
): Promise<NewSession> {
  const cleared = evaluateLoginSuccess();
  await tx
    .update(users)
    .set({ failedLoginCount: cleared.failedCount, lockedUntil: cleared.lockedUntil, lastLoginAt: now })
    .where(eq(users.id, user.id));
  const session = await createSession(tx, user.id, meta, now);
  const actor = { userId: user.id, displayName: user.displayName, role: user.role as never };
  await appendAudit(
    tx,
    {
      actor,
      ip: meta.ip,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      cityCode: user.cityCode,
      reason: secondStep,
    },
    now,
  );
  return session;
}
