/**
 * The client's IP — the key of rate limits, the address in the audit trail and the login log — comes
 * from the socket unless the connection is from a configured proxy (TRUSTED_PROXIES).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../src/db/schema';
import { loadConfig, parseTrustedProxies } from '../src/config';
import { createTestContext, type TestContext } from './support/test-app';

/** app.inject connects from 127.0.0.1; the header claims another address. */
const FORGED = '203.0.113.77';

const failLogin = (ctx: TestContext, username: string, forwardedFor: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username, password: 'Wrong#pass1' },
  });

const recordedIp = async (ctx: TestContext, username: string) => {
  const [row] = await ctx.database.db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(eq(auditLog.actorName, username))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.ip;
};

describe('without trusted proxies (the default)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ rateLimitMultiplier: 1 });
  });
  afterAll(async () => ctx.close());

  it('records the socket address, not a forged X-Forwarded-For', async () => {
    expect((await failLogin(ctx, 'nobody_a', FORGED)).statusCode).toBe(401);
    expect(await recordedIp(ctx, 'nobody_a')).toBe('127.0.0.1');
  });

  it('keeps rate-limiting the caller however it varies the header', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await failLogin(ctx, 'nobody_b', `198.51.100.${i}`)).statusCode);
    // One request was spent by the test above: the 20-per-minute login limit is reached at the 20th here.
    expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(19)).toEqual([429, 429, 429]);
  });
});

describe('with 127.0.0.1 as the trusted proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ rateLimitMultiplier: 1, trustedProxies: ['127.0.0.1'] });
  });
  afterAll(async () => ctx.close());

  it('records the address the proxy forwarded', async () => {
    expect((await failLogin(ctx, 'nobody_c', FORGED)).statusCode).toBe(401);
    expect(await recordedIp(ctx, 'nobody_c')).toBe(FORGED);
  });

  it('rate-limits per forwarded client', async () => {
    for (let i = 0; i < 20; i++)
      expect((await failLogin(ctx, 'nobody_d', '198.51.100.1')).statusCode).toBe(401);
    expect((await failLogin(ctx, 'nobody_d', '198.51.100.1')).statusCode).toBe(429);
    expect((await failLogin(ctx, 'nobody_d', '198.51.100.2')).statusCode).toBe(401);
  });
});

describe('TRUSTED_PROXIES setting', () => {
  it('defaults to none and reads IPs and CIDRs', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustedProxies).toEqual([]);
    expect(parseTrustedProxies(' 10.0.0.5, 192.168.0.0/16 ,::1,fd00::/8')).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses anything else at start-up', () => {
    for (const bad of ['*', 'true', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1'])
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
  });
});
