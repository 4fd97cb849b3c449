/**
 * 督导人员库 (通知第五条第三款): the province centre and sys_admin maintain the inspectors — 编号 given or
 * DCnnnn, phone encrypted and masked, an optional account of role inspector (new with a one-time
 * password, or an existing one linked), version-checked edits, conflicts declared by staff or by the
 * inspector; other roles get 404 and bad input a stable 400 with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { createInspector } from '../src/use-cases/inspectors/inspector-pool';

let ctx: TestContext;
let province: Session;
let bureau: Session;
let admin: Session;
let city: Session;
let cityBureau: Session;

const db = () => ctx.database.db;
const UNIT_CODE = (() => {
  const body = '12430000MB0000123';
  return body + computeCreditCodeCheckChar(body);
})();

async function versionOf(id: string): Promise<number> {
  const list = (await province.get('/api/inspectors?pageSize=100')).json().items as {
    id: string;
    version: number;
  }[];
  return list.find((i) => i.id === id)!.version;
}

beforeAll(async () => {
  ctx = await createTestContext();
  [province, bureau, admin, city, cityBureau] = (await Promise.all(
    ['sjzx', 'srst', 'admin', 'cs_zx', 'cs_rsj'].map((u) => loginAs(ctx.app, u)),
  )) as [Session, Session, Session, Session, Session];
  // This file builds its own pool: retire any demo inspectors and free their accounts for linking.
  await db().execute(sql`update inspectors set active = false, user_id = null`);
});
afterAll(async () => ctx?.close());

describe('督导人员库', () => {
  let first: { id: string; code: string };

  it('adds an inspector with the next DC code, the phone encrypted and shown masked', async () => {
    const res = await province.post('/api/inspectors', {
      name: '欧阳督导',
      unit: '湖南省职业技能鉴定中心',
      unitCreditCode: UNIT_CODE,
      cityCode: '430000',
      title: '高级考评员',
      phone: '139 0731 5678',
    });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json();
    expect(first.code).toMatch(/^DC\d{4}$/);
    expect(res.json().initialPassword).toBeNull();
    const list = await province.get('/api/inspectors?q=欧阳');
    expect(list.json().items[0]).toMatchObject({
      code: first.code,
      phoneMasked: '139****5678',
      unitCreditCode: UNIT_CODE,
      cityCode: '430000',
      active: true,
    });
    expect(list.body).not.toContain('13907315678');
    const [row] = await queryRows<{ phone_enc: string }>(
      db(),
      sql`select phone_enc from inspectors where id = ${first.id}`,
    );
    expect(row!.phone_enc).not.toContain('13907315678');
    // The province bureau and sys_admin read the pool too.
    expect((await bureau.get('/api/inspectors?q=欧阳')).json().total).toBe(1);
    expect((await admin.get('/api/inspectors?q=欧阳')).json().total).toBe(1);
  });

  it('takes a given code once, and refuses bad input without storing anything', async () => {
    const given = await admin.post('/api/inspectors', {
      code: 'dc9001',
      name: '石督导',
      unit: '衡阳某鉴定站',
      cityCode: '430400',
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json().code).toBe('DC9001');
    const before = await queryCount(db(), sql`select count(*)::int as n from inspectors`);
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ code: 'DC9001', name: '重号督导', unit: '某单位', cityCode: '430400' }, 409, 'INSPECTOR_CODE_TAKEN'],
      [{ code: '9001', name: '错号督导', unit: '某单位', cityCode: '430400' }, 400],
      [
        { name: '信用代码', unit: '某单位', cityCode: '430400', unitCreditCode: '91430100MA4L000010' },
        400,
        'CREDIT_CODE_INVALID',
      ],
      [{ name: '手机督导', unit: '某单位', cityCode: '430400', phone: '12345' }, 400, 'MOBILE_INVALID'],
      [{ name: '区县督导', unit: '某单位', cityCode: '430104' }, 400, 'DIVISION_INVALID'],
      [{ name: '角色督导', unit: '某单位', cityCode: '430400', username: 'cs_zx' }, 409, 'USERNAME_TAKEN'],
      [{ name: '缺单位', cityCode: '430400' }, 400],
    ];
    for (const [body, status, code] of cases) {
      const res = await province.post('/api/inspectors', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code) expect(res.json().code).toBe(code);
    }
    expect(await queryCount(db(), sql`select count(*)::int as n from inspectors`)).toBe(before);
  });

  it('opens a new inspector account with a one-time password, or links an existing one once', async () => {
    const opened = await province.post('/api/inspectors', {
      name: '贺督导',
      unit: '常德某鉴定站',
      cityCode: '430700',
      username: 'dc_he01',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().initialPassword).toMatch(/^.{20}$/);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dc_he01', password: opened.json().initialPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.role).toBe('inspector');

    const linked = await province.post('/api/inspectors', {
      name: '冯督导',
      unit: '株洲某鉴定站',
      cityCode: '430200',
      username: 'ducha1',
    });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ username: 'ducha1', initialPassword: null });
    const twice = await province.post('/api/inspectors', {
      name: '冯督导二',
      unit: '株洲某鉴定站',
      cityCode: '430200',
      username: 'ducha1',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INSPECTOR_ACCOUNT_LINKED');
  });

  it('edits with a version check and can retire an inspector', async () => {
    const v = await versionOf(first.id);
    const ok = await province.patch(`/api/inspectors/${first.id}`, {
      title: '督导员',
      active: false,
      version: v,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: '督导员', active: false, version: v + 1 });
    const stale = await province.patch(`/api/inspectors/${first.id}`, { title: '又改', version: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await province.get('/api/inspectors?q=欧阳&active=false')).json().items[0].title).toBe('督导员');
    const missing = await province.patch('/api/inspectors/00000000-0000-4000-8000-000000000000', {
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 404 to roles outside the pool (city staff, experts, the bureau’s writes, inspectors)', async () => {
    const ducha = await loginAs(ctx.app, 'ducha1');
    for (const s of [city, cityBureau, ducha]) {
      expect((await s.get('/api/inspectors')).statusCode).toBe(404);
      expect(
        (await s.post('/api/inspectors', { name: '越权督导', unit: '某单位', cityCode: '430100' }))
          .statusCode,
      ).toBe(404);
    }
    expect(
      (await bureau.post('/api/inspectors', { name: '越权督导', unit: '某单位', cityCode: '430100' }))
        .statusCode,
    ).toBe(404);
    expect((await bureau.patch(`/api/inspectors/${first.id}`, { version: 1 })).statusCode).toBe(404);
  });

  it('records conflicts declared by the inspector or by staff, once per unit', async () => {
    const ducha = await loginAs(ctx.app, 'ducha1');
    const declared = await ducha.post('/api/my/inspector-conflicts', {
      creditCode: UNIT_CODE,
      reason: '曾在该单位任职',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().inspector.conflicts).toEqual([
      { creditCode: UNIT_CODE, reason: '曾在该单位任职' },
    ]);
    const again = await ducha.post('/api/my/inspector-conflicts', {
      creditCode: UNIT_CODE,
      reason: '重复申报',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT_ALREADY_DECLARED');
    const bad = await ducha.post('/api/my/inspector-conflicts', {
      creditCode: '91430100MA4L000010',
      reason: '代码错',
    });
    expect(bad.statusCode).toBe(400);
    expect((await ducha.get('/api/my/inspector-profile')).json().inspector.conflicts).toHaveLength(1);

    const byStaff = await province.post(`/api/inspectors/${first.id}/conflicts`, {
      creditCode: UNIT_CODE,
      reason: '亲属任职',
    });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    expect(byStaff.json().conflicts).toHaveLength(1);

    // An inspector account without a pool record can read its (empty) profile but not declare.
    const unlinked = await loginAs(ctx.app, 'ducha2');
    expect((await unlinked.get('/api/my/inspector-profile')).json()).toEqual({ inspector: null });
    const refused = await unlinked.post('/api/my/inspector-conflicts', {
      creditCode: UNIT_CODE,
      reason: '曾在该单位任职',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INSPECTOR_PROFILE_MISSING');
  });

  it('exposes createInspector for the demo seed, with an audit entry', async () => {
    const [user] = await queryRows<{ id: string }>(db(), sql`select id from users where username = 'sjzx'`);
    const created = await createInspector(
      ctx.app.deps,
      { userId: user!.id, role: 'province_center', displayName: '省鉴定中心 王审核' } as never,
      { name: '种子督导', unit: '岳阳某鉴定站', cityCode: '430600', username: 'ducha4' },
      { ip: null, userAgent: null },
    );
    expect(created.code).toMatch(/^DC\d{4}$/);
    expect(created.username).toBe('ducha4');
    expect(
      await queryCount(
        db(),
        sql`select count(*)::int as n from audit_log where action = 'inspector.created' and target_id = ${created.id}`,
      ),
    ).toBe(1);
  });
});
