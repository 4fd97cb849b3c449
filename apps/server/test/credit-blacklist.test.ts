/**
 * 严重失信主体名单 (R1 社会信用良好, 通知第二条第一款): the province centre's import (all or nothing, with
 * its source and date), template, list and removal; a listed applicant refused at pre-check and submit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { CREDIT_BLACKLIST_IMPORT_HEADERS } from '@skillcert/contracts';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { multipart } from './support/multipart';
import { queryCount, queryRows } from './support/sql';
import {
  detail,
  newDraft,
  saveFacts,
  saveItems,
  submit,
  uploadAllRequired,
  welderSchoolItem,
} from './support/filing-fixtures';
import { firstChainId, openRoundId, registerSchool } from './support/province-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const code = (body17: string) => body17 + computeCreditCodeCheckChar(body17);
const LISTED_A = code('91430100MA4LB0001');
const LISTED_B = code('91430200MA4LB0002');

let ctx: TestContext;
let sjzx: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  sjzx = await loginAs(ctx.app, 'sjzx');
});
afterAll(async () => ctx.close());

async function workbook(rows: unknown[][], headers: readonly string[] = CREDIT_BLACKLIST_IMPORT_HEADERS) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('严重失信主体名单');
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(session: Session, file: Buffer, fields: Record<string, string> = sourceFields()) {
  const form = multipart(fields, [
    { field: 'file', filename: '失信名单.xlsx', content: file, contentType: XLSX },
  ]);
  return session.request({ method: 'POST', url: '/api/credit-blacklist/import', ...form });
}

const sourceFields = () => ({ source: '信用中国（湖南）网站', sourceDate: ctx.clock.day(-3) });

const row = (over: Partial<Record<string, string>> = {}): string[] => {
  const r = {
    credit: LISTED_A,
    name: '长沙失信示例有限公司',
    authority: '湖南省市场监督管理局',
    listedOn: ctx.clock.day(-200),
    until: ctx.clock.day(900),
    reason: '提交虚假材料取得公司登记',
    ...over,
  };
  return [r.credit, r.name, r.authority, r.listedOn, r.until, r.reason];
};

const entriesCount = () =>
  queryCount(ctx.database.db, sql`select count(*)::int as n from credit_blacklist_entries`);

async function listed(q: string, state = 'all') {
  const res = await sjzx.get(`/api/credit-blacklist?q=${encodeURIComponent(q)}&state=${state}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; creditCode: string; inForce: boolean; periodText: string }[];
}

describe('import', () => {
  it('the template downloads with the import headers and, once filled, imports', async () => {
    const res = await sjzx.get('/api/credit-blacklist/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      ...CREDIT_BLACKLIST_IMPORT_HEADERS,
    ]);
    const reimported = await upload(sjzx, res.rawPayload);
    expect(reimported.statusCode, reimported.body).toBe(200);
    expect(reimported.json()).toMatchObject({ rows: 1, inserted: 1 });
    expect((await listed('湖南示例商贸'))[0]).toMatchObject({ authority: '湖南省市场监督管理局' });
  });

  it('a good file imports every row with its source and date, and is audited', async () => {
    const res = await upload(
      sjzx,
      await workbook([row(), row({ credit: LISTED_B, name: '株洲失信示例有限公司', until: '' })]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    const [a] = await listed(LISTED_A);
    expect(a).toMatchObject({
      creditCode: LISTED_A,
      inForce: true,
      importSource: '信用中国（湖南）网站',
      importSourceDate: ctx.clock.day(-3),
      periodText: `${ctx.clock.day(-200)}至${ctx.clock.day(900)}`,
    });
    expect((await listed('株洲失信'))[0]!.periodText).toBe(`${ctx.clock.day(-200)}起长期有效`);
    const audit = await queryRows<{ after: { source: string; inserted: number } }>(
      ctx.database.db,
      sql`select after from audit_log where action = 'credit_blacklist.imported' order by id desc limit 1`,
    );
    expect(audit[0]!.after).toMatchObject({ source: '信用中国（湖南）网站', inserted: 2 });
  });

  it('one bad row refuses the whole file with a Chinese message per row, importing nothing', async () => {
    const before = await entriesCount();
    const res = await upload(
      sjzx,
      await workbook([
        row({ credit: code('91430100MA4LB0009'), name: '好行' }),
        row({ credit: '91430100MA4LB00010' }),
        row({ credit: code('91430100MA4LB0011'), listedOn: ctx.clock.day(5) }),
        row({ credit: code('91430100MA4LB0012'), until: ctx.clock.day(-300) }),
        row({ credit: code('91430100MA4LB0013'), reason: '' }),
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_ROWS_INVALID');
    const messages = (res.json().details as { message: string }[]).map((d) => d.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^第3行：/);
    expect(messages[1]).toBe(`第4行：列入日期${ctx.clock.day(5)}晚于今天`);
    expect(messages[2]).toBe(`第5行：有效期至${ctx.clock.day(-300)}早于列入日期${ctx.clock.day(-200)}`);
    expect(messages[3]).toBe('第6行：请填写列入事由');
    expect(await entriesCount()).toBe(before);
  });

  it('the source and its date are required', async () => {
    const file = await workbook([row({ credit: code('91430100MA4LB0020') })]);
    const noSource = await upload(sjzx, file, { source: '', sourceDate: ctx.clock.day(-1) });
    expect(noSource.json()).toMatchObject({ code: 'IMPORT_SOURCE_REQUIRED' });
    const future = await upload(sjzx, file, { source: '信用湖南', sourceDate: ctx.clock.day(1) });
    expect(future.json()).toMatchObject({ code: 'IMPORT_SOURCE_DATE_IN_FUTURE' });
    expect(await listed(code('91430100MA4LB0020'))).toEqual([]);
  });
});

describe('only the province centre sees the list', () => {
  it.each(['qy_admin', 'cs_zx', 'srst', 'admin'])(
    '%s gets 404 for the list, template, import and removal',
    async (user) => {
      const s = await loginAs(ctx.app, user);
      expect((await s.get('/api/credit-blacklist')).statusCode).toBe(404);
      expect((await s.get('/api/credit-blacklist/import-template')).statusCode).toBe(404);
      expect((await upload(s, await workbook([row()]))).statusCode).toBe(404);
      const [a] = await listed(LISTED_A);
      expect((await s.post(`/api/credit-blacklist/${a!.id}/remove`, { reason: '核实有误' })).statusCode).toBe(
        404,
      );
      expect((await listed(LISTED_A))[0]!.inForce).toBe(true);
    },
  );
});

describe('R1 at the pre-check and at submit', () => {
  let roundId: string;
  let chainId: number;
  beforeAll(async () => {
    roundId = await openRoundId(sjzx);
    chainId = await firstChainId(sjzx);
  });

  async function readyDraft(school: Session) {
    const id = await newDraft(school, roundId);
    await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
    await saveItems(school, id, [welderSchoolItem(chainId)]);
    await uploadAllRequired(school, id);
    return id;
  }

  async function precheck(school: Session, id: string) {
    const res = await school.post(`/api/applications/${id}/precheck`);
    expect(res.statusCode).toBe(200);
    return res.json() as {
      findings: { code: string; clause: string; message: string }[];
      warningCodes: string[];
    };
  }

  it('a listed applicant is refused with the clause and the listing; removal (audited) lifts it', async () => {
    const school = await registerSchool(ctx.app, '430100', '长沙失信职业技术学院');
    const listedOn = ctx.clock.day(-30);
    const until = ctx.clock.day(335);
    const imported = await upload(
      sjzx,
      await workbook([
        row({ credit: school.creditCode, name: school.name, authority: '湖南省教育厅', listedOn, until }),
      ]),
    );
    expect(imported.statusCode, imported.body).toBe(200);
    const id = await readyDraft(school.session);

    const pre = await precheck(school.session, id);
    const hit = pre.findings.find((f) => f.code === 'SERIOUS_DISHONESTY_LISTED');
    expect(hit?.clause).toBe('通知第二条第一款');
    expect(hit?.message).toContain(`湖南省教育厅于${listedOn}列入严重失信主体名单`);
    expect(hit?.message).toContain(`有效期：${listedOn}至${until}`);
    const refused = await submit(school.session, id, pre.warningCodes);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('PRECHECK_FAILED');
    const detailMessages = (refused.json().details as { code: string; message: string }[]).filter(
      (d) => d.code === 'SERIOUS_DISHONESTY_LISTED',
    );
    expect(detailMessages[0]?.message).toContain('湖南省教育厅');
    expect((await detail(school.session, id)).status).toBe('draft');
    // The applicant learns its own finding only: the list stays closed to it.
    expect((await school.session.get('/api/credit-blacklist')).statusCode).toBe(404);

    const [entry] = await listed(school.creditCode);
    const noReason = await sjzx.post(`/api/credit-blacklist/${entry!.id}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const removed = await sjzx.post(`/api/credit-blacklist/${entry!.id}/remove`, {
      reason: '列入机关已撤销列入决定（信用修复）',
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({
      removalReason: '列入机关已撤销列入决定（信用修复）',
      inForce: false,
    });
    const again = await sjzx.post(`/api/credit-blacklist/${entry!.id}/remove`, { reason: '重复操作' });
    expect(again.json().code).toBe('CREDIT_BLACKLIST_ENTRY_REMOVED');
    expect(await listed(school.creditCode)).toEqual([]);
    expect((await listed(school.creditCode, 'removed'))[0]).toMatchObject({ id: entry!.id });
    const audit = await queryRows<{ reason: string; target_id: string }>(
      ctx.database.db,
      sql`select reason, target_id from audit_log where action = 'credit_blacklist.removed' order by id desc limit 1`,
    );
    expect(audit[0]).toEqual({ reason: '列入机关已撤销列入决定（信用修复）', target_id: entry!.id });

    const after = await precheck(school.session, id);
    expect(after.findings.map((f) => f.code)).not.toContain('SERIOUS_DISHONESTY_LISTED');
    expect((await submit(school.session, id, after.warningCodes)).statusCode).toBe(200);
  });

  it('an expired listing does not refuse', async () => {
    const school = await registerSchool(ctx.app, '430200', '株洲信用修复职业技术学院');
    const imported = await upload(
      sjzx,
      await workbook([
        row({
          credit: school.creditCode,
          name: school.name,
          listedOn: ctx.clock.day(-1100),
          until: ctx.clock.day(-1),
        }),
      ]),
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await listed(school.creditCode, 'expired'))[0]?.inForce).toBe(false);
    const id = await readyDraft(school.session);
    const pre = await precheck(school.session, id);
    expect(pre.findings.map((f) => f.code)).not.toContain('SERIOUS_DISHONESTY_LISTED');
    const res = await submit(school.session, id, pre.warningCodes);
    expect(res.statusCode, res.body).toBe(200);
  });
});
