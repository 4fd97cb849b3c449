import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { FILINGS_IMPORT_HEADERS } from '@skillcert/contracts';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { multipart } from './support/multipart';
import { queryCount, queryRows } from './support/sql';
import { countFiledBodies } from '../src/use-cases/filings/filing-queries';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const code = (body17: string) => body17 + computeCreditCodeCheckChar(body17);

/** The demo enterprise (registered, 长沙) and a few unregistered bodies. */
const DEMO_ENTERPRISE = code('91430100MA4L00001');
const CS_A = code('91430100MA4L1000A');
const CS_B = code('91430102MA4L2000B');
const ZZ_A = code('12430200MB0000031');
const XT_A = code('52430300MJ0000777');

let ctx: TestContext;
let sjzx: Session;
let csZx: Session;
let zzZx: Session;
let applicant: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  sjzx = await loginAs(ctx.app, 'sjzx');
  csZx = await loginAs(ctx.app, 'cs_zx');
  zzZx = await loginAs(ctx.app, 'zz_zx');
  applicant = await loginAs(ctx.app, 'qy_admin');
});
afterAll(async () => ctx.close());

async function workbook(rows: unknown[][], headers: readonly string[] = FILINGS_IMPORT_HEADERS) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('已备案名录');
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(session: Session, file: Buffer, fileName = '已备案名录.xlsx') {
  const form = multipart({}, [{ field: 'file', filename: fileName, content: file, contentType: XLSX }]);
  return session.request({ method: 'POST', url: '/api/filings/import', ...form });
}

const filingsCount = () => queryCount(ctx.database.db, sql`select count(*)::int as n from filings`);

const row = (over: Partial<Record<string, unknown>> = {}): unknown[] => {
  const r = {
    name: '长沙示例焊接技术有限公司',
    credit: CS_A,
    city: '430100',
    occupation: '6-18-02-04',
    job: '',
    mode: '企业自主评价',
    levels: '五级、四级、三级',
    date: '2023-06-30',
    carried: '是',
    note: '湘人社函〔2023〕12号',
    ...over,
  };
  return [r.name, r.credit, r.city, r.occupation, r.job, r.mode, r.levels, r.date, r.carried, r.note];
};

describe('filings import template', () => {
  it('downloads the template and re-imports it cleanly (province center only)', async () => {
    const res = await sjzx.get('/api/filings/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(String(res.headers['content-disposition'])).toContain('filings-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...FILINGS_IMPORT_HEADERS]);

    const imported = await upload(sjzx, res.rawPayload, '模板.xlsx');
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 1, inserted: 1, updated: 0, unchanged: 0 });
    const again = await upload(sjzx, res.rawPayload, '模板.xlsx');
    expect(again.json()).toMatchObject({ rows: 1, inserted: 0, updated: 0, unchanged: 1 });
    // Clean up the example row for the tests below.
    await ctx.database.db.execute(sql`delete from filings`);

    expect((await csZx.get('/api/filings/import-template')).statusCode).toBe(404);
    expect((await upload(csZx, res.rawPayload)).statusCode).toBe(404);
  });
});

