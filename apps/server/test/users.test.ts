import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { queryRows } from './support/sql';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('staff accounts (sys_admin)', () => {
  it('creates a city account that must choose a city, stores the phone encrypted and shows it masked', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const noCity = await admin.post('/api/admin/users', {
      username: 'yy_zx',
      displayName: '岳阳核验员',
      role: 'city_center',
      password: 'Check#2026',
    });
    expect(noCity.statusCode).toBe(400);
    expect(noCity.json().code).toBe('CITY_REQUIRED');
    const ok = await admin.post('/api/admin/users', {
      username: 'yy_zx',
      displayName: '岳阳核验员',
      role: 'city_center',
      cityCode: '430600',
      password: 'Check#2026',
      phone: '13912340000',
    });
    expect(ok.statusCode).toBe(201);
    const [row] = await queryRows<{ phone_enc: string }>(
      ctx.database.db,
      sql`select phone_enc from users where username = 'yy_zx'`,
    );
    expect(row!.phone_enc).toMatch(/^sm4:/);
    expect(row!.phone_enc).not.toContain('13912340000');
    const list = (await admin.get('/api/admin/users?q=yy_zx')).json();
    expect(list.items[0]).toMatchObject({
      phoneMasked: '139****0000',
      cityName: '岳阳市',
      roleLabel: '市州鉴定中心',
    });
    const revealed = await admin.post(`/api/admin/users/${ok.json().id}/reveal-phone`, {
      reason: '核对联系方式',
    });
    expect(revealed.json()).toEqual({ phone: '13912340000' });
    const first = await loginAs(ctx.app, 'yy_zx', 'Check#2026');
    expect((await first.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('refuses an applicant role for staff creation and a duplicate username', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const applicant = await admin.post('/api/admin/users', {
      username: 'fake_app',
      displayName: '假申报',
      role: 'applicant',
      password: 'Check#2026',
    });
    expect(applicant.statusCode).toBe(400);
    const dup = await admin.post('/api/admin/users', {
      username: 'cs_zx',
      displayName: '重复',
      role: 'province_center',
      password: 'Check#2026',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('USERNAME_TAKEN');
  });

  it('detects a concurrent edit with the version and loses nothing silently', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const target = (await admin.get('/api/admin/users?q=zz_rsj')).json().items[0];
    const first = await admin.patch(`/api/admin/users/${target.id}`, {
      displayName: '株洲人社局 周科长A',
      version: target.version,
    });
    expect(first.statusCode).toBe(204);
    const second = await admin.patch(`/api/admin/users/${target.id}`, {
      displayName: '株洲人社局 周科长B',
      version: target.version,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('VERSION_CONFLICT');
    expect((await admin.get('/api/admin/users?q=zz_rsj')).json().items[0].displayName).toBe(
      '株洲人社局 周科长A',
    );
  });

  it('resets a password (audited, sessions ended) and unlocks a locked account', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const victim = await loginAs(ctx.app, 'xt_zx');
    const target = (await admin.get('/api/admin/users?q=xt_zx')).json().items[0];
    const noReason = await admin.post(`/api/admin/users/${target.id}/reset-password`, {
      newPassword: 'Reset#2026x',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await admin.post(`/api/admin/users/${target.id}/reset-password`, {
          newPassword: 'Reset#2026x',
          reason: '本人遗忘口令',
        })
      ).statusCode,
    ).toBe(204);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    for (let i = 0; i < 5; i++) await login('xt_zx', 'Wrong#pass1');
    expect((await login('xt_zx', 'Reset#2026x')).json().code).toBe('ACCOUNT_LOCKED');
    expect((await admin.get('/api/admin/users?q=xt_zx')).json().items[0].locked).toBe(true);
    // A business account is the system admin's to unlock, not the security admin's (三员分立).
    const sec = await loginAs(ctx.app, 'secadmin');
    expect((await sec.post(`/api/admin/users/${target.id}/unlock`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/users/${target.id}/unlock`)).statusCode).toBe(204);
    expect((await login('xt_zx', 'Reset#2026x')).statusCode).toBe(200);
  });

  it('disabling an account ends its sessions and refuses its login', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const user = await loginAs(ctx.app, 'ducha1');
    const target = (await admin.get('/api/admin/users?q=ducha1')).json().items[0];
    expect(
      (await admin.patch(`/api/admin/users/${target.id}`, { status: 'disabled', version: target.version }))
        .statusCode,
    ).toBe(204);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('ducha1', 'Skill@2026')).json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('security admin', () => {
  it('lists live sessions and forces one out', async () => {
    const victim = await loginAs(ctx.app, 'srst');
    const sec = await loginAs(ctx.app, 'secadmin');
    const live = (await sec.get('/api/security/sessions')).json().items;
    const target = live.find((s: { username: string }) => s.username === 'srst');
    expect(target).toBeDefined();
    expect((await sec.delete(`/api/security/sessions/${target.id}`)).statusCode).toBe(204);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('tightens the password policy; weaker policies are refused', async () => {
    const sec = await loginAs(ctx.app, 'secadmin');
    const weak = await sec.put('/api/security/policy', {
      passwordMinLength: 6,
      passwordMinClasses: 3,
      maxLoginFailures: 5,
      lockMinutes: 15,
    });
    expect(weak.statusCode).toBe(400);
    const ok = await sec.put('/api/security/policy', {
      passwordMinLength: 12,
      passwordMinClasses: 3,
      maxLoginFailures: 5,
      lockMinutes: 15,
    });
    expect(ok.statusCode).toBe(200);
    const admin = await loginAs(ctx.app, 'admin');
    const res = await admin.post('/api/admin/users', {
      username: 'short_pw',
      displayName: '短口令',
      role: 'province_center',
      password: 'Short#2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PASSWORD_WEAK');
    await sec.put('/api/security/policy', {
      passwordMinLength: 8,
      passwordMinClasses: 3,
      maxLoginFailures: 5,
      lockMinutes: 15,
    });
  });
});
