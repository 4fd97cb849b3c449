/**
 * 动态口令 (TOTP) for staff: a role that requires it enrols at its first login (otpauth URI for the QR
 * code, recovery codes shown once), then every login asks a code; codes work once, wrong codes lock
 * the account like wrong passwords, and the security admin can reset a factor — all in the trail.
 * The role list comes from configuration (production keeps the 三员 and province staff at least).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { parseSecondFactorRoles } from '../src/config';
import { totpCodeAt } from '../src/security/totp';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ secondFactorRoles: ['province_center', 'province_bureau'] });
});
afterAll(async () => ctx.close());

const post = (url: string, payload: unknown) =>
  ctx.app.inject({ method: 'POST', url, payload: payload as never });
const passwordStep = async (username: string) => {
  const res = await post('/api/auth/login', { username, password: DEMO_PASSWORD });
  expect(res.statusCode).toBe(200);
  expect(res.cookies.find((c) => c.name === 'sc_session')).toBeUndefined();
  return res.json() as { secondFactor: 'verify' | 'enrol'; challenge: string };
};
const nextStep = () => ctx.clock.advance(30_000);

async function enrol(username: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const step = await passwordStep(username);
  expect(step.secondFactor).toBe('enrol');
  const enrolment = await post('/api/auth/login/second-factor/enrolment', { challenge: step.challenge });
  expect(enrolment.statusCode).toBe(200);
  const { otpauthUri, secret } = enrolment.json() as { otpauthUri: string; secret: string };
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  const wrong = await post('/api/auth/login/second-factor/enrolment/confirm', {
    challenge: step.challenge,
    code: totpCodeAt(secret, new Date(ctx.clock.now().getTime() + 10 * 60_000)),
  });
  expect(wrong.statusCode).toBe(401);
  const confirmed = await post('/api/auth/login/second-factor/enrolment/confirm', {
    challenge: step.challenge,
    code: totpCodeAt(secret, ctx.clock.now()),
  });
  expect(confirmed.statusCode).toBe(200);
  expect(confirmed.cookies.find((c) => c.name === 'sc_session')).toBeDefined();
  const body = confirmed.json() as { user: { username: string }; recoveryCodes: string[] };
  expect(body.user.username).toBe(username);
  expect(body.recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes: body.recoveryCodes };
}

describe('second factor for staff', () => {
  it('a required role enrols at first login, then logs in with a code that works once', async () => {
    const { secret } = await enrol('sjzx');
    nextStep();
    const step = await passwordStep('sjzx');
    expect(step.secondFactor).toBe('verify');
    const code = totpCodeAt(secret, ctx.clock.now());
    const ok = await post('/api/auth/login/second-factor', { challenge: step.challenge, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.username).toBe('sjzx');
    const again = await passwordStep('sjzx');
    const replay = await post('/api/auth/login/second-factor', { challenge: again.challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('SECOND_FACTOR_FAILED');
  });

  it('a recovery code logs in once; a forged or stale challenge opens nothing', async () => {
    const { recoveryCodes } = await enrol('srst');
    const first = await passwordStep('srst');
    const used = await post('/api/auth/login/second-factor', {
      challenge: first.challenge,
      code: recoveryCodes[0]!.toLowerCase(),
    });
    expect(used.statusCode).toBe(200);
    const second = await passwordStep('srst');
    const reused = await post('/api/auth/login/second-factor', {
      challenge: second.challenge,
      code: recoveryCodes[0],
    });
    expect(reused.statusCode).toBe(401);
    const [userId, , expires] = second.challenge.split('.');
    for (const challenge of [
      `${userId}.verify.${Number(expires) + 1}.x`,
      second.challenge.replace('verify', 'enrol'),
    ]) {
      const forged = await post('/api/auth/login/second-factor', { challenge, code: recoveryCodes[1] });
      expect(forged.statusCode).toBe(401);
      expect(forged.json().code).toBe('LOGIN_CHALLENGE_INVALID');
    }
    ctx.clock.advance(6 * 60_000);
    const stale = await post('/api/auth/login/second-factor', {
      challenge: second.challenge,
      code: recoveryCodes[1],
    });
    expect(stale.json().code).toBe('LOGIN_CHALLENGE_INVALID');
  });

  it('wrong codes lock the account like wrong passwords, and are audited', async () => {
    ctx.clock.advance(60 * 60_000);
    const step = await passwordStep('sjzx');
    const codes = [];
    for (let i = 0; i < 5; i++) {
      const res = await post('/api/auth/login/second-factor', { challenge: step.challenge, code: '000000' });
      codes.push(res.json().code);
    }
    // The earlier replayed code already counted as one failure: the fourth wrong code locks.
    expect(codes).toEqual([...Array(3).fill('SECOND_FACTOR_FAILED'), 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    // The lock holds at the password step too, after the right password.
    const pw = await post('/api/auth/login', { username: 'sjzx', password: DEMO_PASSWORD });
    expect(pw.json().code).toBe('ACCOUNT_LOCKED');
    const auditor = await loginAs(ctx.app, 'auditor');
    const trail = JSON.stringify((await auditor.get('/api/audit?action=auth.second_factor_failed')).json());
    expect(trail).toContain('动态口令错误');
  });

  it('the security admin resets a factor (never its own), audited; the user enrols again', async () => {
    const sec = await loginAs(ctx.app, 'secadmin');
    const admin = await loginAs(ctx.app, 'admin');
    // The security admin's user list holds only the other administrators; the id comes from the
    // system admin's list, which holds business staff.
    const listed = JSON.stringify((await admin.get('/api/admin/users?q=srst')).json());
    const srst = { id: /"id":"([0-9a-f-]{36})","username":"srst"/.exec(listed)?.[1] ?? '' };
    expect(srst.id).not.toBe('');
    expect((await sec.post(`/api/admin/users/${srst.id}/second-factor/reset`)).statusCode).toBe(204);
    expect((await sec.post(`/api/admin/users/${srst.id}/second-factor/reset`)).statusCode).toBe(404);
    expect((await passwordStep('srst')).secondFactor).toBe('enrol');
    const me = (await sec.get('/api/auth/me')).json() as { user: { id: string } };
    const own = await sec.post(`/api/admin/users/${me.user.id}/second-factor/reset`);
    expect(own.statusCode).toBe(403);
    expect((await admin.post(`/api/admin/users/${srst.id}/second-factor/reset`)).statusCode).toBe(404);
    const auditor = await loginAs(ctx.app, 'auditor');
    const trail = JSON.stringify((await auditor.get('/api/audit?action=user.second_factor_reset')).json());
    expect(trail).toContain(srst.id);
  });

  it('roles outside the policy log in with the password alone', async () => {
    const session = await loginAs(ctx.app, 'cs_zx');
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('second-factor policy in configuration', () => {
  it('production always requires it of the 三员 and province staff; other modes only as configured', () => {
    const minimum = ['sys_admin', 'security_admin', 'audit_admin', 'province_center', 'province_bureau'];
    expect(parseSecondFactorRoles(undefined, 'production').sort()).toEqual([...minimum].sort());
    expect(parseSecondFactorRoles('city_center', 'production').sort()).toEqual(
      [...minimum, 'city_center'].sort(),
    );
    expect(parseSecondFactorRoles(undefined, 'demo')).toEqual([]);
    expect(() => parseSecondFactorRoles('applicant', 'production')).toThrow(/SECOND_FACTOR_ROLES/);
  });
});
