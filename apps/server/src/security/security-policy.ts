/**
 * 安全策略 (security_admin): password length/classes and lockout, stored as a system parameter.
 * Defaults are the 等保 L3 baseline of docs/domain.md §10.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { systemParameters } from '../db/schema';

export interface SecurityPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  maxLoginFailures: number;
  lockMinutes: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  maxLoginFailures: 5,
  lockMinutes: 15,
};

const KEY = 'security_policy';

export async function loadSecurityPolicy(db: Executor): Promise<SecurityPolicy> {
  const rows = await db.select().from(systemParameters).where(eq(systemParameters.key, KEY)).limit(1);
  return { ...DEFAULT_SECURITY_POLICY, ...((rows[0]?.value as Partial<SecurityPolicy>) ?? {}) };
}

export async function saveSecurityPolicy(db: Executor, policy: SecurityPolicy, now: Date): Promise<void> {
  await db
    .insert(systemParameters)
    .values({ key: KEY, value: policy, updatedAt: now })
    .onConflictDoUpdate({ target: systemParameters.key, set: { value: policy, updatedAt: now } });
}
