/**
 * The second step of a staff login (动态口令, GB/T 22239 level 3, docs/domain.md §10): verify a TOTP code
 * or a one-time recovery code, or enrol an authenticator first. Wrong codes count toward the same
 * account lockout as wrong passwords (5 → 15 minutes) and are audited; a disabled or locked account is
 * refused here too. Enrolment (secret shown once as an otpauth:// URI for the QR code, recovery codes
 * shown once) and the security admin's reset are in the audit trail.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  accountLockedError,
  evaluateLoginFailure,
  forbidden,
  isLocked,
  notFound,
  RECOVERY_CODE_COUNT,
  unauthenticated,
  type Actor,
  type DomainError,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Tx } from '../../db/client';
import { userSecondFactors, users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { challengeKey, readChallenge } from '../../security/login-challenge';
import type { NewSession } from '../../security/sessions';
import { loadSecurityPolicy } from '../../security/security-policy';
import {
  acceptedStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeMac,
} from '../../security/totp';
import { openSession } from './login';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'fieldCrypto'>;
type UserRow = typeof users.$inferSelect;
type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };

const macKey = (deps: Deps) =>
  createHmac('sm3', Buffer.from(deps.config.fieldKeyHex, 'hex')).update('skillcert-recovery-code').digest();

const wrongCode = () =>
  unauthenticated('SECOND_FACTOR_FAILED', '动态口令或恢复码不正确（连续错误将锁定账号）');

/**
 * Runs a second-step attempt in one transaction on the challenge's user (locked FOR UPDATE). A wrong
 * code is committed (counter, audit) before it is reported, like a wrong password.
 */
async function attempt<T>(
  deps: Deps,
  challenge: string,
  purpose: 'verify' | 'enrol',
  meta: RequestMeta,
  check: (tx: Tx, user: UserRow, now: Date) => Promise<{ value: T } | { wrong: string }>,
): Promise<T> {
  const now = deps.clock.now();
  const userId = readChallenge(challengeKey(deps.config.fieldKeyHex), challenge, purpose, now);
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome<T>> => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!user) return { ok: false, error: wrongCode() };
    const state = { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
    if (user.status !== 'active')
      return { ok: false, error: forbidden('ACCOUNT_DISABLED', '账号已停用，请联系管理员') };
    if (isLocked(state, now)) return { ok: false, error: accountLockedError(state, now) };
    const result = await check(tx, user, now);
    if ('value' in result) return { ok: true, value: result.value };
    const policy = await loadSecurityPolicy(tx);
    const next = evaluateLoginFailure(state, now, {
      maxFailures: policy.maxLoginFailures,
      lockMinutes: policy.lockMinutes,
    });
    await tx
      .update(users)
      .set({ failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil })
      .where(eq(users.id, user.id));
    const lockedNow = isLocked(next, now);
    await appendAudit(
      tx,
      {
        actor: actorOfUser(user),
        ip: meta.ip,
        action: lockedNow ? 'auth.account_locked' : 'auth.second_factor_failed',
        targetType: 'user',
        targetId: user.id,
        reason: lockedNow ? `连续 ${next.failedCount} 次认证失败，账号锁定` : result.wrong,
      },
      now,
    );
    return { ok: false, error: lockedNow ? accountLockedError(next, now) : wrongCode() };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

const actorOfUser = (user: UserRow): Actor =>
  ({ userId: user.id, displayName: user.displayName, role: user.role }) as Actor;

async function factorOf(tx: Tx, userId: string) {
  const [factor] = await tx
    .select()
    .from(userSecondFactors)
    .where(eq(userSecondFactors.userId, userId))
    .for('update')
    .limit(1);
  return factor;
}

/** Login step 2 with an enrolled factor: a TOTP code (each works once) or an unused recovery code. */
export async function verifySecondFactor(
  deps: Deps,
  input: { challenge: string; code: string },
  meta: RequestMeta,
): Promise<{ session: NewSession; userId: string }> {
  return attempt<{ session: NewSession; userId: string }>(
    deps,
    input.challenge,
    'verify',
    meta,
    async (tx, user, now) => {
      const factor = await factorOf(tx, user.id);
      if (!factor?.enabledAt) return { wrong: '未绑定动态口令' };
      const code = input.code.trim();
      const step = acceptedStep(deps.fieldCrypto.decrypt(factor.secretEnc), code, now);
      if (step !== null && (factor.lastStep === null || step > factor.lastStep)) {
        await tx
          .update(userSecondFactors)
          .set({ lastStep: step })
          .where(eq(userSecondFactors.userId, user.id));
        return {
          value: { session: await openSession(tx, user, meta, now, '口令+动态口令'), userId: user.id },
        };
      }
      const mac = recoveryCodeMac(macKey(deps), code);
      if (step === null && factor.recoveryCodeMacs.includes(mac)) {
        const left = factor.recoveryCodeMacs.filter((m) => m !== mac);
        await tx
          .update(userSecondFactors)
          .set({ recoveryCodeMacs: left })
          .where(eq(userSecondFactors.userId, user.id));
        await appendAudit(
          tx,
          {
            actor: actorOfUser(user),
            ip: meta.ip,
            action: 'auth.recovery_code_used',
            targetType: 'user',
            targetId: user.id,
            reason: `剩余恢复码 ${left.length} 个`,
          },
          now,
        );
        return { value: { session: await openSession(tx, user, meta, now, '口令+恢复码'), userId: user.id } };
      }
      return { wrong: step !== null ? '动态口令已使用过' : '动态口令错误' };
    },
  );
}

/** Enrolment, first half: a new secret (replacing an unconfirmed one), as an otpauth:// URI for the QR code. */
export async function startEnrolment(
  deps: Deps,
  input: { challenge: string },
): Promise<{ otpauthUri: string; secret: string }> {
  const now = deps.clock.now();
  const userId = readChallenge(challengeKey(deps.config.fieldKeyHex), input.challenge, 'enrol', now);
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    const existing = await factorOf(tx, userId);
    // An enrolled factor is never replaced through a password-only challenge: only a reset removes it.
    if (!user || existing?.enabledAt)
      throw unauthenticated('LOGIN_CHALLENGE_INVALID', '登录验证已失效，请重新输入用户名和口令');
    const secret = newTotpSecret();
    const secretEnc = deps.fieldCrypto.encrypt(secret);
    await tx
      .insert(userSecondFactors)
      .values({ userId, secretEnc, createdAt: now })
      .onConflictDoUpdate({ target: userSecondFactors.userId, set: { secretEnc, createdAt: now } });
    return { otpauthUri: otpauthUri(secret, user.username), secret };
  });
}

