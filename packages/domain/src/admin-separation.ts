/**
 * 三员分立 (等保 2.0 三级 practice; docs/domain.md §10). One rule for who administers which account:
 * - the system admin (sys_admin) manages business accounts only (every staff role but the three
 *   administrators): creates, edits, disables, resets, unlocks, reveals phone numbers;
 * - the security admin (security_admin) resets, unlocks and disables the system admin's and the audit
 *   admin's accounts, never its own, and nothing else;
 * - the audit admin (audit_admin) is read-only: it administers no account and reads every such action
 *   in the audit trail;
 * - accounts of the three roles are created, and the security admin's own password is reset, only on
 *   the server's command line (`npm run create-admin`), never through the web API.
 * An account has exactly one role and its role is never edited, so no account holds two of the roles.
 */
import type { Role } from './roles';

export const ADMIN_ROLES = ['sys_admin', 'security_admin', 'audit_admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const isAdminRole = (role: string): role is AdminRole =>
  (ADMIN_ROLES as readonly string[]).includes(role);

/** Staff roles whose accounts the system admin creates online (applicants register themselves). */
export const BUSINESS_STAFF_ROLES: readonly Role[] = [
  'city_center',
  'city_bureau',
  'expert',
  'province_center',
  'province_bureau',
  'inspector',
];

/** What an administrator does to somebody else's account. */
export type AccountOperation =
  | 'edit' // name, city
  | 'setStatus' // disable / enable again
  | 'resetPassword'
  | 'unlock'
  | 'revealPersonalData';

const SECURITY_ADMIN_OPERATIONS: readonly AccountOperation[] = ['setStatus', 'resetPassword', 'unlock'];

export interface AccountRef {
  id: string;
  role: string;
}

/**
 * Whether the account is within the administrator's reach at all (listed to it, addressable by it).
 * Out of reach is answered like an invisible record: not found.
 */
export function accountInReach(actor: { userId: string; role: Role }, target: AccountRef): boolean {
  switch (actor.role) {
    case 'sys_admin':
      return (BUSINESS_STAFF_ROLES as readonly string[]).includes(target.role);
    case 'security_admin':
      return target.id !== actor.userId && (target.role === 'sys_admin' || target.role === 'audit_admin');
    default:
      return false;
  }
}

/** Roles whose accounts the administrator sees in 用户管理 (the list filter of `accountInReach`). */
export function rolesInReach(role: Role): readonly Role[] {
  if (role === 'sys_admin') return BUSINESS_STAFF_ROLES;
  if (role === 'security_admin') return ['sys_admin', 'audit_admin'];
  return [];
}

/** Whether the administrator may perform `op` on the account (in reach and an operation of its role). */
export function mayAdministerAccount(
  actor: { userId: string; role: Role },
  target: AccountRef,
  op: AccountOperation,
): boolean {
  if (!accountInReach(actor, target)) return false;
  if (actor.role === 'security_admin') return SECURITY_ADMIN_OPERATIONS.includes(op);
  return actor.role === 'sys_admin';
}

/** Whether an account of `role` may be created through the web API by `actorRole` (三员: command line only). */
export function mayCreateAccountOnline(actorRole: Role, role: string): boolean {
  return actorRole === 'sys_admin' && (BUSINESS_STAFF_ROLES as readonly string[]).includes(role);
}
