/**
 * Passwords and sessions: a forced password change is enforced by the server, a change ends the user's
 * other sessions, and none of the last 5 passwords can come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('a forced password change', () => {
  it('blocks every route but change-password, logout and who-am-I until the password is changed', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const created = await admin.post('/api/admin/users', {
      username: 'hy_zx',
      displayName: '衡阳核验员',
      role: 'city_center',
      cityCode: '430400',
      password: 'First#2026',
    });
    expect(created.statusCode).toBe(201);
    const fresh = await loginAs(ctx.app, 'hy_zx', 'First#2026');
    for (const url of ['/api/inbox', '/api/applications', '/api/messages', '/api/dict/chains']) {
      const res = await fresh.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const me = await fresh.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    // Logging out is allowed too (from a second session, so the first can go on).
    const other = await loginAs(ctx.app, 'hy_zx', 'First#2026');
    expect((await other.post('/api/auth/logout')).statusCode).toBe(204);

    const changed = await fresh.post('/api/auth/password', {
      currentPassword: 'First#2026',
      newPassword: 'Mine#2026hy',
    });
    expect(changed.statusCode).toBe(204);
    expect((await fresh.get('/api/inbox')).statusCode).toBe(200);
    expect((await fresh.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('applies again after an administrator resets the password', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const target = (await admin.get('/api/admin/users?q=hy_zx')).json().items[0];
    await admin.post(`/api/admin/users/${target.id}/reset-password`, {
      newPassword: 'Reset#2026hy',
      reason: '本人遗忘口令',
    });
    const again = await loginAs(ctx.app, 'hy_zx', 'Reset#2026hy');
    expect((await again.get('/api/inbox')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    // The password it had before the reset is one of its last five: it cannot come straight back.
    const back = await again.post('/api/auth/password', {
      currentPassword: 'Reset#2026hy',
      newPassword: 'Mine#2026hy',
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().code).toBe('PASSWORD_REUSED');
    expect((await again.get('/api/inbox')).statusCode).toBe(403);
  });
});

describe("changing one's password", () => {
  it('ends the other sessions of the user and keeps the one that changed it', async () => {
    const here = await loginAs(ctx.app, 'srst');
    const elsewhere = await loginAs(ctx.app, 'srst');
    const bystander = await loginAs(ctx.app, 'sjzx');
    expect(
      (
        await here.post('/api/auth/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'Srst#2026new',
        })
      ).statusCode,
    ).toBe(204);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await bystander.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses any of the last 5 passwords and accepts the sixth-oldest again', async () => {
    const s = await loginAs(ctx.app, 'cs_rsj');
    const change = (currentPassword: string, newPassword: string) =>
      s.post('/api/auth/password', { currentPassword, newPassword });
    const sequence = [DEMO_PASSWORD, 'Pass#one2026', 'Pass#two2026', 'Pass#three2026', 'Pass#four2026'];
    for (let i = 1; i < sequence.length; i++)
      expect((await change(sequence[i - 1]!, sequence[i]!)).statusCode).toBe(204);
    const current = sequence.at(-1)!;
    const same = await change(current, current);
    expect(same.statusCode).toBe(400);
    expect(same.json().code).toBe('PASSWORD_UNCHANGED');
    for (const old of sequence.slice(0, -1)) {
      const res = await change(current, old);
      expect(res.statusCode, old).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'PASSWORD_REUSED',
        message: '新口令不能与最近 5 次使用过的口令相同',
      });
    }
    expect((await change(current, 'Pass#five2026')).statusCode).toBe(204);
    // Now the demo password is the sixth-oldest: allowed again.
    expect((await change('Pass#five2026', DEMO_PASSWORD)).statusCode).toBe(204);
    expect((await change(DEMO_PASSWORD, 'Pass#two2026')).statusCode).toBe(400);
  });
});