/** Enrolment, second half: the first code proves the authenticator; recovery codes are shown once. */
export async function confirmEnrolment(
  deps: Deps,
  input: { challenge: string; code: string },
  meta: RequestMeta,
): Promise<{ session: NewSession; userId: string; recoveryCodes: string[] }> {
  return attempt<{ session: NewSession; userId: string; recoveryCodes: string[] }>(
    deps,
    input.challenge,
    'enrol',
    meta,
    async (tx, user, now) => {
      const factor = await factorOf(tx, user.id);
      if (!factor || factor.enabledAt) return { wrong: '未开始绑定动态口令' };
      const step = acceptedStep(deps.fieldCrypto.decrypt(factor.secretEnc), input.code.trim(), now);
      if (step === null) return { wrong: '绑定时动态口令错误' };
      const recoveryCodes = newRecoveryCodes(RECOVERY_CODE_COUNT);
      await tx
        .update(userSecondFactors)
        .set({
          enabledAt: now,
          lastStep: step,
          recoveryCodeMacs: recoveryCodes.map((c) => recoveryCodeMac(macKey(deps), c)),
        })
        .where(eq(userSecondFactors.userId, user.id));
      await appendAudit(
        tx,
        {
          actor: actorOfUser(user),
          ip: meta.ip,
          action: 'auth.second_factor_enrolled',
          targetType: 'user',
          targetId: user.id,
        },
        now,
      );
      const session = await openSession(tx, user, meta, now, '口令+动态口令（首次绑定）');
      return { value: { session, userId: user.id, recoveryCodes } };
    },
  );
}

/**
 * The security admin removes a user's factor (lost phone, used-up recovery codes); the user enrols
 * again at the next login. Authentication is the security admin's remit (三员), so this reaches every
 * account — business staff included — but its own. Never its own: that would let one person drop the factor protecting the
 * account that can reset everyone else's.
 */
export async function resetSecondFactor(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound();
  if (userId === actor.userId)
    throw forbidden('ADMIN_SEPARATION', '不能重置本人的动态口令，请在服务器上通过命令行处理');
  await deps.db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw notFound();
    const removed = await tx
      .delete(userSecondFactors)
      .where(eq(userSecondFactors.userId, userId))
      .returning({ userId: userSecondFactors.userId });
    if (removed.length === 0) throw notFound('SECOND_FACTOR_NOT_ENROLLED', '该账号未绑定动态口令');
    await appendAudit(
      tx,
      { actor, ip: meta.ip, action: 'user.second_factor_reset', targetType: 'user', targetId: userId },
      now,
    );
  });
}
