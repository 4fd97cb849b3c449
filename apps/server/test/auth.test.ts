import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { queryCount } from './support/sql';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

const auditCount = (action: string) =>
  queryCount(ctx.database.db, sql`select count(*)::int as n from audit_log where action = ${action}`);

describe('login and sessions', () => {
  it('logs in with an httpOnly SameSite cookie and answers who I am', async () => {
    const res = await login('cs_zx', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sc_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({
      username: 'cs_zx',
      role: 'city_center',
      cityCode: '430100',
      cityName: '长沙市',
      roleLabel: '市州鉴定中心',
    });
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `sc_session=${cookie!.value}` },
    });
    expect(me.json().user.username).toBe('cs_zx');
  });

  it('refuses a wrong password, counts it, audits it, and states the lockout rule', async () => {
    const before = await auditCount('auth.login_failed');
    const res = await login('cs_rsj', 'Wrong#pass1');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'LOGIN_FAILED' });
    expect(res.json().message).toBe('用户名或密码错误（连续错误 5 次，账号将被锁定 15 分钟）');
    expect(await auditCount('auth.login_failed')).toBe(before + 1);
  });

  it('locks an account after 5 failures for 15 minutes, even for the right password, then lets it in', async () => {
    for (let i = 0; i < 4; i++) expect((await login('zz_zx', 'Wrong#pass1')).statusCode).toBe(401);
    // The fifth failure locks the account, but only the right password is told so.
    const fifth = await login('zz_zx', 'Wrong#pass1');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().code).toBe('LOGIN_FAILED');
    const right = await login('zz_zx', DEMO_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().message).toMatch(/账号已锁定，请\d+分钟后再试/);
    ctx.clock.advance(15 * 60_000 + 1000);
    expect((await login('zz_zx', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const res = await login('nobody', 'Whatever#1');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('LOGIN_FAILED');
  });

  it('expires a session after 30 idle minutes', async () => {
    const s = await loginAs(ctx.app, 'sjzx');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' });
  });

  it('refuses a mutation without the CSRF token and changes nothing', async () => {
    const s = await loginAs(ctx.app, 'srst');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: `sc_session=${s.cookie}` },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'N3w#Password' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    expect((await login('srst', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a weak new password with the policy in Chinese', async () => {
    const s = await loginAs(ctx.app, 'srst');
    const res = await s.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'abcdefgh',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PASSWORD_WEAK');
    expect(res.json().message).toContain('至少');
  });

  it('logs out: the session no longer works', async () => {
    const s = await loginAs(ctx.app, 'auditor');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('rejects malformed JSON, unknown fields and oversized bodies with specific codes', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MALFORMED_JSON');
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', role: 'sys_admin' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_FIELD');
    expect(unknown.json().message).toContain('role');
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(2_000_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('BODY_TOO_LARGE');
  });
});
