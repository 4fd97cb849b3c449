import { describe, expect, it } from 'vitest';
import {
  accountInReach,
  mayAdministerAccount,
  mayCreateAccountOnline,
  rolesInReach,
  type AccountOperation,
} from '../src/admin-separation';
import { ROLES, type Role } from '../src/roles';

const sys = { userId: 'sys-1', role: 'sys_admin' as Role };
const sec = { userId: 'sec-1', role: 'security_admin' as Role };
const aud = { userId: 'aud-1', role: 'audit_admin' as Role };
const OPS: AccountOperation[] = ['edit', 'setStatus', 'resetPassword', 'unlock', 'revealPersonalData'];

describe('三员分立: who administers which account', () => {
  it('lets the system admin do everything to business accounts and nothing to the three administrators', () => {
    for (const op of OPS) {
      expect(mayAdministerAccount(sys, { id: 'u', role: 'city_center' }, op)).toBe(true);
      expect(mayAdministerAccount(sys, { id: 'u', role: 'inspector' }, op)).toBe(true);
      for (const role of ['sys_admin', 'security_admin', 'audit_admin'])
        expect(mayAdministerAccount(sys, { id: 'u', role }, op), `${op} ${role}`).toBe(false);
      expect(mayAdministerAccount(sys, { id: 'sys-1', role: 'sys_admin' }, op)).toBe(false);
    }
  });

  it('lets the security admin reset, unlock and disable the system and audit admins, never itself', () => {
    for (const role of ['sys_admin', 'audit_admin']) {
      for (const op of ['setStatus', 'resetPassword', 'unlock'] as const)
        expect(mayAdministerAccount(sec, { id: 'x', role }, op), `${op} ${role}`).toBe(true);
      expect(mayAdministerAccount(sec, { id: 'x', role }, 'edit')).toBe(false);
      expect(mayAdministerAccount(sec, { id: 'x', role }, 'revealPersonalData')).toBe(false);
    }
    for (const op of OPS) {
      expect(mayAdministerAccount(sec, { id: 'sec-1', role: 'security_admin' }, op)).toBe(false);
      expect(mayAdministerAccount(sec, { id: 'sec-2', role: 'security_admin' }, op)).toBe(false);
      expect(mayAdministerAccount(sec, { id: 'u', role: 'province_center' }, op)).toBe(false);
    }
  });

  it('leaves the audit admin and every business role read-only towards accounts', () => {
    for (const actorRole of ROLES.filter((r) => r !== 'sys_admin' && r !== 'security_admin')) {
      const actor = { userId: 'a', role: actorRole };
      expect(rolesInReach(actorRole)).toEqual([]);
      for (const role of ROLES) {
        expect(accountInReach(actor, { id: 'b', role })).toBe(false);
        expect(mayCreateAccountOnline(actorRole, role)).toBe(false);
      }
    }
    expect(accountInReach(aud, { id: 'sys-1', role: 'sys_admin' })).toBe(false);
  });

  it('creates business staff online and the three administrators on the command line only', () => {
    for (const role of [
      'city_center',
      'city_bureau',
      'expert',
      'province_center',
      'province_bureau',
      'inspector',
    ])
      expect(mayCreateAccountOnline('sys_admin', role)).toBe(true);
    for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'applicant'])
      expect(mayCreateAccountOnline('sys_admin', role)).toBe(false);
    expect(mayCreateAccountOnline('security_admin', 'audit_admin')).toBe(false);
  });

  it('lists to each administrator exactly the roles it reaches', () => {
    expect(rolesInReach('sys_admin')).not.toContain('security_admin');
    expect(rolesInReach('sys_admin')).toContain('city_bureau');
    expect(rolesInReach('security_admin')).toEqual(['sys_admin', 'audit_admin']);
  });
});
