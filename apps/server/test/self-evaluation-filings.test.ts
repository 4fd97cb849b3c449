/**
 * 自主评价备案 recorded by the province centre (通知第一条第一、二款; R2 admits a school or 规上
 * enterprise only with one): add by hand, correct and revoke with a reason, the evidence file; the
 * body's pre-system 序列码 kept through a round and new codes allocated above it; the registry shows the
 * record as what it is. Other roles get 404; bad input 400 with its code and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, computeCreditCodeCheckChar, todayInShanghai } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { multipart } from './support/multipart';
import { queryCount, queryRows } from './support/sql';
import {
  firstChainId,
  openRoundId,
  registerSchool,
  submittedSchoolApplication,
} from './support/province-fixtures';
import { passedNotice } from './support/filing-list-fixtures';
import { testNow } from './support/test-db';

const code = (body17: string) => body17 + computeCreditCodeCheckChar(body17);
/** The demo's 长沙 规上 enterprise: its draft fails R2 for want of a self-evaluation filing. */
const DEMO_ENTERPRISE = code('91430100MA4L00001');
const UNREGISTERED = code('91430600MA4L3000C');

let ctx: TestContext;
let sjzx: Session;
const today = () => todayInShanghai(testNow());

beforeAll(async () => {
  ctx = await createTestContext();
  sjzx = await loginAs(ctx.app, 'sjzx');
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;
const filingCount = () => queryCount(db(), sql`select count(*)::int as n from filings`);

const input = (over: Record<string, unknown> = {}) => ({
  organizationName: '湖南示例工程机械股份有限公司',
  creditCode: DEMO_ENTERPRISE,
  cityCode: '430100',
  occupationCode: '6-18-02-04',
  jobName: '',
  mode: 'enterprise_self',
  levels: ['level5', 'level4'],
  effectiveDate: addDays(today(), -400),
  documentNumber: '湘人社函〔2024〕31号',
  selfEvaluationCarriedOut: true,
  ...over,
});

const record = (s: Session, body: Record<string, unknown>) => s.post('/api/filings/self-evaluation', body);

async function listed(q: string) {
  const res = await sjzx.get(`/api/filings?kind=self_evaluation&q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Record<string, unknown>[];
}

describe('who may record a self-evaluation filing', () => {
  it.each(['cs_zx', 'srst', 'qy_admin', 'admin'])('%s gets 404 and nothing is written', async (user) => {
    const before = await filingCount();
    const s = await loginAs(ctx.app, user);
    expect((await record(s, input())).statusCode).toBe(404);
    expect(
      (
        await s.post('/api/filings/self-evaluation/00000000-0000-4000-8000-000000000000/revoke', {
          version: 1,
          reason: '录入错误',
        })
      ).statusCode,
    ).toBe(404);
    expect(await filingCount()).toBe(before);
  });
});

describe('bad input is refused with its code, nothing written', () => {
  it.each([
    [{ effectiveDate: '2099-01-01' }, 'FILING_DATE_IN_FUTURE', '晚于今天'],
    [{ effectiveDate: '2023-02-30' }, 'FILING_DATE_INVALID', '不是真实的日期'],
    [{ documentNumber: '  ' }, 'FILING_DOCUMENT_NUMBER_REQUIRED', '文号'],
    [{ creditCode: '91430100MA4L000010' }, 'CREDIT_CODE', '统一社会信用代码'],
    [{ occupationCode: '9-99-99-99' }, 'FILING_OCCUPATION_UNKNOWN', '职业分类大典'],
    [{ levels: ['level6'] }, 'SKILL_LEVEL', '等级'],
    [{ levels: [] }, 'FILING_LEVELS_REQUIRED', '等级'],
    [{ sequenceCode: '12345' }, 'SEQUENCE_CODE_INVALID', '6位数字'],
    [{ cityCode: '439900' }, 'FILING_CITY_UNKNOWN', '市州'],
    [{ mode: 'school_self' }, 'FILING_MODE_KIND_MISMATCH', '企业自主评价'],
  ])('%j → %s', async (over, expectedCode, words) => {
    const before = await filingCount();
    const res = await record(sjzx, input(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toContain(expectedCode);
    expect(res.json().message).toContain(words);
    expect(await filingCount()).toBe(before);
  });

  it('a mode that is not self-evaluation is refused by the schema', async () => {
    const res = await record(sjzx, input({ mode: 'social' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('recording one by hand lets a 规上 enterprise pass R2', () => {
  let id: string;

  it('the demo enterprise draft fails R2 before, passes it after the record', async () => {
    const [draft] = await queryRows<{ id: string }>(
      db(),
      sql`select a.id from applications a join organizations o on o.id = a.organization_id
          where o.credit_code = ${DEMO_ENTERPRISE} and a.status = 'draft'`,
    );
    const applicant = await loginAs(ctx.app, 'qy_admin');
    const r2 = async () =>
      (
        (await applicant.post(`/api/applications/${draft!.id}/precheck`)).json().findings as {
          rule: string;
          severity: string;
          fix: string;
        }[]
      ).filter((f) => f.rule === 'R2' && f.severity === 'error');
    const before = await r2();
    expect(before).toHaveLength(1);
    // The advice names who records it.
    expect(before[0]!.fix).toContain('省职业技能鉴定中心');
    expect(before[0]!.fix).not.toContain('市州鉴定中心');

    const res = await record(sjzx, input());
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(await r2()).toEqual([]);
  });

  it('lists the record with its document number and source, and writes the audit entry', async () => {
    const [item] = await listed(DEMO_ENTERPRISE);
    expect(item).toMatchObject({
      id,
      documentNumber: '湘人社函〔2024〕31号',
      source: 'manual',
      sourceLabel: '省鉴定中心录入',
      modeLabel: '企业自主评价',
      selfEvaluationCarriedOut: true,
      version: 1,
    });
    const audit = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_log where target_id = ${id}`,
    );
    expect(audit.map((a) => a.action)).toContain('filing.self_evaluation_recorded');
  });

  it('refuses the same body, occupation and mode twice (409)', async () => {
    const res = await record(sjzx, input({ documentNumber: '湘人社函〔2024〕32号' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FILING_ALREADY_RECORDED');
  });

  it('shows in the public registry as a 自主评价备案 with its source and date, never as a 第N批', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/registry/${DEMO_ENTERPRISE}` });
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item.sourceLabel).toBe(
      `自主评价备案（省鉴定中心录入，湘人社函〔2024〕31号，${addDays(today(), -400)}）`,
    );
    expect(item.filingListSequence).toBeNull();
  });

  it('corrects it with a reason (version checked) and revokes it with a reason', async () => {
    const noReason = await sjzx.put(`/api/filings/self-evaluation/${id}`, { ...input(), version: 1 });
    expect(noReason.statusCode).toBe(400);
    const stale = await sjzx.put(`/api/filings/self-evaluation/${id}`, {
      ...input({ levels: ['level5', 'level4', 'level3'] }),
      version: 7,
      reason: '补录三级',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const ok = await sjzx.put(`/api/filings/self-evaluation/${id}`, {
      ...input({ levels: ['level5', 'level4', 'level3'] }),
      version: 1,
      reason: '按备案文件补录三级',
    });
    expect(ok.statusCode).toBe(200);
    const [item] = await listed(DEMO_ENTERPRISE);
    expect(item).toMatchObject({
      levels: ['level5', 'level4', 'level3'],
      version: 2,
      statusReason: '按备案文件补录三级',
    });

    const revoked = await sjzx.post(`/api/filings/self-evaluation/${id}/revoke`, {
      version: 2,
      reason: '备案文件已被省人社厅撤销',
    });
    expect(revoked.statusCode).toBe(200);
    const [after] = await listed(DEMO_ENTERPRISE);
    expect(after).toMatchObject({ status: 'revoked', statusLabel: '已撤销' });
    const again = await sjzx.post(`/api/filings/self-evaluation/${id}/revoke`, {
      version: 3,
      reason: '再次撤销',
    });
    expect(again.statusCode).toBe(409);
    const actions = await queryRows<{ action: string; reason: string }>(
      db(),
      sql`select action, reason from audit_log where target_id = ${id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'filing.self_evaluation_recorded',
      'filing.self_evaluation_updated',
      'filing.self_evaluation_revoked',
    ]);
    expect(actions[2]!.reason).toBe('备案文件已被省人社厅撤销');
  });
  it('records a revoked filing again in its place (a new version, in force)', async () => {
    const res = await record(sjzx, input({ documentNumber: '湘人社函〔2025〕3号' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().id).toBe(id);
    const [item] = await listed(DEMO_ENTERPRISE);
    expect(item).toMatchObject({ status: 'filed', documentNumber: '湘人社函〔2025〕3号', version: 4 });
  });
});

describe('the evidence file', () => {
  it('uploads a PDF, refuses a text file, and serves it back with the record', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const bad = await sjzx.request({
      method: 'POST',
      url: '/api/filings/evidence',
      ...multipart({}, [{ field: 'file', filename: '备案文件.pdf', content: Buffer.from('hello') }]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const up = await sjzx.request({
      method: 'POST',
      url: '/api/filings/evidence',
      ...multipart({}, [{ field: 'file', filename: '备案文件.pdf', content: pdf }]),
    });
    expect(up.statusCode).toBe(201);
    const res = await record(
      sjzx,
      input({
        organizationName: '邵阳示例机械有限公司',
        creditCode: code('91430500MA4L4000D'),
        cityCode: '430500',
        evidenceFileId: up.json().id,
      }),
    );
    expect(res.statusCode).toBe(201);
    const [item] = await listed('邵阳示例机械');
    expect(item!.evidenceFile).toEqual({ id: up.json().id, name: '备案文件.pdf' });
    const file = await sjzx.get(`/api/filings/${res.json().id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const cityCenter = await loginAs(ctx.app, 'cs_zx');
    expect((await cityCenter.get(`/api/filings/${res.json().id}/evidence`)).statusCode).toBe(404);
  });
});

describe('a body filed before this system keeps its provincial 序列码', () => {
  it('takes the code into the registry, refuses it for another body, keeps it through a round and allocates above it', async () => {
    const center = sjzx;
    const roundId = await openRoundId(center);
    const chainId = await firstChainId(center);
    const old = await registerSchool(ctx.app, '430100', '长沙老牌技工学校');
    const fresh = await registerSchool(ctx.app, '430200', '株洲新办技工学校');
    const highest = await queryRows<{ code: string | null }>(
      db(),
      sql`select max(sequence_code) as code from registry_bodies`,
    );
    const preSystem = String(Number(highest[0]?.code ?? 0) + 500).padStart(6, '0');

    const res = await record(
      center,
      input({
        organizationName: old.name,
        creditCode: old.creditCode,
        mode: 'school_self',
        occupationCode: '6-31-01-03',
        sequenceCode: preSystem,
      }),
    );
    expect(res.statusCode).toBe(201);
    const [row] = await queryRows<{ sequence_code: string }>(
      db(),
      sql`select sequence_code from registry_bodies where credit_code = ${old.creditCode}`,
    );
    expect(row!.sequence_code).toBe(preSystem);

    const taken = await record(
      center,
      input({
        organizationName: '怀化示例公司',
        creditCode: UNREGISTERED,
        cityCode: '431200',
        sequenceCode: preSystem,
      }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SEQUENCE_CODE_TAKEN');

    const apps = [
      await submittedSchoolApplication(old.session, roundId, chainId),
      await submittedSchoolApplication(fresh.session, roundId, chainId),
    ];
    const noticeId = await passedNotice(db(), apps);
    const bureau = await loginAs(ctx.app, 'srst');
    const confirmed = await bureau.post('/api/filing-lists', { noticeId });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const codes = await queryRows<{ credit_code: string; sequence_code: string }>(
      db(),
      sql`select credit_code, sequence_code from registry_bodies
          where credit_code in (${old.creditCode}, ${fresh.creditCode})`,
    );
    const byCredit = new Map(codes.map((c) => [c.credit_code, c.sequence_code]));
    expect(byCredit.get(old.creditCode)).toBe(preSystem);
    expect(byCredit.get(fresh.creditCode)).toBe(String(Number(preSystem) + 1).padStart(6, '0'));
  });
});
