/**
 * No input makes the server fail: every registered API route (the route table drives the test, so a new
 * route is covered the moment it exists) is called by a role allowed to reach it with hostile path
 * parameters, queries and bodies — NUL bytes, lone surrogates, bidi overrides, invisible-only names,
 * oversized strings, wrong JSON types, bad percent-encoding. Every answer must be below 500, and every
 * refusal a stable code with a Chinese message. Field names come from the OpenAPI document, which is
 * generated from the same schemas the routes validate with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleMayPerform, type Role } from '@skillcert/domain';
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

/** Hostile strings, each a property every string input must survive. */
const HOSTILE_STRINGS = [
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e反转文字',
  '\u200b\u200c\u200d',
  '张'.repeat(20_000),
  '',
  ' ',
];
/** Values of the wrong JSON type for any field. */
const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], {}, [['deep']], { a: { b: { c: 'd' } } }];
/** Raw path-parameter and query texts (already percent-encoded, or deliberately badly so). */
const RAW_SEGMENTS = ['a%00b', '%ED%A0%80', '%ZZ', '%E2%80%AE%E5%90%8D', 'x'.repeat(3000), '1e309'];

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

let ctx: TestContext;
let operations: Record<string, Record<string, OpenApiOperation>>;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  ctx = await createTestContext();
  operations = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
});
afterAll(async () => ctx.close());

/** The role's session; `fresh` logs in again after a probe ended it (a password change, say). */
async function sessionOf(role: Role, fresh = false): Promise<Session> {
  let session = sessions.get(role);
  if (session && !fresh) return session;
  session = await loginAs(ctx.app, DEMO_USER_OF_ROLE[role]);
  sessions.set(role, session);
  return session;
}

function operationOf(method: string, url: string): OpenApiOperation {
  const openApiPath = url.replace(/:([A-Za-z]+)/g, '{$1}');
  return operations[openApiPath]?.[method.toLowerCase()] ?? {};
}

function bodyFieldsOf(op: OpenApiOperation): string[] {
  const json = op.requestBody?.content?.['application/json']?.schema?.properties;
  return json ? Object.keys(json) : [];
}

