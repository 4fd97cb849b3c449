/**
 * 登录失败锁定 (login lockout) — 等保 2.0 三级 practice (docs/domain.md §10): lock an account after 5
 * consecutive failed logins, for a period set by security_admin (default 15 minutes).
 *
 * Pure: the caller passes the stored state and the current instant, and stores what comes back.
 * The state mirrors the users table (failed_login_count, locked_until).
 */
import { forbidden, invalid, type DomainError } from './errors';

export interface LoginLockState {
  failedCount: number;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Consecutive failures that lock the account; default 5. */
  maxFailures?: number;
  /** Lock duration in minutes; default 15. */
  lockMinutes?: number;
}

export const UNLOCKED: LoginLockState = Object.freeze({ failedCount: 0, lockedUntil: null });

function resolve(policy: LockoutPolicy): { maxFailures: number; lockMinutes: number } {
  const maxFailures = policy.maxFailures ?? 5;
  const lockMinutes = policy.lockMinutes ?? 15;
  if (!Number.isInteger(maxFailures) || maxFailures < 1 || !(lockMinutes > 0)) {
    throw invalid('LOCKOUT_POLICY_INVALID', '锁定策略参数无效：失败次数应为正整数，锁定时长应大于0分钟');
  }
  return { maxFailures, lockMinutes };
}

/** Locked while `now` is before `lockedUntil`; the lock lifts by itself when the time has passed. */
export function isLocked(state: LoginLockState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < state.lockedUntil.getTime();
}

/**
 * The state after a failed login. The n-th consecutive failure (n = maxFailures) sets the lock.
 * A failure after an expired lock starts counting again from 1; a failure while locked changes nothing
 * (the caller refuses before checking the password, so an attacker cannot extend the lock forever).
 */
export function evaluateLoginFailure(
  state: LoginLockState,
  now: Date,
  policy: LockoutPolicy = {},
): LoginLockState {
  const { maxFailures, lockMinutes } = resolve(policy);
  if (isLocked(state, now)) return state;
  const previous = state.lockedUntil === null ? state.failedCount : 0;
  const failedCount = previous + 1;
  if (failedCount >= maxFailures) {
    return { failedCount, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) };
  }
  return { failedCount, lockedUntil: null };
}

/** The state after a successful login: the counter is cleared. */
export function evaluateLoginSuccess(): LoginLockState {
  return { failedCount: 0, lockedUntil: null };
}

/** Attempts left before the lock (0 when locked). */
export function remainingAttempts(state: LoginLockState, now: Date, policy: LockoutPolicy = {}): number {
  const { maxFailures } = resolve(policy);
  if (isLocked(state, now)) return 0;
  const used = state.lockedUntil === null ? state.failedCount : 0;
  return Math.max(0, maxFailures - used);
}

/** The refusal shown while locked: `ACCOUNT_LOCKED`, with the minutes left rounded up. */
export function accountLockedError(state: LoginLockState, now: Date): DomainError {
  const msLeft = (state.lockedUntil?.getTime() ?? now.getTime()) - now.getTime();
  const minutes = Math.max(1, Math.ceil(msLeft / 60_000));
  return forbidden('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`);
}
