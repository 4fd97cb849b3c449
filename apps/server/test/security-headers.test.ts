/**
 * Security headers on API answers and on the web UI's page, and the session cookie's Secure flag
 * whenever the request arrived over HTTPS (as said by a trusted proxy).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestContext, type TestContext } from './support/test-app';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';

/** A stand-in for the built UI (apps/web/dist): the server serves it and falls back to it. */
function webDist(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillcert-web-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  return dir;
}

function directives(res: LightMyRequestResponse): Map<string, string> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')] as const),
  );
}

function expectHardened(res: LightMyRequestResponse, what: string) {
  const csp = directives(res);
  expect(csp.get('frame-ancestors'), what).toBe("'none'");
  expect(csp.get('script-src'), what).toBe("'self'");
  expect(csp.get('default-src'), what).toBe("'self'");
  expect(csp.get('object-src'), what).toBe("'none'");
  // antd writes <style> elements at run time: inline styles are allowed, inline scripts are not.
  expect(csp.get('style-src'), what).toBe("'self' 'unsafe-inline'");
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
}

const login = (ctx: TestContext, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username: 'sjzx', password: DEMO_PASSWORD },
  });
const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'sc_session');

describe('without trusted proxies', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ webDistDir: webDist() });
  });
  afterAll(async () => ctx.close());

  it('hardens API answers, public and refused ones alike', async () => {
    expectHardened(await ctx.app.inject({ method: 'GET', url: '/api/health' }), 'health');
    expectHardened(await ctx.app.inject({ method: 'GET', url: '/api/admin/users' }), '401');
    expectHardened(await login(ctx), 'login');
  });

  it('hardens the HTML page, at the root and on a client-side route', async () => {
    for (const url of ['/', '/inbox']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expectHardened(res, url);
    }
  });

  it('does not mark the cookie Secure over plain HTTP, nor for a forged X-Forwarded-Proto', async () => {
    const plain = sessionCookie(await login(ctx));
    expect(plain?.secure).toBeFalsy();
    expect(plain?.httpOnly).toBe(true);
    const forged = sessionCookie(await login(ctx, { 'x-forwarded-proto': 'https' }));
    expect(forged?.secure).toBeFalsy();
  });
});

describe('behind a trusted TLS proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ trustedProxies: ['127.0.0.1'] });
  });
  afterAll(async () => ctx.close());

  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    const https = sessionCookie(await login(ctx, { 'x-forwarded-proto': 'https' }));
    expect(https?.secure).toBe(true);
    expect(https?.sameSite).toBe('Lax');
    const http = sessionCookie(await login(ctx, { 'x-forwarded-proto': 'http' }));
    expect(http?.secure).toBeFalsy();
  });
});
