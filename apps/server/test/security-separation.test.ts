/**
 * 三员分立 (docs/domain.md §10): the system admin manages business accounts only; the security admin resets,
 * unlocks and disables the system and audit admins' accounts, never its own; the audit admin reads every
 * such action in the trail; the three roles' accounts (and the security admin's own reset) exist only on
 * the server's command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { createAdminAccount, resetSecurityAdminPassword } from '../src/use-cases/users/admin-accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

interface Listed {
  id: string;
  username: string;
  role: string;
  version: number;
}
const listed = async (s: Session, q = ''): Promise<Listed[]> =>
  (await s.get(`/api/admin/users?pageSize=100&q=${encodeURIComponent(q)}`)).json().items;

/** Account ids straight from the database (the system admin does not even see these accounts). */
const idOf = async (username: string): Promise<Listed> => {
  const [row] = await ctx.database.db.select().from(users).where(eq(users.username, username));
  return { id: row!.id, username, role: row!.role, version: row!.version };
};

describe('the system admin manages business accounts only', () => {
  it('does not list, reset, unlock, disable or reveal the three administrators', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const roles = new Set((await listed(admin)).map((u) => u.role));
    expect(roles.has('city_center')).toBe(true);
    for (const r of ['sys_admin', 'security_admin', 'audit_admin']) expect(roles.has(r)).toBe(false);
    for (const name of ['auditor', 'secadmin', 'admin']) {
      const target = await idOf(name);
      const reset = await admin.post(`/api/admin/users/${target.id}/reset-password`, {
        newPassword: 'Taken#over2026',
        reason: '代为登录',
      });
      expect(reset.statusCode, name).toBe(404);
      expect(reset.json().code).toBe('NOT_FOUND');
      const disable = await admin.patch(`/api/admin/users/${target.id}`, {
        status: 'disabled',
        version: target.version,
      });
      expect(disable.statusCode, name).toBe(404);
      expect((await admin.post(`/api/admin/users/${target.id}/unlock`)).statusCode).toBe(404);
      expect(
        (await admin.post(`/api/admin/users/${target.id}/reveal-phone`, { reason: '核对' })).statusCode,
      ).toBe(404);
    }
    // The auditor still logs in with its own password, and is active.
    expect((await login('auditor', 'Skill@2026')).statusCode).toBe(200);
  });

  it('cannot create an account of any of the three roles online', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    for (const role of ['sys_admin', 'security_admin', 'audit_admin']) {
      const res = await admin.post('/api/admin/users', {
        username: `x_${role}`,
        displayName: '影子管理员',
        role,
        password: 'Shadow#2026',
      });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
      expect(await login(`x_${role}`, 'Shadow#2026').then((r) => r.statusCode)).toBe(401);
    }
  });
});

