/** Which second step a login needs, read from the user's factor row and the configured role policy. */
import { eq } from 'drizzle-orm';
import { isRole, secondFactorRequired, type Role } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { userSecondFactors } from '../../db/schema';
import type { ChallengePurpose } from '../../security/login-challenge';

/**
 * An enrolled factor is always asked for, whatever the role policy (a user who chose one keeps it);
 * a role that requires one but has none enrolled must enrol before any session exists.
 */
export async function secondFactorStepOf(
  tx: Executor,
  user: { id: string; role: string },
  requiredRoles: readonly Role[],
): Promise<ChallengePurpose | null> {
  const [factor] = await tx
    .select({ enabledAt: userSecondFactors.enabledAt })
    .from(userSecondFactors)
    .where(eq(userSecondFactors.userId, user.id))
    .limit(1);
  if (factor?.enabledAt) return 'verify';
  if (isRole(user.role) && secondFactorRequired(user.role, requiredRoles)) return 'enrol';
  return null;
}