function queryNamesOf(op: OpenApiOperation): string[] {
  return (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}

/** Every hostile body for a route: each field set to each hostile value, and bodies of the wrong shape. */
function hostileBodies(fields: string[]): unknown[] {
  const bodies: unknown[] = [null, [], 'text', 42, { unknownField: 'a\u0000' }];
  // Each field alone gets three hostile values, rotating through both lists so that across the routes
  // every value meets every kind of field, without calling each route hundreds of times.
  const values = [...HOSTILE_STRINGS, ...WRONG_TYPES];
  fields.forEach((field, i) => {
    for (let k = 0; k < 3; k++) bodies.push({ [field]: values[(i * 3 + k) % values.length] });
  });
  // All fields hostile at once, so a validator that stops at the first field still sees each kind.
  for (const value of HOSTILE_STRINGS) bodies.push(Object.fromEntries(fields.map((f) => [f, value])));
  return bodies;
}

function hostileQueries(names: string[]): string[] {
  const keys = names.length > 0 ? names : ['q'];
  return keys.flatMap((key, i) =>
    [0, 1, 2].map((k) => `${key}=${RAW_SEGMENTS[(i + k) % RAW_SEGMENTS.length]}`),
  );
}

const CHINESE = /[\u4e00-\u9fff]/;
const STABLE_CODE = /^[A-Z][A-Z0-9_]*$/;

/** Failures are collected, so one run lists every route that breaks, not only the first. */
const failures: string[] = [];

function expectNoServerError(
  label: string,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
) {
  const answer = `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode >= 500) failures.push(answer);
  else if (res.statusCode >= 400 && String(res.headers['content-type'] ?? '').includes('json')) {
    const body = JSON.parse(res.body) as { code?: unknown; message?: unknown };
    if (!STABLE_CODE.test(String(body.code)) || !CHINESE.test(String(body.message))) failures.push(answer);
  }
}

/** Roles to call a route as: one allowed role (or anonymous for public routes). */
function callerOf(access: { public: true } | { action: Parameters<typeof roleMayPerform>[1] }): Role | null {
  if ('public' in access) return null;
  const roles = Object.keys(DEMO_USER_OF_ROLE) as Role[];
  return roles.find((r) => roleMayPerform(r, access.action)) ?? null;
}

// Routes whose success ends the caller's session or changes credentials are still probed; the helper
// logs in again. Logout is excluded: every hostile body would simply log out (a 204, never a 500).
const SKIPPED = new Set(['POST /api/auth/logout']);

describe('no input makes any route answer 5xx', () => {
  it('every route survives hostile path parameters, queries and bodies', async () => {
    const routes = ctx.app.routeTable.filter(
      (r) => !r.url.startsWith('/api/docs') && !SKIPPED.has(`${r.method} ${r.url}`),
    );
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      const role = callerOf(route.access);
      const request = async (opts: { url: string; payload?: unknown; headers?: Record<string, string> }) => {
        const inject: { method: 'GET'; url: string; payload?: string; headers?: Record<string, string> } = {
          method: route.method as 'GET',
          url: opts.url,
          ...(opts.payload !== undefined
            ? { payload: JSON.stringify(opts.payload), headers: { 'content-type': 'application/json' } }
            : {}),
        };
        if (opts.headers) inject.headers = { ...(inject.headers ?? {}), ...opts.headers };
        if (!role) return ctx.app.inject(inject);
        const res = await (await sessionOf(role)).request(inject);
        return res.statusCode === 401 ? (await sessionOf(role, true)).request(inject) : res;
      };
      const op = operationOf(route.method, route.url);
      const plainUrl = route.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

      if (route.url.includes('/:')) {
        for (const raw of RAW_SEGMENTS) {
          const url = route.url.replace(/:[A-Za-z]+/g, raw);
          expectNoServerError(`${route.method} ${url.slice(0, 80)}`, await request({ url }));
        }
      }
      for (const query of hostileQueries(queryNamesOf(op))) {
        const url = `${plainUrl}?${query}`;
        expectNoServerError(`${route.method} ${url.slice(0, 80)}`, await request({ url }));
      }
      if (route.method !== 'GET' && route.method !== 'DELETE') {
        for (const payload of hostileBodies(bodyFieldsOf(op))) {
          expectNoServerError(
            `${route.method} ${route.url} ${JSON.stringify(payload).slice(0, 80)}`,
            await request({ url: plainUrl, payload }),
          );
        }
        const truncated = await request({
          url: plainUrl,
          payload: undefined,
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
        });
        expectNoServerError(`${route.method} ${route.url} (empty multipart)`, truncated);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('what a client sees for hostile text', () => {
  const post = (url: string, payload: string) =>
    ctx.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

  it('a NUL byte or a lone surrogate in the login name is a 400 with a Chinese message, not a 500', async () => {
    for (const username of ['"qy\\u0000admin"', '"\\ud800"']) {
      const res = await post('/api/auth/login', `{"username":${username},"password":"x"}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('INVALID_CHARACTERS');
      expect(res.json().message).toMatch(/字段"username"/);
    }
  });

  it('a NUL byte in a search query is refused the same way', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/registry?name=a%00b' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CHARACTERS' });
  });

  it('a name with a bidi override, or made only of invisible characters, is refused', async () => {
    const session = await sessionOf('sys_admin');
    for (const name of ['\u202e反转名称', '\u200b\u200b']) {
      const res = await session.post('/api/dict/chains', { name, description: '说明', source: '来源' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('INVALID_CHARACTERS');
    }
    const list = await session.get('/api/dict/chains');
    expect(JSON.stringify(list.json())).not.toContain('反转名称');
  });

  it('bad percent-encoding and an over-long path parameter answer in Chinese with stable codes', async () => {
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/public/notices/%ZZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'BAD_URL', message: '请求地址的编码不正确' });
    const long = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${'x'.repeat(3000)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().code).toBe('PARAM_TOO_LONG');
  });

  it('a truncated multipart body and a NUL in an uploaded file name are 400', async () => {
    const session = await sessionOf('province_center');
    const boundary = 'cutoff';
    const truncated = await session.request({
      method: 'POST',
      url: '/api/credit-blacklist/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`,
    });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().message).toMatch(/[\u4e00-\u9fff]/);
    const nulName = await session.request({
      method: 'POST',
      url: '/api/credit-blacklist/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.xlsx"\r\n\r\nPK\r\n--${boundary}--\r\n`,
    });
    expect(nulName.statusCode).toBe(400);
    expect(nulName.json().code).toBe('INVALID_CHARACTERS');
  });
});

describe('database refusals caused by the request', () => {
  it('a unique key lost to a concurrent insert is 409 on either driver, wrapped by drizzle or not', async () => {
    const { databaseErrorAnswer } = await import('../src/http/errors');
    for (const error of [{ code: '23505' }, { message: 'Failed query', cause: { code: '23505' } }]) {
      expect(databaseErrorAnswer(error)).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
    }
    expect(databaseErrorAnswer({ cause: { code: '22021' } })?.status).toBe(400);
    expect(databaseErrorAnswer(new Error('connection lost'))).toBeNull();
  });
});
