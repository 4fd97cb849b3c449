/**
 * Login gives an attacker nothing to tell accounts apart: every failure has one answer and one cost
 * (argon2 at the configured cost, also for unknown names); locked or disabled is said only after the
 * right password; the lock itself (5 failures → 15 minutes) still holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';

/** The production argon2 cost (config defaults), so the dummy hash is checked against the real one. */
const REAL_COST = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

let ctx: TestContext;
const verifiedHashes: string[] = [];
beforeAll(async () => {
  ctx = await createTestContext({ argon2: REAL_COST });
  const passwords = ctx.app.deps.passwords;
  const verify = passwords.verify.bind(passwords);
  passwords.verify = async (hashed, password) => {
    verifiedHashes.push(hashed);
    return verify(hashed, password);
  };
});
afterAll(async () => ctx.close());

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

const answer = async (username: string, password: string) => {
  const res = await login(username, password);
  return { status: res.statusCode, body: res.json() as { code: string; message: string } };
};

/** Disables an account the way the system admin does. */
async function disable(username: string) {
  const admin = await loginAs(ctx.app, 'admin');
  const target = (await admin.get(`/api/admin/users?q=${username}`)).json().items[0];
  const res = await admin.patch(`/api/admin/users/${target.id}`, {
    status: 'disabled',
    version: target.version,
  });
  expect(res.statusCode).toBe(204);
}

describe('one answer for every failure', () => {
  it('answers an unknown name, a wrong password, a locked and a disabled account alike', async () => {
    await disable('ducha1');
    for (let i = 0; i < 5; i++) await login('zz_zx', 'Wrong#pass1');
    const unknown = await answer('nobody_here', 'Wrong#pass1');
    expect(unknown).toEqual({
      status: 401,
      body: { code: 'LOGIN_FAILED', message: '用户名或密码错误（连续错误 5 次，账号将被锁定 15 分钟）' },
    });
    expect(await answer('cs_rsj', 'Wrong#pass1')).toEqual(unknown);
    expect(await answer('cs_rsj', 'Wrong#pass1')).toEqual(unknown); // no countdown either
    expect(await answer('zz_zx', 'Wrong#pass1')).toEqual(unknown);
    expect(await answer('ducha1', 'Wrong#pass1')).toEqual(unknown);
  });

  it('tells locked or disabled only to the right password', async () => {
    const locked = await answer('zz_zx', DEMO_PASSWORD);
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    const disabled = await answer('ducha1', DEMO_PASSWORD);
    expect(disabled.status).toBe(403);
    expect(disabled.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('keeps the lock: the fifth failure locks for 15 minutes, wrong passwords meanwhile do not extend it', async () => {
    for (let i = 0; i < 5; i++) expect((await login('cs_zx', 'Wrong#pass1')).statusCode).toBe(401);
    expect((await answer('cs_zx', DEMO_PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
    ctx.clock.advance(10 * 60_000);
    expect((await login('cs_zx', 'Wrong#pass1')).statusCode).toBe(401);
    ctx.clock.advance(5 * 60_000 + 1000);
    expect((await login('cs_zx', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('one cost for every failure', () => {
  const params = (hash: string) => /^\$argon2id\$v=19\$(m=\d+,t=\d+,p=\d+)\$/.exec(hash)?.[1];
  const configured = `m=${REAL_COST.memoryCost},t=${REAL_COST.timeCost},p=${REAL_COST.parallelism}`;

  it('verifies an unknown name once, against a hash at the configured argon2 cost', async () => {
    verifiedHashes.length = 0;
    await login('nobody_at_all', 'Wrong#pass1');
    expect(verifiedHashes).toHaveLength(1);
    expect(params(verifiedHashes[0]!)).toBe(configured);
    // A real account's fresh hash is made at the same cost.
    expect(params(await ctx.app.deps.passwords.hash('Any#pass2026'))).toBe(configured);
  });

  it('verifies exactly once for a wrong password, a locked and a disabled account too', async () => {
    for (const name of ['sjzx', 'zz_zx', 'ducha1']) {
      verifiedHashes.length = 0;
      await login(name, 'Wrong#pass1');
      expect(verifiedHashes, name).toHaveLength(1);
    }
  });
});
