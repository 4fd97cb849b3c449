import { describe, expect, it } from 'vitest';
import {
  accountLockedError,
  evaluateLoginFailure,
  evaluateLoginSuccess,
  isLocked,
  remainingAttempts,
  UNLOCKED,
  type LoginLockState,
} from '../src/lockout';
import { checkPasswordStrength } from '../src/password-policy';

describe('checkPasswordStrength (等保 ≥ 8 chars, 3 of 4 classes)', () => {
  it.each(['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'Hunan#2026', '湘Abc12345'])(
    'accepts %s',
    (pw) => {
      expect(checkPasswordStrength(pw)).toEqual([]);
    },
  );

  it.each([
    ['Abc1!', '当前5位，包含4类'], // too short
    ['abcdefgh', '当前8位，包含1类'],
    ['abcdefg1', '当前8位，包含2类'],
    ['ABCDEFGH12', '当前10位，包含2类'],
    ['abcd efgh', '当前9位，包含1类'], // a space is not a symbol
    ['', '当前0位，包含0类'],
  ])('refuses %j with PASSWORD_WEAK explaining the rule', (pw, detail) => {
    const errors = checkPasswordStrength(pw);
    expect(errors.map((e) => e.code)).toEqual(['PASSWORD_WEAK']);
    expect(errors[0]?.message).toContain('密码至少8位，且包含大写字母、小写字母、数字、特殊符号中的至少3类');
    expect(errors[0]?.message).toContain(detail);
  });

  it('applies configured length and class count', () => {
    expect(checkPasswordStrength('Abcdefg1', { minLength: 12 })[0]?.message).toContain('至少12位');
    expect(checkPasswordStrength('Abcdefg1', { minClasses: 4 })[0]?.message).toContain('至少4类');
    expect(checkPasswordStrength('abcdefgh', { minClasses: 1 })).toEqual([]);
  });

  it('refuses a password equal to the username, ignoring case', () => {
    expect(checkPasswordStrength('Admin@123', { username: 'admin@123' }).map((e) => e.code)).toEqual([
      'PASSWORD_EQUALS_USERNAME',
    ]);
    expect(checkPasswordStrength('Admin@1234', { username: 'admin@123' })).toEqual([]);
  });

  it('refuses a nonsensical policy', () => {
    expect(() => checkPasswordStrength('x', { minClasses: 5 })).toThrow(
      expect.objectContaining({ code: 'PASSWORD_POLICY_INVALID' }),
    );
  });
});

describe('login lockout (5 failures → 15 minutes)', () => {
  const t0 = new Date('2026-11-25T02:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  function failNTimes(n: number, state: LoginLockState = UNLOCKED, now = t0): LoginLockState {
    let s = state;
    for (let i = 0; i < n; i++) s = evaluateLoginFailure(s, now);
    return s;
  }

  it('counts failures and tells how many attempts remain', () => {
    const s = failNTimes(4);
    expect(s).toEqual({ failedCount: 4, lockedUntil: null });
    expect(isLocked(s, t0)).toBe(false);
    expect(remainingAttempts(s, t0)).toBe(1);
  });

  it('locks on the 5th failure for 15 minutes, then lifts by itself', () => {
    const s = failNTimes(5);
    expect(s.lockedUntil?.toISOString()).toBe('2026-11-25T02:15:00.000Z');
    expect(isLocked(s, at(14.99))).toBe(true);
    expect(isLocked(s, at(15))).toBe(false);
    expect(remainingAttempts(s, at(1))).toBe(0);
    expect(remainingAttempts(s, at(16))).toBe(5);
  });

  it('a failure while locked does not extend the lock', () => {
    const locked = failNTimes(5);
    expect(evaluateLoginFailure(locked, at(10))).toEqual(locked);
  });

  it('after the lock expires, counting starts again from 1', () => {
    const s = evaluateLoginFailure(failNTimes(5), at(20));
    expect(s).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it('a success clears the counter', () => {
    expect(evaluateLoginSuccess()).toEqual({ failedCount: 0, lockedUntil: null });
  });

  it('honours a configured policy', () => {
    const s = evaluateLoginFailure({ failedCount: 2, lockedUntil: null }, t0, {
      maxFailures: 3,
      lockMinutes: 30,
    });
    expect(s.lockedUntil?.toISOString()).toBe('2026-11-25T02:30:00.000Z');
  });

  it('tells a locked user how many minutes to wait (ACCOUNT_LOCKED, 403)', () => {
    const e = accountLockedError(failNTimes(5), at(0.5));
    expect(e).toMatchObject({ code: 'ACCOUNT_LOCKED', kind: 'forbidden' });
    expect(e.message).toBe('登录失败次数过多，账号已锁定，请15分钟后再试');
    expect(accountLockedError(failNTimes(5), at(14.5)).message).toContain('请1分钟后再试');
  });
});