describe('filings import validation (all or nothing)', () => {
  it('refuses a file with one bad row, names the row and imports nothing', async () => {
    const file = await workbook([
      row(),
      row({ credit: '91430100MA4L1000AX', occupation: '6-31-01-03' }),
      row({ credit: CS_B }),
    ]);
    const res = await upload(sjzx, file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.message).toContain('未导入任何数据');
    expect(body.details).toHaveLength(1);
    expect(body.details[0].message).toMatch(/^第3行：/);
    expect(body.details[0].field).toBe('row3');
    expect(await filingsCount()).toBe(0);
  });

  it('reports every problem with its row', async () => {
    const file = await workbook([
      row(),
      row({ credit: code('91440300MA5D0000X') }), // 广东
      row({ city: '439900' }),
      row({ occupation: '6-18-02-99' }), // not in the catalogue
      row({ mode: '企业评价' }),
      row({ levels: '特级技师' }),
      row({ levels: '六级' }),
      row({ date: '2023-02-30' }),
      row({ date: ctx.clock.day(1) }), // tomorrow
      row(), // duplicate of row 2
      row({ mode: '社会评价', carried: '是', credit: CS_B }),
      row({ credit: CS_A, name: '另一个名字', occupation: '6-31-01-03' }),
      row({ name: '' }),
    ]);
    const res = await upload(sjzx, file);
    expect(res.statusCode).toBe(400);
    const messages: string[] = res.json().details.map((d: { message: string }) => d.message);
    const expectations: [number, RegExp][] = [
      [3, /湖南省登记/],
      [4, /市州/],
      [5, /不是《职业分类大典》中的职业/],
      [6, /评价方式/],
      [7, /不属于可备案的等级/],
      [8, /无法识别的等级/],
      [9, /不是真实的日期/],
      [10, /晚于今天/],
      [11, /与第2行重复/],
      [12, /已开展自主评价/],
      [13, /不一致/],
      [14, /单位名称/],
    ];
    for (const [n, pattern] of expectations) {
      expect(
        messages.some((m) => m.startsWith(`第${n}行：`) && pattern.test(m)),
        `第${n}行 ${pattern}: ${messages.join(' | ')}`,
      ).toBe(true);
    }
    expect(messages.some((m) => m.startsWith('第2行'))).toBe(false);
    expect(await filingsCount()).toBe(0);
  });

  it('refuses a wrong header and a non-Excel file', async () => {
    const wrongHeader = await workbook([row()], ['单位', ...FILINGS_IMPORT_HEADERS.slice(1)]);
    expect((await upload(sjzx, wrongHeader)).json().code).toBe('IMPORT_HEADER_INVALID');
    expect((await upload(sjzx, Buffer.from('not a workbook'))).json().code).toBe('IMPORT_FILE_INVALID');
    expect((await upload(sjzx, await workbook([]))).json().code).toBe('IMPORT_EMPTY');
  });
});

