/**
 * 备案确认 (通知第五条第五款): a passed notice becomes 第N批; bodies get their permanent
 * 6-digit 评价机构序列码 from gapless counters; self-evaluation and social items alike (通知第四条 同步申报),
 * only a mode the organization kind may not use held back; the 备案确认通知书. The
 * notice stage (通知第五条第四款) is tested in its own files, so its output (a passed notice with listed items, the
 * applications in 公示通过) is written with SQL by support/filing-list-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import {
  firstChainId,
  openRoundId,
  registerSchool,
  statusOf,
  submittedSchoolApplication,
  type RegisteredOrganization,
} from './support/province-fixtures';
import { addScopeItem, counterValue, importFilings, passedNotice } from './support/filing-list-fixtures';

let ctx: TestContext;
let bureau: Session; // 省人社厅 srst
let center: Session; // 省鉴定中心 sjzx
let roundId: string;
let chainId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx.app, 'srst');
  center = await loginAs(ctx.app, 'sjzx');
  roundId = await openRoundId(center);
  chainId = await firstChainId(center);
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;
const confirm = (s: Session, body: Record<string, unknown>) => s.post('/api/filing-lists', body);

async function schoolWithApplication(city: '430100' | '430200' | '430300', name: string) {
  const school = await registerSchool(ctx.app, city, name);
  const applicationId = await submittedSchoolApplication(school.session, roundId, chainId);
  return { school, applicationId };
}

async function registryRow(creditCode: string) {
  const [row] = await queryRows<{
    sequence_code: string | null;
    status: string;
    item_count: number;
    modes: string[];
    supervising_city_code: string | null;
    name_tokens: string[];
  }>(db(), sql`select * from registry_bodies where credit_code = ${creditCode}`);
  return row;
}

describe('confirming a passed notice', () => {
  let a: { school: RegisteredOrganization; applicationId: string };
  let b: { school: RegisteredOrganization; applicationId: string };
  let socialItemId: string;
  let wrongModeItemId: string;
  let noticeId: string;
  let result: Record<string, unknown> & { sequence: number; id: string };
  let listBefore: number;
  let codesBefore: number;

  beforeAll(async () => {
    a = await schoolWithApplication('430100', '长沙湘江技工学校');
    b = await schoolWithApplication('430200', '株洲硬质合金技师学院');
    // 同步申报: social evaluation of 焊工 together with its self-evaluation, neither filed before.
    socialItemId = await addScopeItem(db(), a.applicationId, {
      occupationCode: '6-18-02-04',
      mode: 'social',
      levels: ['level5', 'level4'],
    });
    // A mode a school may not use at all (earlier stages refuse it; confirmation does not trust them).
    wrongModeItemId = await addScopeItem(db(), a.applicationId, {
      occupationCode: '6-18-01-01',
      mode: 'enterprise_self',
      levels: ['level5'],
    });
    noticeId = await passedNotice(db(), [a.applicationId, b.applicationId]);
    listBefore = (await counterValue(db(), 'filing_list')) ?? 0;
    codesBefore = (await counterValue(db(), 'body_sequence')) ?? 0;
  });

  it('lists the notice as awaiting confirmation, with a preview that files the social item', async () => {
    const pending = await bureau.get('/api/filing-lists/pending');
    expect(pending.statusCode).toBe(200);
    expect(pending.json().items.map((n: { noticeId: string }) => n.noticeId)).toContain(noticeId);
    const preview = await bureau.get(`/api/filing-lists/pending/${noticeId}`);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ confirmable: true, blockedReason: null });
    expect(p).not.toHaveProperty('socialPolicy');
    const itemsOfA = p.applications.find(
      (x: { applicationId: string }) => x.applicationId === a.applicationId,
    ).items;
    expect(itemsOfA).toHaveLength(3);
    const social = itemsOfA.find((i: { scopeItemId: string }) => i.scopeItemId === socialItemId);
    expect(social).toMatchObject({ outcome: 'confirm', modeLabel: '社会评价', reason: null });
    const wrong = itemsOfA.find((i: { scopeItemId: string }) => i.scopeItemId === wrongModeItemId);
    expect(wrong).toMatchObject({ outcome: 'held', modeLabel: '企业自主评价' });
    expect(wrong.reason).toContain('院校不能申报"企业自主评价"');
    // The province centre reads it too; it may not confirm.
    expect((await center.get(`/api/filing-lists/pending/${noticeId}`)).statusCode).toBe(200);
  });

  it('publishes 第N批, gives each new body a 6-digit sequence code and files the applications', async () => {
    const res = await confirm(bureau, { noticeId });
    expect(res.statusCode, res.body).toBe(201);
    result = res.json();
    expect(result.sequence).toBe(listBefore + 1);
    expect(result).toMatchObject({ bodyCount: 2, itemCount: 3, heldCount: 1 });
    expect(result.title).toContain(`第${listBefore + 1}批`);
    const codes = (result.newSequenceCodes as { creditCode: string; sequenceCode: string }[])
      .map((c) => c.sequenceCode)
      .sort();
    // Allocated in credit-code order from the counter, zero-padded to six digits, no gap.
    expect(codes).toEqual([
      String(codesBefore + 1).padStart(6, '0'),
      String(codesBefore + 2).padStart(6, '0'),
    ]);
    expect(await counterValue(db(), 'body_sequence')).toBe(codesBefore + 2);

    expect(await statusOf(db(), a.applicationId)).toBe('filed');
    expect(await statusOf(db(), b.applicationId)).toBe('filed');
    const filed = await queryRows<{
      credit_code: string;
      mode: string;
      source: string;
      supervising_city_code: string;
      filing_list_id: string;
      effective_date: string;
      application_id: string;
    }>(
      db(),
      sql`select credit_code, mode, source, supervising_city_code, filing_list_id, effective_date::text,
                 application_id::text
          from filings where credit_code in (${a.school.creditCode}, ${b.school.creditCode})
          order by credit_code, mode`,
    );
    expect(filed).toHaveLength(3);
    expect(filed.map((f) => `${f.credit_code}:${f.mode}`).sort()).toEqual(
      [
        `${a.school.creditCode}:school_self`,
        `${a.school.creditCode}:social`,
        `${b.school.creditCode}:school_self`,
      ].sort(),
    );
    expect(filed.every((f) => f.source === 'confirmation')).toBe(true);
    expect(filed.every((f) => f.filing_list_id === result.id)).toBe(true);
    expect(filed.find((f) => f.credit_code === a.school.creditCode)?.supervising_city_code).toBe('430100');
    expect(filed.find((f) => f.credit_code === b.school.creditCode)?.supervising_city_code).toBe('430200');
    expect(filed[0]!.effective_date).toBe(result.effectiveDate);

    // The item of a mode the school may not use is held with its reason, not filed.
    const [held] = await queryRows<{ verdict: string; verdict_reason: string }>(
      db(),
      sql`select verdict, verdict_reason from application_scope_items where id = ${wrongModeItemId}`,
    );
    expect(held).toMatchObject({ verdict: 'held' });
    expect(held!.verdict_reason).toContain('企业自主评价');

    const body = await registryRow(a.school.creditCode);
    expect(body).toMatchObject({
      status: 'filed',
      item_count: 2,
      modes: ['school_self', 'social'],
      supervising_city_code: '430100',
    });
    expect(body!.sequence_code).toMatch(/^\d{6}$/);
    expect(body!.name_tokens).toEqual(expect.arrayContaining(['湘', '湘江', '技工']));

    const events = await queryRows<{ event: string; note: string; filing_list_id: string | null }>(
      db(),
      sql`select event, note, filing_list_id::text from registry_events where credit_code = ${a.school.creditCode}
          order by id`,
    );
    // In the registry since the import of its earlier self-evaluation filing (R2); this list adds to it.
    expect(events).toEqual([
      expect.objectContaining({ event: 'filed', filing_list_id: null }),
      expect.objectContaining({ event: 'scope_added', filing_list_id: result.id }),
    ]);
    expect(events[1]!.note).toContain(body!.sequence_code!);

    const audit = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_log where target_id in (${a.applicationId}, ${b.applicationId}, ${result.id})
          order by id desc limit 3`,
    );
    expect(audit.map((x) => x.action)).toEqual([
      'filing_list.confirmed',
      'application.confirm_filing',
      'application.confirm_filing',
    ]);
    expect(
      (await bureau.get('/api/filing-lists/pending'))
        .json()
        .items.map((n: { noticeId: string }) => n.noticeId),
    ).not.toContain(noticeId);
  });

  it('shows the list to staff with the held item, and refuses to confirm it again (409)', async () => {
    const detail = await center.get(`/api/filing-lists/${result.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().rows).toHaveLength(3);
    expect(detail.json().held).toEqual([
      expect.objectContaining({ creditCode: a.school.creditCode, modeLabel: '企业自主评价' }),
    ]);
    const again = await confirm(bureau, { noticeId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FILING_LIST_ALREADY_CONFIRMED');
    expect(await counterValue(db(), 'filing_list')).toBe(result.sequence);
  });

  it('lets the applicant download its 备案确认通知书 naming the code, the list and the held item', async () => {
    const res = await a.school.session.get(`/api/applications/${a.applicationId}/filing-confirmation.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = extractPdf(res.rawPayload).text.replace(/\s+/g, '');
    const code = (await registryRow(a.school.creditCode))!.sequence_code!;
    expect(text).toContain('备案确认通知书');
    expect(text).toContain(code);
    expect(text).toContain(`第${result.sequence}批`);
    expect(text).toContain('长沙湘江技工学校');
    expect(text).toContain('暂缓确认');
    expect(text).toContain('长沙市人力资源和社会保障局');
    // Province staff may download it too.
    expect(
      (await bureau.get(`/api/applications/${a.applicationId}/filing-confirmation.pdf`)).statusCode,
    ).toBe(200);
  });

  it('keeps the letter to its organization: another applicant, another city or an expert → 404', async () => {
    const url = `/api/applications/${a.applicationId}/filing-confirmation.pdf`;
    expect((await b.school.session.get(url)).statusCode).toBe(404);
    expect((await (await loginAs(ctx.app, 'zz_rsj')).get(url)).statusCode).toBe(404);
    expect((await (await loginAs(ctx.app, 'zhuanjia1')).get(url)).statusCode).toBe(404);
    expect((await (await loginAs(ctx.app, 'cs_rsj')).get(url)).statusCode).toBe(200);
  });

  it('publishes the list with PDF and Excel downloads', async () => {
    const pdf = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/filing-lists/${result.sequence}/list.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    const text = extractPdf(pdf.rawPayload).text.replace(/\s+/g, '');
    expect(text).toContain(`第${result.sequence}批`);
    expect(text).toContain(a.school.creditCode);
    expect(text).toContain('株洲硬质合金技师学院');
    const xlsx = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/filing-lists/${result.sequence}/list.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const values: string[] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).join('|')));
    expect(values.some((v) => v.includes(b.school.creditCode) && v.includes('院校自主评价'))).toBe(true);
    // Social evaluation applied for together with self-evaluation is filed (通知第四条 同步申报).
    expect(values.filter((v) => v.includes('社会评价'))).toEqual([
      expect.stringContaining(a.school.creditCode),
    ]);
    // The held item is not in the published list.
    expect(values.filter((v) => v.includes('企业自主评价'))).toEqual([]);
  });
});

describe('exactly one of two concurrent confirmations wins', () => {
  it('answers 201 to one and 409 to the other, allocating one 第N批', async () => {
    const { applicationId } = await schoolWithApplication('430300', '湘潭电机技工学校');
    const noticeId = await passedNotice(db(), [applicationId]);
    const before = (await counterValue(db(), 'filing_list')) ?? 0;
    const [r1, r2] = await Promise.all([confirm(bureau, { noticeId }), confirm(bureau, { noticeId })]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().code).toBe('FILING_LIST_ALREADY_CONFIRMED');
    expect(
      await queryCount(db(), sql`select count(*)::int as n from filing_lists where notice_id = ${noticeId}`),
    ).toBe(1);
    expect(await counterValue(db(), 'filing_list')).toBe(before + 1);
    expect(await statusOf(db(), applicationId)).toBe('filed');
  });
});

describe('gapless numbers', () => {
  it('a rolled-back confirmation consumes neither 第N批 nor a sequence code', async () => {
    const { school, applicationId } = await schoolWithApplication('430100', '长沙航空职业学院');
    const noticeId = await passedNotice(db(), [applicationId]);
    const lists = (await counterValue(db(), 'filing_list')) ?? 0;
    const codes = (await counterValue(db(), 'body_sequence')) ?? 0;
    // The next code would not fit six digits: the transaction fails after allocating 第N批.
    await db().execute(sql`update counters set value = 999999 where name = 'body_sequence'`);
    const failed = await confirm(bureau, { noticeId });
    expect(failed.statusCode).toBe(409);
    expect(failed.json().code).toBe('SEQUENCE_CODE_EXHAUSTED');
    expect(await counterValue(db(), 'filing_list')).toBe(lists);
    expect(await counterValue(db(), 'body_sequence')).toBe(999999);
    expect(await statusOf(db(), applicationId)).toBe('notice_passed');
    expect(
      await queryCount(
        db(),
        sql`select count(*)::int as n from filings where credit_code = ${school.creditCode} and source = 'confirmation'`,
      ),
    ).toBe(0);
    // Only its imported self-evaluation filing: in the registry, still without a sequence code.
    expect(await registryRow(school.creditCode)).toMatchObject({ sequence_code: null });

    await db().execute(sql`update counters set value = ${codes} where name = 'body_sequence'`);
    const ok = await confirm(bureau, { noticeId });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().sequence).toBe(lists + 1);
    expect(ok.json().newSequenceCodes).toEqual([
      { creditCode: school.creditCode, sequenceCode: String(codes + 1).padStart(6, '0') },
    ]);
  });

  it("a body's second filing keeps its code, and the earlier list keeps its rows", async () => {
    const { school, applicationId } = await schoolWithApplication('430200', '株洲铁路技师学院');
    const first = await confirm(bureau, { noticeId: await passedNotice(db(), [applicationId]) });
    expect(first.statusCode).toBe(201);
    const code = (await registryRow(school.creditCode))!.sequence_code;
    const codes = await counterValue(db(), 'body_sequence');

    // A filed application has ended: the school applies again in the same round (more levels).
    const second = await submittedSchoolApplication(school.session, roundId, chainId, [
      {
        occupationCode: '6-18-02-04',
        jobName: '',
        mode: 'school_self',
        levels: ['level5', 'level4', 'level3', 'level2'],
        chainIds: [chainId],
        businessLink: '学院开设焊接技术与自动化专业，在校生800人',
      },
    ]);
    const res = await confirm(bureau, { noticeId: await passedNotice(db(), [second]) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().newSequenceCodes).toEqual([]);
    expect(res.json().sequence).toBe(first.json().sequence + 1);
    expect((await registryRow(school.creditCode))!.sequence_code).toBe(code);
    expect(await counterValue(db(), 'body_sequence')).toBe(codes);
    const [filing] = await queryRows<{ levels: string[]; filing_list_id: string }>(
      db(),
      sql`select levels, filing_list_id::text from filings where credit_code = ${school.creditCode}`,
    );
    expect(filing).toEqual({
      levels: ['level5', 'level4', 'level3', 'level2'],
      filing_list_id: res.json().id,
    });
    const events = await queryRows<{ event: string }>(
      db(),
      sql`select event from registry_events where credit_code = ${school.creditCode} order by id`,
    );
    // The import of its earlier self-evaluation filing, then both confirmations.
    expect(events.map((e) => e.event)).toEqual(['filed', 'scope_added', 'scope_added']);
    // The earlier 第N批 still lists what it filed.
    const earlier = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/filing-lists/${first.json().sequence}`,
    });
    expect(earlier.json().rows).toEqual([
      expect.objectContaining({
        creditCode: school.creditCode,
        sequenceCode: code,
        levelLabels: ['五级/初级工', '四级/中级工', '三级/高级工'],
      }),
    ]);
  });
});

describe('R8 at confirmation (通知第四条 同步申报, 第五条第五款)', () => {
  it('confirms the social item next to an imported, carried-out self-evaluation filing', async () => {
    const { school, applicationId } = await schoolWithApplication('430300', '湘潭技师学院');
    await importFilings(center, [
      {
        name: school.name,
        creditCode: school.creditCode,
        city: '430300',
        occupationCode: '6-18-02-04',
        mode: '院校自主评价',
        levels: '五级、四级',
        date: ctx.clock.day(-900),
        carriedOut: '是',
      },
    ]);
    // The import put the body in the registry without a sequence code.
    expect(await registryRow(school.creditCode)).toMatchObject({
      sequence_code: null,
      status: 'filed',
      item_count: 1,
    });
    const social = await addScopeItem(db(), applicationId, {
      occupationCode: '6-18-02-04',
      mode: 'social',
      levels: ['level5', 'level4'],
    });
    const res = await confirm(bureau, { noticeId: await passedNotice(db(), [applicationId]) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ heldCount: 0, itemCount: 2 });
    expect(res.json().newSequenceCodes).toHaveLength(1);
    const modes = await queryRows<{ mode: string; source: string }>(
      db(),
      sql`select mode, source from filings where credit_code = ${school.creditCode} order by mode`,
    );
    expect(modes).toEqual([
      { mode: 'school_self', source: 'confirmation' },
      { mode: 'social', source: 'confirmation' },
    ]);
    const [item] = await queryRows<{ verdict: string }>(
      db(),
      sql`select verdict from application_scope_items where id = ${social}`,
    );
    expect(item!.verdict).toBe('recommended');
    expect(await registryRow(school.creditCode)).toMatchObject({
      modes: ['school_self', 'social'],
      item_count: 2,
    });
    expect((await registryRow(school.creditCode))!.sequence_code).toMatch(/^\d{6}$/);
  });

  it('files it even when the imported self-evaluation filing was not carried out yet (the order binds certification, not filing)', async () => {
    const { school, applicationId } = await schoolWithApplication('430100', '长沙电子技工学校');
    await importFilings(center, [
      {
        name: school.name,
        creditCode: school.creditCode,
        city: '430100',
        occupationCode: '6-18-02-04',
        mode: '院校自主评价',
        levels: '五级',
        date: ctx.clock.day(-900),
        carriedOut: '否',
      },
    ]);
    await addScopeItem(db(), applicationId, {
      occupationCode: '6-18-02-04',
      mode: 'social',
      levels: ['level5'],
    });
    const res = await confirm(bureau, { noticeId: await passedNotice(db(), [applicationId]) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ heldCount: 0, itemCount: 2 });
    expect(
      await queryCount(
        db(),
        sql`select count(*)::int as n from filings where credit_code = ${school.creditCode} and mode = 'social'`,
      ),
    ).toBe(1);
  });
});

describe('refusals (nothing changes)', () => {
  it('a city user or the province centre calling the confirm action → 404', async () => {
    const { applicationId } = await schoolWithApplication('430100', '长沙城市技工学校');
    const noticeId = await passedNotice(db(), [applicationId]);
    for (const user of ['cs_rsj', 'cs_zx', 'sjzx', 'xx_admin']) {
      const res = await confirm(await loginAs(ctx.app, user), { noticeId });
      expect(res.statusCode, user).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect(await statusOf(db(), applicationId)).toBe('notice_passed');
    // A city user may read the lists.
    expect((await (await loginAs(ctx.app, 'cs_zx')).get('/api/filing-lists')).statusCode).toBe(200);
  });

  it.each(['draft', 'published'] as const)('a %s notice → 409 NOTICE_NOT_PASSED', async (status) => {
    const { applicationId } = await schoolWithApplication('430200', `株洲${status}职业学校`);
    const noticeId = await passedNotice(db(), [applicationId], { status });
    const lists = await counterValue(db(), 'filing_list');
    const res = await confirm(bureau, { noticeId });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOTICE_NOT_PASSED');
    expect(await counterValue(db(), 'filing_list')).toBe(lists);
    expect(await statusOf(db(), applicationId)).toBe('notice_passed');
  });

  it('bad input → 400 with a specific code; unknown notice → 404; stale version → 409', async () => {
    const { applicationId } = await schoolWithApplication('430300', '湘潭职业学校');
    const noticeEnd = ctx.clock.day(-19);
    const noticeId = await passedNotice(db(), [applicationId], { endDate: noticeEnd });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ noticeId: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ noticeId, effectiveDate: '2026-02-30' }, 400, 'EFFECTIVE_DATE_INVALID'],
      [{ noticeId, effectiveDate: noticeEnd }, 400, 'EFFECTIVE_DATE_BEFORE_NOTICE_END'],
      [{ noticeId, effectiveDate: ctx.clock.day(366) }, 400, 'EFFECTIVE_DATE_TOO_LATE'],
      [{ noticeId, extra: 1 }, 400, 'UNKNOWN_FIELD'],
      [{ noticeId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
      [{ noticeId, version: 99 }, 409, 'VERSION_CONFLICT'],
    ];
    for (const [body, status, code] of cases) {
      const res = await confirm(bureau, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code, JSON.stringify(body)).toBe(code);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await statusOf(db(), applicationId)).toBe('notice_passed');
    expect(
      await queryCount(db(), sql`select count(*)::int as n from filing_lists where notice_id = ${noticeId}`),
    ).toBe(0);
    // A given effective date after the notice's end is used as such.
    const ok = await confirm(bureau, { noticeId, effectiveDate: ctx.clock.day(6), version: 1 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().effectiveDate).toBe(ctx.clock.day(6));
  });

  it('a notice whose every item an objection removed has nothing to confirm → 409', async () => {
    const { applicationId } = await schoolWithApplication('430100', '长沙商贸技工学校');
    const [item] = await queryRows<{ id: string }>(
      db(),
      sql`select id from application_scope_items where application_id = ${applicationId}`,
    );
    const noticeId = await passedNotice(db(), [applicationId], { rejectedItemIds: [item!.id] });
    const res = await confirm(bureau, { noticeId });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FILING_LIST_EMPTY');
    const preview = (await bureau.get(`/api/filing-lists/pending/${noticeId}`)).json();
    expect(preview.confirmable).toBe(false);
    expect(preview.applications[0].items[0]).toMatchObject({ outcome: 'excluded' });
  });

  it('the letter of an application not yet filed → 409', async () => {
    const { school, applicationId } = await schoolWithApplication('430200', '株洲未备案技工学校');
    const res = await school.session.get(`/api/applications/${applicationId}/filing-confirmation.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('APPLICATION_NOT_FILED');
  });
});