describe('the security admin administers the system and audit admins', () => {
  it('lists exactly their accounts, never its own or a business account', async () => {
    const sec = await loginAs(ctx.app, 'secadmin');
    const names = (await listed(sec)).map((u) => u.username).sort();
    expect(names).toEqual(['admin', 'auditor']);
    const self = await idOf('secadmin');
    const ownReset = await sec.post(`/api/admin/users/${self.id}/reset-password`, {
      newPassword: 'Self#reset2026',
      reason: '自助',
    });
    expect(ownReset.statusCode).toBe(404);
    const city = await idOf('cs_zx');
    expect(
      (
        await sec.post(`/api/admin/users/${city.id}/reset-password`, {
          newPassword: 'City#reset2026',
          reason: '遗忘',
        })
      ).statusCode,
    ).toBe(404);
    expect((await sec.post('/api/admin/users', {})).statusCode).toBe(404);
  });

  it('resets the audit admin, disables and re-enables the system admin, unlocks it; renaming is refused', async () => {
    const sec = await loginAs(ctx.app, 'secadmin');
    const auditorSession = await loginAs(ctx.app, 'auditor');
    const auditor = await idOf('auditor');
    const reset = await sec.post(`/api/admin/users/${auditor.id}/reset-password`, {
      newPassword: 'Audit#reset2026',
      reason: '本人遗忘口令',
    });
    expect(reset.statusCode).toBe(204);
    expect((await auditorSession.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('auditor', 'Audit#reset2026')).statusCode).toBe(200);

    const admin = await idOf('admin');
    const rename = await sec.patch(`/api/admin/users/${admin.id}`, {
      displayName: '改名',
      version: admin.version,
    });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().code).toBe('ADMIN_SEPARATION');
    const off = await sec.patch(`/api/admin/users/${admin.id}`, {
      status: 'disabled',
      version: admin.version,
    });
    expect(off.statusCode).toBe(204);
    expect((await login('admin', 'Skill@2026')).json().code).toBe('ACCOUNT_DISABLED');
    const back = await sec.patch(`/api/admin/users/${admin.id}`, {
      status: 'active',
      version: admin.version + 1,
    });
    expect(back.statusCode).toBe(204);
    for (let i = 0; i < 5; i++) await login('admin', 'Wrong#pass1');
    expect((await login('admin', 'Skill@2026')).json().code).toBe('ACCOUNT_LOCKED');
    expect((await sec.post(`/api/admin/users/${admin.id}/unlock`)).statusCode).toBe(204);
    expect((await login('admin', 'Skill@2026')).statusCode).toBe(200);
  });

  it('shows every such action to the audit admin, who cannot perform any of them', async () => {
    const auditor = await loginAs(ctx.app, 'auditor', 'Audit#reset2026');
    // A reset account must change its password first; the trail is what it came for.
    await auditor.post('/api/auth/password', {
      currentPassword: 'Audit#reset2026',
      newPassword: 'Audit#mine2026',
    });
    const reader = await loginAs(ctx.app, 'auditor', 'Audit#mine2026');
    const secadmin = await idOf('secadmin');
    const entries = (await reader.get(`/api/audit?actor=${secadmin.id}&pageSize=200`)).json().items as {
      action: string;
      actorRole: string;
    }[];
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['account.password_reset', 'user.updated', 'user.unlocked']),
    );
    expect(entries.every((e) => e.actorRole === 'security_admin')).toBe(true);
    const admin = await idOf('admin');
    expect((await reader.get('/api/admin/users')).statusCode).toBe(404);
    expect((await reader.post(`/api/admin/users/${admin.id}/unlock`)).statusCode).toBe(404);
  });
});

describe('the three roles on the command line', () => {
  const deps = () => ctx.app.deps;

  it('creates each of the three roles, audited as a command-line action with the role', async () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin']) {
      const { id } = await createAdminAccount(deps(), {
        role,
        username: `cli_${role}`,
        displayName: `命令行${role}`,
        password: 'Cli#admin2026',
      });
      const me = await loginAs(ctx.app, `cli_${role}`, 'Cli#admin2026');
      expect((await me.get('/api/auth/me')).json().user).toMatchObject({ role, mustChangePassword: true });
      const reader = await loginAs(ctx.app, 'auditor', 'Audit#mine2026');
      const trail = (await reader.get(`/api/audit?action=user.created&targetId=${id}`)).json().items;
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ actorId: null, after: { role, username: `cli_${role}` } });
      expect(trail[0].actorName).toContain('命令行');
    }
    await expect(
      createAdminAccount(deps(), {
        role: 'province_center',
        username: 'cli_pc',
        displayName: '省中心',
        password: 'Cli#admin2026',
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE_INVALID' });
    await expect(
      createAdminAccount(deps(), {
        role: 'audit_admin',
        username: 'auditor',
        displayName: '重名',
        password: 'Cli#admin2026',
      }),
    ).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
  });

  it("resets the security admin's own password there, and only the security admin's", async () => {
    const before = await loginAs(ctx.app, 'secadmin');
    await resetSecurityAdminPassword(deps(), { username: 'secadmin', password: 'Sec#cli2026reset' });
    expect((await before.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('secadmin', 'Skill@2026')).statusCode).toBe(401);
    expect((await login('secadmin', 'Sec#cli2026reset')).statusCode).toBe(200);
    await expect(
      resetSecurityAdminPassword(deps(), { username: 'admin', password: 'Sec#cli2026reset' }),
    ).rejects.toMatchObject({ code: 'NOT_SECURITY_ADMIN' });
    const reader = await loginAs(ctx.app, 'auditor', 'Audit#mine2026');
    const sec = await idOf('secadmin');
    const trail = (await reader.get(`/api/audit?action=account.password_reset&targetId=${sec.id}`)).json()
      .items;
    expect(trail).toHaveLength(1);
    expect(trail[0].actorName).toContain('命令行');
  });
});