describe('imported filings: list, scope, counts', () => {
  let sha: string;
  beforeAll(async () => {
    const file = await workbook([
      // 焊工: two bodies in 长沙 (one of them with two modes), one in 株洲, one in 湘潭.
      row({ name: '湖南示例工程机械股份有限公司', credit: DEMO_ENTERPRISE, note: '' }),
      row({
        name: '湖南示例工程机械股份有限公司',
        credit: DEMO_ENTERPRISE,
        mode: '社会评价',
        carried: '否',
        note: '',
      }),
      row({ name: '长沙示例焊接技术有限公司', credit: CS_A, job: '电焊工' }),
      row({ name: '株洲示例技师学院', credit: ZZ_A, city: '430200', mode: '院校自主评价', carried: '' }),
      row({ name: '湘潭示例评价中心', credit: XT_A, city: '湘潭市', mode: '社会评价', carried: '否' }),
      // 电工: one body in 长沙.
      row({
        name: '长沙示例电力服务有限公司',
        credit: CS_B,
        occupation: '6-31-01-03',
        levels: '初级工、中级工',
        date: '2022/5/8',
      }),
    ]);
    sha = createHash('sha256').update(file).digest('hex');
    const res = await upload(sjzx, file, '第一批名单.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 6, inserted: 6, updated: 0, unchanged: 0, linkedOrganizations: 2 });
  });

  it('stores the rows with their source, linked organization and one audit entry', async () => {
    const rows = await queryRows<{
      credit_code: string;
      organization_id: string | null;
      levels: string[];
      source: string;
      source_note: string;
      effective_date: string;
      self_evaluation_carried_out: boolean;
    }>(
      ctx.database.db,
      sql`select credit_code, organization_id, levels, source, source_note, effective_date::text, self_evaluation_carried_out
          from filings order by credit_code, mode`,
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.source === 'import')).toBe(true);
    const demo = rows.filter((r) => r.credit_code === DEMO_ENTERPRISE);
    expect(demo.every((r) => r.organization_id !== null)).toBe(true);
    expect(demo[0]!.source_note).toBe(`导入文件：第一批名单.xlsx（${ctx.clock.today()}）`);
    expect(rows.find((r) => r.credit_code === CS_A)).toMatchObject({
      organization_id: null,
      levels: ['level5', 'level4', 'level3'],
      source_note: '湘人社函〔2023〕12号',
      self_evaluation_carried_out: true,
    });
    expect(rows.find((r) => r.credit_code === CS_B)).toMatchObject({
      levels: ['level5', 'level4'],
      effective_date: '2022-05-08',
    });
    const audit = await queryRows<{ action: string; after: { sha256: string; inserted: number } }>(
      ctx.database.db,
      sql`select action, after from audit_log where action = 'filing.imported' order by id desc limit 1`,
    );
    expect(audit[0]).toMatchObject({ action: 'filing.imported', after: { sha256: sha, inserted: 6 } });
  });

  it('lists every filing to province staff with names and labels resolved', async () => {
    const res = await sjzx.get('/api/filings?pageSize=50');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    const welder = body.items.find((i: { creditCode: string }) => i.creditCode === CS_A);
    expect(welder).toMatchObject({
      cityName: '长沙市',
      occupationName: '焊工',
      jobName: '电焊工',
      modeLabel: '企业自主评价',
      levelLabels: ['五级/初级工', '四级/中级工', '三级/高级工'],
      statusLabel: '已备案',
      sourceLabel: '导入',
    });
    const q = await sjzx.get(`/api/filings?q=${encodeURIComponent('电工')}`);
    expect(q.json().items.map((i: { creditCode: string }) => i.creditCode)).toEqual([CS_B]);
    const byMode = await sjzx.get('/api/filings?mode=social&occupationCode=6-18-02-04');
    expect(byMode.json().total).toBe(2);
    const page2 = await sjzx.get('/api/filings?pageSize=4&page=2');
    expect(page2.json().items).toHaveLength(2);
  });

  it('shows a city center only its own city, and nothing to an applicant', async () => {
    const cs = (await csZx.get('/api/filings?pageSize=50')).json();
    expect(cs.total).toBe(4);
    expect(cs.items.every((i: { cityCode: string }) => i.cityCode === '430100')).toBe(true);
    const zz = (await zzZx.get('/api/filings?pageSize=50')).json();
    expect(zz.items.map((i: { creditCode: string }) => i.creditCode)).toEqual([ZZ_A]);
    // Asking for another city's filings finds nothing.
    expect((await csZx.get('/api/filings?cityCode=430200')).json().total).toBe(0);
    expect((await applicant.get('/api/filings')).statusCode).toBe(404);
    expect((await applicant.get('/api/filings/counts?occupationCode=6-18-02-04')).statusCode).toBe(404);
  });

  it('counts the distinct bodies filed for social evaluation, in the city and the province (R7)', async () => {
    // 焊工: social filings of the demo enterprise (长沙) and of 湘潭; the self-evaluation ones do not count.
    expect((await csZx.get('/api/filings/counts?occupationCode=6-18-02-04')).json()).toEqual({
      occupationCode: '6-18-02-04',
      jobName: '',
      cityCode: '430100',
      city: 1,
      province: 2,
    });
    expect(
      (await sjzx.get('/api/filings/counts?occupationCode=6-18-02-04&cityCode=430200')).json(),
    ).toMatchObject({ city: 0, province: 2 });
    expect((await sjzx.get('/api/filings/counts?occupationCode=6-18-02-04')).json().code).toBe(
      'CITY_CODE_REQUIRED',
    );
    expect((await csZx.get('/api/filings/counts?occupationCode=6-18-02-04&cityCode=430200')).statusCode).toBe(
      404,
    );

    const welder = (jobName = '') => ({ occupationCode: '6-18-02-04', jobName });
    expect(
      await countFiledBodies(
        ctx.database.db,
        [
          welder(),
          { occupationCode: '6-31-01-03', jobName: '' },
          { occupationCode: '6-99-99-99', jobName: '' },
        ],
        '430100',
      ),
    ).toEqual({
      '6-18-02-04': { city: 1, province: 2 },
      '6-31-01-03': { city: 0, province: 0 }, // only a self-evaluation filing
      '6-99-99-99': { city: 0, province: 0 },
    });
    expect(await countFiledBodies(ctx.database.db, [], '430100')).toEqual({});
    // The applicant itself is not the market it would serve.
    expect(await countFiledBodies(ctx.database.db, [welder()], '430100', DEMO_ENTERPRISE)).toEqual({
      '6-18-02-04': { city: 0, province: 1 },
    });

    // A 工种: bodies filed for it or for the whole occupation; the whole occupation: any of its 工种.
    await ctx.database.db.execute(sql`
      insert into filings (organization_name, credit_code, city_code, occupation_code, job_name, mode, levels,
                           effective_date, source)
      values ('长沙示例焊接技术有限公司', ${CS_A}, '430100', '6-18-02-04', '气焊工', 'social', array['level5'],
              ${ctx.clock.day(-30)}, 'import')`);
    expect(
      await countFiledBodies(ctx.database.db, [welder(), welder('电焊工'), welder('气焊工')], '430100'),
    ).toEqual({
      '6-18-02-04': { city: 2, province: 3 },
      '6-18-02-04/电焊工': { city: 1, province: 2 },
      '6-18-02-04/气焊工': { city: 2, province: 3 },
    });
    expect(
      (
        await csZx.get(
          `/api/filings/counts?occupationCode=6-18-02-04&jobName=${encodeURIComponent('电焊工')}`,
        )
      ).json(),
    ).toMatchObject({ jobName: '电焊工', city: 1, province: 2 });
    await ctx.database.db.execute(
      sql`delete from filings where credit_code = ${CS_A} and job_name = '气焊工'`,
    );

    // Only status 已备案 counts.
    await ctx.database.db.execute(sql`update filings set status = 'revoked' where credit_code = ${XT_A}`);
    expect((await countFiledBodies(ctx.database.db, [welder()], '430100'))['6-18-02-04']).toEqual({
      city: 1,
      province: 1,
    });
    await ctx.database.db.execute(sql`update filings set status = 'filed' where credit_code = ${XT_A}`);
  });

  it('upserts on credit code + occupation + 工种 + mode and never overwrites a confirmed filing', async () => {
    await ctx.database.db.execute(sql`
      insert into filings (organization_name, credit_code, city_code, occupation_code, job_name, mode, levels,
                           effective_date, source, source_note)
      values ('株洲示例技师学院', ${ZZ_A}, '430200', '6-31-01-03', '', 'social', array['level3'],
              ${ctx.clock.day(-60)}, 'confirmation', '第1批')`);
    const file = await workbook([
      row({ name: '长沙示例焊接技术有限公司', credit: CS_A, job: '电焊工', levels: '五级' }),
      row({ name: '湘潭示例评价中心', credit: XT_A, city: '430300', mode: '社会评价', carried: '否' }),
      row({
        name: '株洲示例技师学院',
        credit: ZZ_A,
        city: '430200',
        occupation: '6-31-01-03',
        mode: '社会评价',
        carried: '否',
      }),
      row({ name: '长沙新单位有限公司', credit: code('91430100MA4L3000C'), occupation: '6-31-01-03' }),
    ]);
    const res = await upload(sjzx, file, '补充名单.xlsx');
    expect(res.json()).toEqual({ rows: 4, inserted: 1, updated: 1, unchanged: 2, linkedOrganizations: 0 });
    const [updated] = await queryRows<{ levels: string[] }>(
      ctx.database.db,
      sql`select levels from filings where credit_code = ${CS_A}`,
    );
    expect(updated!.levels).toEqual(['level5']);
    const [confirmed] = await queryRows<{ levels: string[]; source: string }>(
      ctx.database.db,
      sql`select levels, source from filings where credit_code = ${ZZ_A} and occupation_code = '6-31-01-03'`,
    );
    expect(confirmed).toEqual({ levels: ['level3'], source: 'confirmation' });
    expect(await filingsCount()).toBe(8);
  });
});
