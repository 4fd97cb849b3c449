/**
 * Every registered API route × every role (+ a user of another city): the route table itself drives
 * the matrix, so a new route is covered the moment it is registered (and cannot be registered at all
 * without an access declaration).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleMayPerform, type Role } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';

const DEMO_USER_OF_ROLE: Record<Role, string> = {
  applicant: 'qy_admin',
  city_center: 'cs_zx',
  city_bureau: 'cs_rsj',
  expert: 'zhuanjia1',
  province_center: 'sjzx',
  province_bureau: 'srst',
  inspector: 'ducha1',
  sys_admin: 'admin',
  security_admin: 'secadmin',
  audit_admin: 'auditor',
};

let ctx: TestContext;
const sessions = new Map<string, Session>();
beforeAll(async () => {
  ctx = await createTestContext();
  for (const role of ROLES) sessions.set(role, await loginAs(ctx.app, DEMO_USER_OF_ROLE[role]));
  sessions.set('other_city_center', await loginAs(ctx.app, 'zz_zx'));
});
afterAll(async () => ctx.close());

const concreteUrl = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

/**
 * What an allowed caller gets from a read route called with a made-up id and no query: a list answers
 * 200; an unknown (or out-of-scope) record 404 NOT_FOUND; a route whose parameter is not an id at all
 * refuses it with 400. Anything else — a 500 included — fails the matrix.
 */
function expectedForAllowedRead(url: string): { status: number; code?: string } {
  if (NEEDS_INPUT.has(url)) return { status: 400, code: 'VALIDATION_FAILED' };
  if (!url.includes('/:')) return { status: 200 };
  return { status: 404, code: OWN_NOT_FOUND_CODE[url] ?? 'NOT_FOUND' };
}

/** Reads that need a query (or a code, not an id) before they can answer anything. */
const NEEDS_INPUT = new Set([
  '/api/applications/occupation-options',
  '/api/dict/history',
  '/api/dict/occupations/:code',
  '/api/filings/counts',
  '/api/notices/:id/preview',
  '/api/spot-checks/preview',
]);

/** Unknown records whose 404 names what is missing. */
const OWN_NOT_FOUND_CODE: Record<string, string> = {
  '/api/filing-lists/:id': 'FILING_LIST_NOT_FOUND',
};

describe('route × role access matrix', () => {
  it('has every API route in the table with an access decision', () => {
    const apiRoutes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const r of apiRoutes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  it('answers anonymous callers 401 on every non-public route', async () => {
    for (const r of ctx.app.routeTable.filter((x) => !('public' in x.access))) {
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: concreteUrl(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('AUTH_REQUIRED');
    }
  });

  it('answers 404 to every role the action does not allow, before looking at the request body', async () => {
    let checked = 0;
    for (const r of ctx.app.routeTable) {
      if ('public' in r.access) continue;
      for (const role of ROLES) {
        if (roleMayPerform(role, r.access.action)) continue;
        const res = await sessions.get(role)!.request({
          method: r.method as 'GET',
          url: concreteUrl(r.url),
          payload: r.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('lets every allowed role through the gate on read routes, with the exact answer', async () => {
    const wrong: string[] = [];
    const seen: string[] = [];
    for (const r of ctx.app.routeTable.filter((x) => x.method === 'GET' && !('public' in x.access))) {
      if ('public' in r.access) continue;
      for (const role of [...ROLES, 'other_city_center'] as const) {
        const actualRole = role === 'other_city_center' ? 'city_center' : role;
        if (!roleMayPerform(actualRole, r.access.action)) continue;
        const res = await sessions.get(role)!.get(concreteUrl(r.url));
        const expected = expectedForAllowedRead(r.url);
        seen.push(
          `${role} GET ${r.url} → ${res.statusCode} ${res.statusCode === 200 ? '' : res.json().code}`,
        );
        if (res.statusCode !== expected.status || (expected.code && res.json().code !== expected.code))
          wrong.push(`${role} GET ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong, seen.join('\n')).toEqual([]);
  });

  it('keeps the 三员 apart: the audit admin cannot manage users, the system admin cannot read the audit log', async () => {
    expect((await sessions.get('audit_admin')!.get('/api/admin/users')).statusCode).toBe(404);
    expect((await sessions.get('sys_admin')!.get('/api/audit')).statusCode).toBe(404);
    expect((await sessions.get('security_admin')!.post('/api/admin/users', {})).statusCode).toBe(404);
    expect((await sessions.get('audit_admin')!.get('/api/audit')).statusCode).toBe(200);
  });
});
