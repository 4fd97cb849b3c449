/**
 * The second factor (动态口令, TOTP) policy. GB/T 22239-2019 level 3 (docs/domain.md §10) asks two
 * factors of administrators: the 三员 and the province staff, who decide for the whole province, must
 * use one; other staff may by policy. Applicants are not staff and never need one.
 */
import type { Role } from './roles';

export const SECOND_FACTOR_REQUIRED_ROLES: readonly Role[] = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'province_center',
  'province_bureau',
];

/** Number of one-time recovery codes handed out at enrolment. */
export const RECOVERY_CODE_COUNT = 10;

/** Whether an account of this role must pass the second factor, under the configured role list. */
export function secondFactorRequired(role: Role, requiredRoles: readonly Role[]): boolean {
  return role !== 'applicant' && requiredRoles.includes(role);
}

/**
 * The configured list may add roles, never drop the ones the level-3 rule names: a production
 * configuration that would is refused (returns the missing roles).
 */
export function missingRequiredSecondFactorRoles(configured: readonly Role[]): Role[] {
  return SECOND_FACTOR_REQUIRED_ROLES.filter((r) => !configured.includes(r));
}
