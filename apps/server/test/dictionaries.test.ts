import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await loginAs(ctx.app, 'admin');
});
afterAll(async () => ctx.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('职业技能标准');
  sheet.addRow(['职业编码', '标准名称', '年份', '文件号', '等级（用、分隔，如 五级、四级、三级）']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(session: Session, file: Buffer, fileName = 'standards.xlsx') {
  const boundary = '----skillcert-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return session.request({
    method: 'POST',
    url: '/api/dict/standards/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const standardsCount = () => queryCount(ctx.database.db, sql`select count(*)::int as n from skill_standards`);

describe('occupation catalogue (职业分类大典)', () => {
  it('has the official counts per level, with the 2024/2025 additions', async () => {
    const total = async (level: string) =>
      (await admin.get(`/api/dict/occupations?level=${level}&pageSize=1`)).json().total;
    expect(await total('major')).toBe(8);
    expect(await total('middle')).toBe(79);
    expect(await total('minor')).toBe(450);
    expect(await total('occupation')).toBe(1639 + 36);
    const bySince = await queryRows<{ since: string; n: number }>(
      ctx.database.db,
      sql`select since, count(*)::int as n from occupations where level = 'occupation' group by since order by since`,
    );
    expect(bySince.map((r) => [r.since, Number(r.n)])).toEqual([
      ['2022', 1639],
      ['2024', 19],
      ['2025', 17],
    ]);
  });

  it('opens on the 8 major categories and expands a branch lazily', async () => {
    const majors = (await admin.get('/api/dict/occupations')).json();
    expect(majors.total).toBe(8);
    expect(majors.items[5]).toMatchObject({ code: '6', level: 'major', hasChildren: true, majorCategory: 6 });
    const children = (await admin.get('/api/dict/occupations?parentCode=6-18-02&pageSize=50')).json();
    const welder = children.items.find((o: { code: string }) => o.code === '6-18-02-04');
    expect(welder).toMatchObject({ name: '焊工', level: 'occupation', hasChildren: false });
    expect(children.items.every((o: { parentCode: string }) => o.parentCode === '6-18-02')).toBe(true);
  });

  it('finds occupations by one character, two characters and a code prefix', async () => {
    const one = (await admin.get(`/api/dict/occupations?q=${encodeURIComponent('焊')}&pageSize=50`)).json();
    expect(one.items.map((o: { name: string }) => o.name)).toContain('焊工');
    expect(one.items.every((o: { name: string }) => o.name.includes('焊'))).toBe(true);
    const two = (await admin.get(`/api/dict/occupations?q=${encodeURIComponent('电工')}&pageSize=50`)).json();
    expect(two.items.find((o: { code: string }) => o.code === '6-31-01-03')?.name).toBe('电工');
    const prefix = (await admin.get('/api/dict/occupations?q=6-18&pageSize=10')).json();
    expect(prefix.total).toBe(35);
    expect(prefix.items).toHaveLength(10);
    expect(prefix.items.every((o: { code: string }) => o.code.startsWith('6-18'))).toBe(true);
    const page2 = (await admin.get('/api/dict/occupations?q=6-18&pageSize=10&page=2')).json();
    expect(page2.items[0].code > prefix.items[9].code).toBe(true);
  });

  it('shows an occupation with its path and its national standard (焊工: levels recorded)', async () => {
    const res = await admin.get('/api/dict/occupations/6-18-02-04');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.path.map((p: { code: string }) => p.code)).toEqual(['6', '6-18', '6-18-02']);
    expect(body.standards[0]).toMatchObject({
      name: '焊工',
      year: 2018,
      issuedBy: '人社厅发〔2018〕145号',
      levelsStatus: 'recorded',
      levels: ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师'],
    });
    expect((await admin.get('/api/dict/occupations/9-99-99-99')).statusCode).toBe(404);
  });

  it('lets any logged-in user read, but only the system admin edit', async () => {
    const applicant = await loginAs(ctx.app, 'qy_admin');
    expect((await applicant.get('/api/dict/occupations?q=6-18')).statusCode).toBe(200);
    const res = await applicant.patch('/api/dict/occupations/4-07-05-01/restriction', {
      restrictedByQualification: false,
      note: '试图修改',
      version: 1,
    });
    expect(res.statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/dict/occupations' })).statusCode).toBe(401);
  });
});

describe('R5: qualification-catalogue flag', () => {
  it('flags 保安员 but never 焊工 (中就培函〔2022〕50号), and lists uncertain matches for review without blocking them', async () => {
    const guard = (await admin.get('/api/dict/occupations/4-07-05-01')).json().occupation;
    expect(guard).toMatchObject({ restrictedByQualification: true, restrictionReview: 'confirmed' });
    const welder = (await admin.get('/api/dict/occupations/6-18-02-04')).json().occupation;
    expect(welder.restrictedByQualification).toBe(false);
    expect(welder.restrictionNote).toContain('中就培函〔2022〕50号');
    const pending = (await admin.get('/api/dict/occupations?restrictionReview=uncertain&pageSize=50')).json();
    const codes = pending.items.map((o: { code: string }) => o.code);
    expect(codes).toContain('6-31-01-03'); // 电工 via 特种作业人员: a medium match, to be confirmed
    expect(codes).not.toContain('6-18-02-04');
    // A weak match does not block filing until an admin confirms it.
    expect(
      pending.items.every((o: { restrictedByQualification: boolean }) => !o.restrictedByQualification),
    ).toBe(true);
  });

  it('an admin settles an uncertain match with a note; a stale version or flagging 焊工 is refused', async () => {
    const before = (await admin.get('/api/dict/occupations/6-31-01-03')).json().occupation;
    const res = await admin.patch('/api/dict/occupations/6-31-01-03/restriction', {
      restrictedByQualification: false,
      note: '电工作业操作证是安全许可，不影响技能等级认定',
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      restrictedByQualification: false,
      restrictionReview: 'confirmed',
      version: before.version + 1,
    });
    const stale = await admin.patch('/api/dict/occupations/6-31-01-03/restriction', {
      restrictedByQualification: true,
      note: '旧页面提交',
      version: before.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '数据已被他人修改，请刷新后重试',
    });
    const welder = (await admin.get('/api/dict/occupations/6-18-02-04')).json().occupation;
    const refused = await admin.patch('/api/dict/occupations/6-18-02-04/restriction', {
      restrictedByQualification: true,
      note: '误操作',
      version: welder.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('R5_WELDER_EXCEPTION');
    const history = (await admin.get('/api/dict/history?targetType=occupation&targetId=6-31-01-03')).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      action: 'dictionary.occupation_restriction_updated',
      reason: '电工作业操作证是安全许可，不影响技能等级认定',
      before: { restrictedByQualification: false, restrictionReview: 'uncertain' },
      after: { restrictedByQualification: false, restrictionReview: 'confirmed' },
    });
  });
});

describe('national skill standards (R4)', () => {
  it('has 700 standards; most levels are 待核对 and old codes are mapped by name', async () => {
    expect((await admin.get('/api/dict/standards?pageSize=1')).json().total).toBe(700);
    expect((await admin.get('/api/dict/standards?levelsStatus=recorded')).json().total).toBe(1);
    const byName = (
      await admin.get(`/api/dict/standards?q=${encodeURIComponent('大数据工程技术人员')}`)
    ).json();
    expect(byName.items[0]).toMatchObject({
      occupationCode: '2-02-10-11',
      mappedOccupationCode: '2-02-38-03',
      mappingStatus: 'name',
      levelsStatus: 'pending',
    });
    // A 2022 code whose name OSTA spells differently is still the same occupation.
    const study = (await admin.get('/api/dict/standards?q=4-13-04-04')).json().items[0];
    expect(study).toMatchObject({ mappedOccupationCode: '4-13-04-04', mappingStatus: 'data' });
  });

  it('an admin records the levels of a standard; only 五级…一级 are accepted', async () => {
    const electrician = (await admin.get(`/api/dict/standards?occupationCode=6-31-01-03`)).json().items[0];
    expect(electrician.levelsStatus).toBe('pending');
    const bad = await admin.patch(`/api/dict/standards/${electrician.id}`, {
      levels: ['五级', '特级技师'],
      version: electrician.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SKILL_LEVEL_NOT_FILABLE');
    const badMapping = await admin.patch(`/api/dict/standards/${electrician.id}`, {
      mappedOccupationCode: '6-31',
      version: electrician.version,
    });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().code).toBe('OCCUPATION_NOT_FOUND');
    const unknownField = await admin.patch(`/api/dict/standards/${electrician.id}`, {
      levels: ['五级'],
      levelsStatus: 'recorded',
      version: electrician.version,
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe('UNKNOWN_FIELD');

    const ok = await admin.patch(`/api/dict/standards/${electrician.id}`, {
      levels: ['三级', '初级工', '四级/中级工'],
      version: electrician.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      levels: ['五级/初级工', '四级/中级工', '三级/高级工'],
      levelsStatus: 'recorded',
      version: electrician.version + 1,
    });
  });

  it('offers an Excel template with the expected header and an example row', async () => {
    const res = await admin.get('/api/dict/standards/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '职业编码',
      '标准名称',
      '年份',
      '文件号',
      '等级（用、分隔，如 五级、四级、三级）',
    ]);
    expect(sheet.getRow(2).getCell(2).text).toBe('焊工');
  });

  it('refuses a file with a bad row and imports nothing', async () => {
    const before = await standardsCount();
    const file = await workbook([
      ['4-04-05-13', '生成式人工智能系统应用员', 2025, '人社厅发〔2025〕1号', '五级、四级'],
      ['4-04-05-99', '不存在的职业', 2025, '', ''],
      ['6-18-02-04', '焊工', 'abcd', '', '特级技师'],
    ]);
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.message).toContain('未导入任何数据');
    expect(body.details.map((d: { field: string }) => d.field)).toEqual(['row3', 'row4', 'row4']);
    expect(body.details[0].message).toMatch(/^第3行：职业编码"4-04-05-99"/);
    expect(body.details[1].message).toMatch(/^第4行：年份/);
    expect(await standardsCount()).toBe(before);
  });

  it('imports a good file in one go: new standards added, existing ones updated, levels recorded', async () => {
    const before = await standardsCount();
    const file = await workbook([
      ['4-04-05-13', '生成式人工智能系统应用员', 2025, '人社厅发〔2025〕1号', '五级、四级、三级'],
      ['6-02-06-10', '茶叶加工工', 2024, '', '五级、四级、三级、二级'],
    ]);
    const res = await upload(admin, file, 'batch-1.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 1, updated: 1 });
    expect(await standardsCount()).toBe(before + 1);
    const added = (await admin.get('/api/dict/standards?occupationCode=4-04-05-13')).json().items[0];
    expect(added).toMatchObject({
      name: '生成式人工智能系统应用员',
      levels: ['五级/初级工', '四级/中级工', '三级/高级工'],
      levelsStatus: 'recorded',
      mappingStatus: 'admin',
    });
    const tea = (await admin.get(`/api/dict/standards?q=${encodeURIComponent('茶叶加工工')}`)).json()
      .items[0];
    expect(tea.levels).toEqual(['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师']);
    const history = (await admin.get('/api/dict/history?targetType=skill_standard')).json();
    expect(history.items[0]).toMatchObject({
      action: 'dictionary.standards_imported',
      after: { fileName: 'batch-1.xlsx', imported: 1, updated: 1 },
    });
    // The same file again changes nothing.
    expect((await upload(admin, file, 'batch-1.xlsx')).json()).toEqual({ imported: 0, updated: 0 });
  });

  it('refuses a file that is not a spreadsheet, has the wrong header or exceeds 5 MB', async () => {
    const notXlsx = await upload(admin, Buffer.from('职业编码,标准名称\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().code).toBe('IMPORT_FILE_INVALID');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['编码', '名称']);
    const wrongHeader = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(wrongHeader.json().code).toBe('IMPORT_HEADER_INVALID');
    const tooLarge = await upload(admin, Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json()).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: '导入文件不能超过5MB' });
  });
});

describe('industrial chains (R6)', () => {
  it('lists the demo 示例 chains and lets the admin add one; a duplicate name is refused', async () => {
    const list = (await admin.get('/api/dict/chains')).json();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c: { isExample: boolean }) => c.isExample)).toBe(true);
    const created = await admin.post('/api/dict/chains', {
      name: '先进储能材料',
      description: '湖南省工信厅文件所列产业链',
      source: '湘工信〔2026〕1号',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '先进储能材料',
      isExample: false,
      active: true,
      version: 1,
    });
    const dup = await admin.post('/api/dict/chains', { name: '先进储能材料' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CHAIN_NAME_TAKEN');
  });

  it('edits with a version check: a stale version is refused and changes nothing; history lists the edit', async () => {
    const created = (await admin.post('/api/dict/chains', { name: '智能网联汽车' })).json();
    const first = await admin.patch(`/api/dict/chains/${created.id}`, {
      description: '含车路协同',
      version: created.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(created.version + 1);
    const stale = await admin.patch(`/api/dict/chains/${created.id}`, {
      active: false,
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const now = (await admin.get('/api/dict/chains')).json().find((c: { id: number }) => c.id === created.id);
    expect(now).toMatchObject({ active: true, description: '含车路协同', version: created.version + 1 });

    const unknown = await admin.patch(`/api/dict/chains/${created.id}`, { isExample: true, version: 2 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_FIELD');

    const city = await loginAs(ctx.app, 'cs_zx');
    expect((await city.get('/api/dict/chains')).statusCode).toBe(200);
    const cityEdit = await city.patch(`/api/dict/chains/${created.id}`, { active: false, version: 2 });
    expect(cityEdit.statusCode).toBe(404);

    const history = (
      await city.get(`/api/dict/history?targetType=industrial_chain&targetId=${created.id}`)
    ).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'dictionary.chain_updated',
      'dictionary.chain_created',
    ]);
    expect(history.items[0]).toMatchObject({
      actorName: expect.any(String),
      before: { description: null },
      after: { description: '含车路协同' },
    });
    expect(history.items[0]).not.toHaveProperty('ip');
  });
});

describe('OpenAPI', () => {
  it('describes the dictionary and public endpoints', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/public/working-days',
        '/api/public/validate/credit-code',
        '/api/public/divisions',
        '/api/dict/occupations',
        '/api/dict/occupations/{code}',
        '/api/dict/standards/import',
        '/api/dict/holidays/{year}',
        '/api/dict/chains/{id}',
        '/api/dict/history',
      ]),
    );
  });
});
