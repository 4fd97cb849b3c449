/**
 * 口令历史: the hashes of an account's previous passwords, so a new password cannot repeat one of the
 * last PASSWORD_HISTORY_DEPTH (the current one included). Only as many hashes are kept as the rule needs.
 */
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { invalid, PASSWORD_HISTORY_DEPTH, passwordReusedError } from '@skillcert/domain';
import type { AppDeps } from '../../deps';
import type { Executor } from '../../db/client';
import { passwordHistory } from '../../db/schema';

const KEPT = PASSWORD_HISTORY_DEPTH - 1;

/** Called whenever a password is replaced (own change, reset): keeps the old hash, drops older ones. */
export async function rememberPreviousPassword(
  tx: Executor,
  userId: string,
  previousHash: string,
  now: Date,
): Promise<void> {
  await tx.insert(passwordHistory).values({ userId, passwordHash: previousHash, replacedAt: now });
  const kept = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(KEPT);
  await tx.delete(passwordHistory).where(
    and(
      eq(passwordHistory.userId, userId),
      notInArray(
        passwordHistory.id,
        kept.map((k) => k.id),
      ),
    ),
  );
}

/** Refuses a new password equal to the current one (PASSWORD_UNCHANGED) or a recent one (PASSWORD_REUSED). */
export async function assertNotRecentlyUsed(
  tx: Executor,
  passwords: AppDeps['passwords'],
  user: { id: string; passwordHash: string },
  newPassword: string,
): Promise<void> {
  if (await passwords.verify(user.passwordHash, newPassword))
    throw invalid('PASSWORD_UNCHANGED', '新口令不能与当前口令相同');
  const previous = await tx
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, user.id))
    .orderBy(desc(passwordHistory.id))
    .limit(KEPT);
  for (const { hash } of previous) {
    if (await passwords.verify(hash, newPassword)) throw passwordReusedError();
  }
}
