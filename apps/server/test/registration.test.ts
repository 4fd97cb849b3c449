import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, loginChangingInitialPassword } from './support/http';
import { multipart, sampleExecutable, samplePdf } from './support/multipart';
import { queryCount, queryRows } from './support/sql';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

let serial = 0;
function newCreditCode(prefix = '9143010') {
  serial += 1;
  const body = `${prefix}${String(serial).padStart(5, '0')}ABCDE`.slice(0, 17);
  return body + computeCreditCodeCheckChar(body);
}

function form(overrides: Record<string, string> = {}) {
  serial += 1;
  return {
    orgName: '长沙测试智能装备有限公司',
    creditCode: newCreditCode(),
    kind: 'enterprise',
    isAboveScale: 'true',
    cityCode: '430100',
    countyCode: '430104',
    address: '岳麓区麓谷大道1号',
    contactName: '张三',
    contactPhone: '13912345678',
    username: `org_user_${serial}`,
    displayName: '张三',
    password: 'Apply#2026',
    ...overrides,
  };
}

const register = (fields: Record<string, string>, file = samplePdf(), filename = '营业执照.pdf') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/public/registrations',
    ...multipart(fields, [{ field: 'licence', filename, content: file }]),
  });

const orgCount = () => queryCount(ctx.database.db, sql`select count(*)::int as n from organizations`);

describe('self-registration of an applicant organization', () => {
  it('registers a pending organization whose admin can log in but which the city center must activate', async () => {
    const fields = form();
    const res = await register(fields);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', username: fields.username });
    const applicant = await loginAs(ctx.app, fields.username, fields.password);
    const me = (await applicant.get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ role: 'applicant', isOrgAdmin: true, organizationStatus: 'pending' });

    const center = await loginAs(ctx.app, 'cs_zx');
    const pending = (await center.get('/api/organizations?status=pending')).json();
    const org = pending.items.find((o: { id: string }) => o.id === res.json().organizationId);
    expect(org).toMatchObject({
      statusLabel: '待激活',
      contactPhoneMasked: '139****5678',
      abilities: { activate: true },
    });
    const activated = await center.post(`/api/organizations/${org.id}/activate`, { version: org.version });
    expect(activated.statusCode).toBe(200);
    expect(activated.json().status).toBe('active');
    const again = await center.post(`/api/organizations/${org.id}/activate`, { version: org.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('VERSION_CONFLICT');
  });

  it('records what the city center checked as the activation’s reason in the audit trail', async () => {
    const res = await register(form());
    expect(res.statusCode, res.body).toBe(201);
    const center = await loginAs(ctx.app, 'cs_zx');
    const id = res.json().organizationId as string;
    // The licence opens inline for the city center (framed by the UI's own drawer), not for another city.
    const licence = await center.get(`/api/organizations/${id}/licence`);
    expect(licence.statusCode).toBe(200);
    expect(licence.headers['content-type']).toContain('application/pdf');
    expect(licence.headers['content-disposition']).toMatch(/^inline/);
    expect(licence.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(licence.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const zhuzhou = await loginAs(ctx.app, 'zz_zx');
    expect((await zhuzhou.get(`/api/organizations/${id}/licence`)).statusCode).toBe(404);
    const reason = '已核对营业执照原件，单位名称、信用代码与注册信息一致';
    const tooShort = await center.post(`/api/organizations/${id}/activate`, { version: 1, reason: '好' });
    expect(tooShort.statusCode).toBe(400);
    expect((await center.post(`/api/organizations/${id}/activate`, { version: 1, reason })).statusCode).toBe(
      200,
    );
    const [entry] = await queryRows<{ reason: string | null }>(
      ctx.database.db,
      sql`select reason from audit_log where action = 'organization.activated' and target_id = ${id}`,
    );
    expect(entry?.reason).toBe(reason);
  });

  it.each([
    ['wrong check character', { creditCode: '91430100MA4L000010' }, 'CREDIT_CODE_CHECK'],
    ['letters I/O/Z/S/V', { creditCode: '91430100MA4L0000IO' }, 'CREDIT_CODE_CHARSET'],
    ['wrong length', { creditCode: '91430100MA4L' }, 'CREDIT_CODE_LENGTH'],
    ['outside Hunan', { creditCode: '' }, 'CREDIT_CODE_NOT_HUNAN'],
    ['individual business (92…)', { creditCode: '' }, 'CREDIT_CODE_INDIVIDUAL_BUSINESS'],
    ['weak password', { password: 'password' }, 'PASSWORD_WEAK'],
    ['county outside the city', { countyCode: '430202' }, 'DIVISION_INVALID'],
    ['bad mobile', { contactPhone: '1234' }, 'MOBILE_INVALID'],
    ['unknown field', { role: 'sys_admin' }, 'UNKNOWN_FIELD'],
  ])('refuses %s with %s and creates nothing', async (_label, overrides, code) => {
    const fields = form(overrides as Record<string, string>);
    if (code === 'CREDIT_CODE_NOT_HUNAN') fields.creditCode = newCreditCode('9144030');
    if (code === 'CREDIT_CODE_INDIVIDUAL_BUSINESS') fields.creditCode = newCreditCode('9243010');
    const before = await orgCount();
    const res = await register(fields);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(code === 'UNKNOWN_FIELD' ? body.details?.[0]?.code : body.code).toBe(code);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await orgCount()).toBe(before);
  });

  it('refuses an executable renamed to .pdf, an empty file, and a missing licence', async () => {
    const exe = await register(form(), sampleExecutable(), '营业执照.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const empty = await register(form(), Buffer.alloc(0));
    expect(empty.json().code).toBe('FILE_EMPTY');
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/registrations',
      ...multipart(form()),
    });
    expect(none.json().code).toBe('LICENCE_REQUIRED');
  });

  it('accepts a credit code once; a second registration is told to contact the city center', async () => {
    const first = form();
    expect((await register(first)).statusCode).toBe(201);
    const dup = await register(form({ creditCode: first.creditCode }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CREDIT_CODE_TAKEN' });
    expect(dup.json().message).toContain('市州鉴定中心');
  });
});

describe('organization scope', () => {
  it('a city center sees only its own city; another city gets 404 for a direct read', async () => {
    const res = await register(form());
    const id = res.json().organizationId as string;
    const zhuzhou = await loginAs(ctx.app, 'zz_zx');
    const list = (await zhuzhou.get('/api/organizations?pageSize=100')).json();
    expect(list.items.every((o: { cityCode: string }) => o.cityCode === '430200')).toBe(true);
    expect((await zhuzhou.get(`/api/organizations/${id}`)).statusCode).toBe(404);
    const activate = await zhuzhou.post(`/api/organizations/${id}/activate`, { version: 1 });
    expect(activate.statusCode).toBe(404);
  });

  it('an applicant reads its own organization but not another one', async () => {
    const mine = await loginAs(ctx.app, 'qy_admin');
    const me = (await mine.get('/api/auth/me')).json().user;
    expect((await mine.get(`/api/organizations/${me.organizationId}`)).statusCode).toBe(200);
    const other = await loginAs(ctx.app, 'xx_admin');
    const otherId = (await other.get('/api/auth/me')).json().user.organizationId;
    expect((await mine.get(`/api/organizations/${otherId}`)).statusCode).toBe(404);
  });

  it('revealing a contact phone shows it in full and is audited with the reason', async () => {
    const res = await register(form({ contactPhone: '13700001111' }));
    const center = await loginAs(ctx.app, 'cs_zx');
    const revealed = await center.post(`/api/organizations/${res.json().organizationId}/reveal-contact`, {
      reason: '电话核实注册信息',
    });
    expect(revealed.json()).toEqual({ phone: '13700001111' });
    const audited = await queryCount(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where action = 'personal_data.revealed' and reason = '电话核实注册信息'`,
    );
    expect(audited).toBe(1);
  });
});

describe('colleagues', () => {
  it('the org admin adds a colleague, resets the password and hands the admin role over', async () => {
    const admin = await loginAs(ctx.app, 'xx_admin');
    const orgId = (await admin.get('/api/auth/me')).json().user.organizationId;
    const added = await admin.post(`/api/organizations/${orgId}/colleagues`, {
      username: 'xx_colleague',
      displayName: '王老师',
      password: 'Teach#2026',
    });
    expect(added.statusCode).toBe(201);
    const colleagueId = added.json().id;
    expect(
      (
        await admin.post(`/api/organizations/${orgId}/colleagues/${colleagueId}/reset-password`, {
          newPassword: 'Reset#2027',
        })
      ).statusCode,
    ).toBe(204);
    const reset = await loginAs(ctx.app, 'xx_colleague', 'Reset#2027');
    expect((await reset.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    // Past the forced change, a colleague who is not the organization's admin cannot add colleagues.
    const { session: colleague, password } = await loginChangingInitialPassword(
      ctx.app,
      'xx_colleague',
      'Reset#2027',
    );
    expect(
      (
        await colleague.post(`/api/organizations/${orgId}/colleagues`, {
          username: 'xx_x',
          displayName: '某某',
          password: 'Teach#2026',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await admin.post(`/api/organizations/${orgId}/transfer-admin`, { userId: colleagueId })).statusCode,
    ).toBe(204);
    const newAdmin = await loginAs(ctx.app, 'xx_colleague', password);
    expect((await newAdmin.get('/api/auth/me')).json().user.isOrgAdmin).toBe(true);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('rate limits on public endpoints', () => {
  it('answers 429 in Chinese once a client exceeds the registration limit', async () => {
    const strict = await createTestContext({ rateLimitMultiplier: 1 }, { demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await strict.app.inject({
          method: 'POST',
          url: '/api/public/registrations',
          ...multipart({}),
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429)
          expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
      }
      expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
      expect(codes[10]).toBe(429);
    } finally {
      await strict.close();
    }
  });
});

describe('registration disputes (注册争议)', () => {
  it('the city center hands a wrongly taken credit code to the rightful unit: old accounts disabled, new admin created, audited', async () => {
    const fields = form();
    const res = await register(fields);
    const id = res.json().organizationId as string;
    const squatter = await loginAs(ctx.app, fields.username, fields.password);
    const center = await loginAs(ctx.app, 'cs_zx');
    const org = (await center.get(`/api/organizations/${id}`)).json();
    const noReason = await center.post(`/api/organizations/${id}/settle-dispute`, {
      reason: '',
      version: org.version,
      newAdmin: { username: 'rightful_1', displayName: '真实经办人', password: 'Right#2026' },
    });
    expect(noReason.statusCode).toBe(400);
    const other = await loginAs(ctx.app, 'zz_zx');
    expect(
      (
        await other.post(`/api/organizations/${id}/settle-dispute`, {
          reason: '核实营业执照原件',
          version: org.version,
          newAdmin: { username: 'rightful_1', displayName: '真实经办人', password: 'Right#2026' },
        })
      ).statusCode,
    ).toBe(404);
    const settled = await center.post(`/api/organizations/${id}/settle-dispute`, {
      reason: '核实营业执照原件，原注册人非该单位人员',
      version: org.version,
      newAdmin: { username: 'rightful_1', displayName: '真实经办人', password: 'Right#2026' },
    });
    expect(settled.statusCode).toBe(200);
    expect((await squatter.get('/api/auth/me')).statusCode).toBe(401);
    const relogin = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: fields.username, password: fields.password },
    });
    expect(relogin.json().code).toBe('ACCOUNT_DISABLED');
    const rightful = await loginAs(ctx.app, 'rightful_1', 'Right#2026');
    expect((await rightful.get('/api/auth/me')).json().user).toMatchObject({
      organizationId: id,
      isOrgAdmin: true,
      mustChangePassword: true,
    });
    const audited = await queryCount(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where action = 'organization.dispute_settled' and target_id = ${id}`,
    );
    expect(audited).toBe(1);
  });
});
