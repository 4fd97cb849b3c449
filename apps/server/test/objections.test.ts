/**
 * 异议 (通知第五条第四款, docs/domain.md §7): anyone objects during the window with a server-side human check
 * and gets a receipt number; staff answer upheld / dismissed; an upheld objection removes only its item;
 * a notice cannot pass while an objection is open. Time is moved with the TestClock, never a backdoor.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import { multipart, sampleExecutable, samplePdf } from './support/multipart';
import { statusOf } from './support/province-fixtures';
import {
  clearedApplication,
  humanCheck,
  object,
  objectionCount,
  OBJECTOR,
  prepareNotice,
  publishNotice,
  type ClearedApplication,
} from './support/notice-fixtures';
import { runNoticeClose } from '../src/scheduler/notice-close';
import { loadConfig } from '../src/config';
import { humanCheckBypassed } from '../src/use-cases/human-check/human-checks';
import { addDays, formatChineseDate } from '@skillcert/domain';
import { calendarOf } from './support/test-calendar';

let ctx: TestContext;
let center: Session;
let bureau: Session;
let a: ClearedApplication; // 焊工 + 车工: an objection on 车工 is upheld, 焊工 goes on
let b: ClearedApplication; // whole application objected to, dismissed
let c: ClearedApplication; // its only item upheld → the application ends
let e: ClearedApplication; // whole application upheld → ends
let other: ClearedApplication; // in another notice
let noticeId: string;
let otherNoticeId: string;
const itemOf: Record<string, string> = {}; // occupation name of A → notice item id

// The TestClock starts today at 10:00 in Beijing; the notice opens tomorrow and lasts 5 working days.
let start: string;
let OPEN: Date; // 10:00 on the first day of the window
let AFTER: Date; // 00:00:01 on the day after the window

async function setClock(instant: Date) {
  ctx.clock.set(instant);
  center = await loginAs(ctx.app, 'sjzx');
  bureau = await loginAs(ctx.app, 'srst');
}

beforeAll(async () => {
  ctx = await createTestContext();
  center = await loginAs(ctx.app, 'sjzx');
  bureau = await loginAs(ctx.app, 'srst');
  a = await clearedApplication(ctx, '430100', '长沙市焊接技术学校', [
    { occupationCode: '6-18-01-01', verdict: 'recommended' },
  ]);
  b = await clearedApplication(ctx, '430200', '株洲市第二技工学校');
  c = await clearedApplication(ctx, '430300', '湘潭市机械技工学校');
  e = await clearedApplication(ctx, '430100', '长沙市汽车技工学校');
  other = await clearedApplication(ctx, '430200', '株洲市冶金技工学校');
  start = ctx.clock.day(1);
  const end = (await calendarOf(db())).addWorkingDays(start, 5).end;
  OPEN = new Date(`${start}T10:00:00+08:00`);
  AFTER = new Date(`${addDays(end, 1)}T00:00:01+08:00`);
  const n = await prepareNotice(center, [a.id, b.id, c.id, e.id]);
  noticeId = n.id;
  await publishNotice(bureau, noticeId, start);
  const o = await prepareNotice(center, [other.id], { title: '关于株洲市评价机构备案名单的公示' });
  otherNoticeId = o.id;
  await publishNotice(bureau, otherNoticeId, start);
  const detail = (await bureau.get(`/api/notices/${noticeId}`)).json();
  for (const i of detail.items) if (i.applicationId === a.id) itemOf[i.occupationName] = i.id;
  itemOf.c = detail.items.find((i: { applicationId: string }) => i.applicationId === c.id).id;
  itemOf.other = (await bureau.get(`/api/notices/${otherNoticeId}`)).json().items[0].id;
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;
const track = (receipt: string) =>
  ctx.app.inject({ method: 'GET', url: `/api/public/objections/${receipt}` });

describe('the objection window (00:00 of the start date to 23:59:59 of the end date, Beijing time)', () => {
  it('refuses an objection before the start, and stores nothing', async () => {
    ctx.clock.set(new Date(`${addDays(start, -1)}T23:59:59+08:00`)); // 23:59:59 the day before
    const before = await objectionCount(ctx);
    const res = await object(ctx, noticeId, { noticeItemId: itemOf['车工']! });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('OBJECTION_WINDOW_NOT_OPEN');
    expect(res.json().message).toContain(`${formatChineseDate(start)}0时起`);
    expect(await objectionCount(ctx)).toBe(before);
  });

  it('accepts one from 00:00 of the start date', async () => {
    ctx.clock.set(new Date(`${start}T00:00:00+08:00`));
    const res = await object(ctx, noticeId, {
      noticeItemId: itemOf['焊工']!,
      reason: '零点提交的异议：该校焊接实训场地面积不足。',
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json().receiptNumber;
    expect(receipt).toMatch(new RegExp(`^YY${start.replaceAll('-', '')}[0-9A-HJKMNP-TV-Z]{8}$`));
    await setClock(OPEN);
    // Dismissed at once so it does not hold the notice open.
    const [row] = await queryRows<{ id: string }>(
      db(),
      sql`select id from objections where receipt_number = ${receipt}`,
    );
    const answered = await center.post(`/api/objections/${row!.id}/answer`, {
      version: 1,
      outcome: 'dismissed',
      reply: '经核查，该校焊接实训场地面积符合标准要求，异议不成立。',
    });
    expect(answered.statusCode).toBe(200);
  });
});

describe('the human check (server side)', () => {
  it('gives a picture without the question as text, and (in test mode only) the answer', async () => {
    const check = await humanCheck(ctx);
    expect(check.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(check.image.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).not.toMatch(/<text/);
    expect(check.answer).toMatch(/^\d+$/);
    const [row] = await queryRows<{ answer_hash: string }>(
      db(),
      sql`select answer_hash from human_checks where id = ${check.id}`,
    );
    // Stored as a keyed hash: not the answer, not a plain hash an attacker could look up.
    expect(row!.answer_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.answer_hash).not.toBe(createHash('sha256').update(check.answer).digest('hex'));
    expect(row!.answer_hash).not.toBe(createHash('sm3').update(check.answer).digest('hex'));
  });

  it('refuses a wrong answer, and the challenge is then used up; nothing is stored', async () => {
    const before = await objectionCount(ctx);
    const check = await humanCheck(ctx);
    const wrong = String(Number(check.answer) + 1);
    const res = await object(
      ctx,
      noticeId,
      { noticeItemId: itemOf['车工']! },
      { check: { id: check.id, answer: wrong } },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'HUMAN_CHECK_WRONG',
      message: '验证码答案不正确，请刷新验证码后重新输入',
    });
    const retry = await object(ctx, noticeId, { noticeItemId: itemOf['车工']! }, { check });
    expect(retry.statusCode).toBe(400);
    expect(retry.json().code).toBe('HUMAN_CHECK_USED');
    expect(await objectionCount(ctx)).toBe(before);
  });

  it('refuses a challenge used twice', async () => {
    const check = await humanCheck(ctx);
    const first = await object(ctx, noticeId, { applicationId: b.id }, { check });
    expect(first.statusCode).toBe(201);
    const before = await objectionCount(ctx);
    const second = await object(ctx, noticeId, { applicationId: b.id }, { check });
    expect(second.statusCode).toBe(400);
    expect(second.json().code).toBe('HUMAN_CHECK_USED');
    expect(await objectionCount(ctx)).toBe(before);
  });

  it('refuses an expired challenge (10 minutes) and a missing one', async () => {
    const before = await objectionCount(ctx);
    const check = await humanCheck(ctx);
    ctx.clock.advance(10 * 60_000 + 1000);
    const expired = await object(ctx, noticeId, { applicationId: b.id }, { check });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('HUMAN_CHECK_EXPIRED');
    const missing = await object(ctx, noticeId, { applicationId: b.id }, { check: null });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('HUMAN_CHECK_UNKNOWN');
    expect(await objectionCount(ctx)).toBe(before);
    await setClock(OPEN);
  });

  it('can be bypassed only in test or demo mode, never with NODE_ENV=production', () => {
    const key = 'ab'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', FIELD_KEY: key, HUMAN_CHECK_BYPASS: 'true' })).toThrow(
      '生产模式不允许设置 HUMAN_CHECK_BYPASS',
    );
    expect(loadConfig({ NODE_ENV: 'production', FIELD_KEY: key }).humanCheckBypass).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', HUMAN_CHECK_BYPASS: 'true' }).humanCheckBypass).toBe(true);
    expect(loadConfig({ HUMAN_CHECK_BYPASS: '1' }).humanCheckBypass).toBe(true); // demo
    expect(loadConfig({ NODE_ENV: 'test' }).humanCheckBypass).toBe(false);
    // Even a configuration built by hand is not bypassed in production.
    const prod = { ...loadConfig({ NODE_ENV: 'production', FIELD_KEY: key }), humanCheckBypass: true };
    expect(humanCheckBypassed(prod)).toBe(false);
  });
});

describe('bad input is refused with a specific code, and nothing is stored', () => {
  it.each([
    [
      'an item of another notice',
      () => ({ noticeItemId: itemOf.other! }),
      400,
      'OBJECTION_ITEM_NOT_IN_NOTICE',
    ],
    [
      'an application of another notice',
      () => ({ applicationId: other.id }),
      400,
      'OBJECTION_APPLICATION_NOT_IN_NOTICE',
    ],
    ['an item id that is no id', () => ({ noticeItemId: 'x' }), 400, 'OBJECTION_ITEM_NOT_IN_NOTICE'],
    ['no item and no application', () => ({}), 400, 'OBJECTION_TARGET_REQUIRED'],
    [
      'an invalid mobile number',
      () => ({ applicationId: b.id, contactPhone: '0731-8888888' }),
      400,
      'MOBILE_INVALID',
    ],
    [
      'a reason of a few characters',
      () => ({ applicationId: b.id, reason: '不同意' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown field',
      () => ({ applicationId: b.id, idNumber: '430103199001011234' }),
      400,
      'VALIDATION_FAILED',
    ],
  ])('%s', async (_name, fields, status, code) => {
    const before = await objectionCount(ctx);
    const res = await object(ctx, noticeId, fields());
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await objectionCount(ctx)).toBe(before);
  });

  it('evidence that is not a PDF, JPG or PNG by content', async () => {
    const before = await objectionCount(ctx);
    const res = await object(
      ctx,
      noticeId,
      { applicationId: b.id },
      { files: [{ field: 'evidence', filename: '证明.pdf', content: sampleExecutable() }] },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await objectionCount(ctx)).toBe(before);
  });

  it('a draft or unknown notice is not found', async () => {
    const draft = await prepareNotice(center, [
      (await clearedApplication(ctx, '430300', '湘潭市草稿技工学校')).id,
    ]);
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await object(ctx, id, { applicationId: b.id });
      expect(res.statusCode).toBe(404);
    }
  });

  it('a JSON body instead of the form', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/notices/${noticeId}/objections`,
      payload: { ...OBJECTOR, applicationId: b.id, reason: '该校实训设备不足，不符合条件。' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MULTIPART_REQUIRED');
  });
});

describe('objections, answers and the notice', () => {
  const receipts: Record<string, string> = {};
  const ids: Record<string, string> = {};

  it('takes objections on an item (with evidence) and on whole applications, with receipt numbers', async () => {
    const onItem = await object(
      ctx,
      noticeId,
      {
        noticeItemId: itemOf['车工']!,
        reason: '该校车工实训车床仅有三台，且无车工专业教师，不具备车工评价条件。',
      },
      { files: [{ field: 'evidence', filename: '现场照片说明.pdf', content: samplePdf() }] },
    );
    expect(onItem.statusCode).toBe(201);
    receipts.item = onItem.json().receiptNumber;
    expect(onItem.json().trackingUrl).toBe(`/public/objections?receipt=${receipts.item}`);
    for (const [key, fields] of [
      ['c', { noticeItemId: itemOf.c! }],
      ['e', { applicationId: e.id }],
    ] as const) {
      const res = await object(ctx, noticeId, fields);
      expect(res.statusCode).toBe(201);
      receipts[key] = res.json().receiptNumber;
    }
    const rows = await queryRows<{
      id: string;
      receipt_number: string;
      contact_phone_enc: string;
      contact_phone_mac: string;
    }>(db(), sql`select id, receipt_number, contact_phone_enc, contact_phone_mac from objections`);
    for (const r of rows) {
      expect(r.contact_phone_enc).not.toContain('13800138000');
      expect(r.contact_phone_enc).toMatch(/^sm4:/);
      expect(r.contact_phone_mac).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const k of ['item', 'c', 'e']) ids[k] = rows.find((r) => r.receipt_number === receipts[k])!.id;
    ids.b = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from objections where application_id = ${b.id} and status = 'open' limit 1`,
      )
    )[0]!.id;
  });

  it('the tracking page shows status only, no contact data; an unknown receipt is not found', async () => {
    const res = await track(receipts.item!.toLowerCase());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      receiptNumber: receipts.item,
      status: 'open',
      statusLabel: '处理中',
      organizationName: a.organizationName,
      subject: '车工（6-18-01-01）',
      reply: null,
    });
    expect(res.body).not.toContain(OBJECTOR.contactName);
    expect(res.body).not.toContain(OBJECTOR.contactPhone);
    expect(res.body).not.toContain('138****8000');
    expect(res.body).not.toContain('车床仅有三台'); // the reason stays with staff
    expect((await track('YY20261126ZZZZZZZZ')).statusCode).toBe(404);
    expect((await track('not-a-receipt')).statusCode).toBe(404);
  });

  it('staff see the inbox with masked phones; the bureau reads, the city does not', async () => {
    const list = await center.get(`/api/objections?noticeId=${noticeId}&status=open`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(4);
    const item = list.json().items.find((o: { id: string }) => o.id === ids.item);
    expect(item).toMatchObject({
      contactName: OBJECTOR.contactName,
      contactPhoneMasked: '138****8000',
      subject: '车工（6-18-01-01）',
      statusLabel: '处理中',
    });
    expect(list.body).not.toContain('13800138000');
    const detail = await bureau.get(`/api/objections/${ids.item}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().abilities).toEqual({ answer: false, revealContact: false });
    expect(detail.json().evidence).toHaveLength(1);
    const file = await bureau.get(`/api/objections/${ids.item}/evidence/${detail.json().evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const city = await loginAs(ctx.app, 'cs_zx');
    expect((await city.get(`/api/objections/${ids.item}`)).statusCode).toBe(404);
    expect(
      (await bureau.post(`/api/objections/${ids.item}/reveal-contact`, { reason: '电话核实' })).statusCode,
    ).toBe(404);
  });

  it('revealing the full phone needs a reason and is audited', async () => {
    const noReason = await center.post(`/api/objections/${ids.item}/reveal-contact`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await center.post(`/api/objections/${ids.item}/reveal-contact`, {
      reason: '电话联系异议人核实情况',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13800138000');
    const audited = await queryCount(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'personal_data.revealed' and target_id = ${ids.item}`,
    );
    expect(audited).toBe(1);
  });

  it('after the window no objection is taken, and the notice cannot pass while one is open', async () => {
    await setClock(AFTER);
    const before = await objectionCount(ctx);
    const late = await object(ctx, noticeId, { applicationId: b.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('OBJECTION_WINDOW_CLOSED');
    expect(await objectionCount(ctx)).toBe(before);

    const v = (await bureau.get(`/api/notices/${noticeId}`)).json().version;
    const pass = await bureau.post(`/api/notices/${noticeId}/pass`, { version: v });
    expect(pass.statusCode).toBe(409);
    expect(pass.json().code).toBe('NOTICE_OBJECTIONS_OPEN');
    expect(pass.json().message).toContain('尚有4件异议未处理完毕');
    const run = await runNoticeClose({ db: db(), clock: ctx.clock });
    const number = (await bureau.get(`/api/notices/${noticeId}`)).json().number;
    expect(run.waiting).toContainEqual({ number, openObjections: 4 });
    // The other notice had no objection: the job passes it, and only it.
    expect(run.passed).toEqual([(await bureau.get(`/api/notices/${otherNoticeId}`)).json().number]);
    expect(await statusOf(db(), other.id)).toBe('notice_passed');
    expect((await bureau.get(`/api/notices/${noticeId}`)).json().status).toBe('published');
    expect(await statusOf(db(), a.id)).toBe('in_notice');
  });

  it('answers are version-checked, province-centre only and given once', async () => {
    const stale = await center.post(`/api/objections/${ids.item}/answer`, {
      version: 9,
      outcome: 'upheld',
      reply: '经实地核查，该校车工实训设备不足，异议成立。',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const bad = await center.post(`/api/objections/${ids.item}/answer`, {
      version: 1,
      outcome: 'maybe',
      reply: '再研究研究吧',
    });
    expect(bad.statusCode).toBe(400);
    const byBureau = await bureau.post(`/api/objections/${ids.item}/answer`, {
      version: 1,
      outcome: 'upheld',
      reply: '经实地核查，该校车工实训设备不足，异议成立。',
    });
    expect(byBureau.statusCode).toBe(404);
    expect((await center.get(`/api/objections/${ids.item}`)).json().status).toBe('open');
  });

  it('an upheld objection on an item removes only that item; the application goes on', async () => {
    const res = await center.post(`/api/objections/${ids.item}/answer`, {
      version: 1,
      outcome: 'upheld',
      reply: '经实地核查，该校车工实训设备不足，异议成立，车工移出公示。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'upheld',
      statusLabel: '异议成立',
      abilities: { answer: false },
    });
    const again = await center.post(`/api/objections/${ids.item}/answer`, {
      version: 2,
      outcome: 'dismissed',
      reply: '重新答复一次',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('OBJECTION_ALREADY_HANDLED');

    const items = (await bureau.get(`/api/notices/${noticeId}`)).json().items;
    expect(items.find((i: { id: string }) => i.id === itemOf['车工']).status).toBe('rejected');
    expect(items.find((i: { id: string }) => i.id === itemOf['焊工']).status).toBe('listed');
    const verdicts = await queryRows<{
      occupation_code: string;
      verdict: string;
      verdict_reason: string | null;
    }>(
      db(),
      sql`select occupation_code, verdict, verdict_reason from application_scope_items where application_id = ${a.id} order by occupation_code`,
    );
    expect(verdicts).toEqual([
      {
        occupation_code: '6-18-01-01',
        verdict: 'rejected',
        verdict_reason: '公示期异议成立：经实地核查，该校车工实训设备不足，异议成立，车工移出公示。',
      },
      { occupation_code: '6-18-02-04', verdict: 'recommended', verdict_reason: null },
    ]);
    expect(await statusOf(db(), a.id)).toBe('in_notice');
    const tracked = (await track(receipts.item!)).json();
    expect(tracked).toMatchObject({
      status: 'upheld',
      statusLabel: '异议成立',
      reply: '经实地核查，该校车工实训设备不足，异议成立，车工移出公示。',
    });
  });

  it('upheld on the only item, or on the whole application, ends the application with a decision letter', async () => {
    for (const key of ['c', 'e'] as const) {
      const res = await center.post(`/api/objections/${ids[key]}/answer`, {
        version: 1,
        outcome: 'upheld',
        reply: '经核查，该单位未按规定配备专职考评人员，异议成立。',
      });
      expect(res.statusCode, key).toBe(200);
    }
    expect(await statusOf(db(), c.id)).toBe('rejected');
    expect(await statusOf(db(), e.id)).toBe('rejected');
    const letter = await center.get(`/api/applications/${c.id}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = extractPdf(letter.rawPayload).text.replace(/\s/g, '');
    expect(text).toContain('不予通过决定书');
    expect(text).toContain('公示期异议核查');
    expect(text).toContain('未按规定配备专职考评人员');
    expect(text).toContain('移出公示的职业（工种）：焊工（6-18-02-04）');
  });

  it('with every objection answered the notice passes: the rest of the batch goes on', async () => {
    const dismiss = await center.post(`/api/objections/${ids.b}/answer`, {
      version: 1,
      outcome: 'dismissed',
      reply: '经核查，该校申报材料真实，异议不成立。',
    });
    expect(dismiss.statusCode).toBe(200);
    const v = (await bureau.get(`/api/notices/${noticeId}`)).json().version;
    const pass = await bureau.post(`/api/notices/${noticeId}/pass`, { version: v });
    expect(pass.statusCode).toBe(200);
    expect(pass.json()).toMatchObject({ status: 'passed', openObjections: 0 });
    expect(await statusOf(db(), a.id)).toBe('notice_passed');
    expect(await statusOf(db(), b.id)).toBe('notice_passed');
    expect(await statusOf(db(), c.id)).toBe('rejected');
    expect(await statusOf(db(), e.id)).toBe('rejected');
    expect((await runNoticeClose({ db: db(), clock: ctx.clock })).passed).toEqual([]);
  });

  it('public endpoints show no phone, no contact name and no internal data anywhere', async () => {
    const secrets = [
      OBJECTOR.contactName,
      OBJECTOR.contactPhone,
      '138****8000',
      '李明',
      '13912345678',
      '车床仅有三台',
    ];
    const bodies: string[] = [];
    for (const url of [
      '/api/public/notices?scope=current',
      '/api/public/notices?scope=archive',
      `/api/public/notices/${noticeId}`,
      `/api/public/objections/${receipts.item}`,
      `/api/public/objections/${receipts.e}`,
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      bodies.push(res.body);
    }
    const pdf = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${noticeId}/pdf` });
    const pdfText = extractPdf(pdf.rawPayload).text;
    bodies.push(pdfText, pdfText.replace(/\s/g, ''));
    const xlsx = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${noticeId}/xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
    bodies.push(cells.join('\n'));
    for (const body of bodies) for (const s of secrets) expect(body, s).not.toContain(s);
    // The archive shows the removed item as removed.
    const detail = JSON.parse(bodies[2]!);
    expect(detail.items.find((i: { id: string }) => i.id === itemOf['车工']).statusLabel).toBe(
      '异议成立，已移出',
    );
    expect(pdfText.replace(/\s/g, '')).toContain('异议成立，已移出');
  });
});

describe('rate limits on the objection endpoint', () => {
  it('answers 429 in Chinese once a client exceeds 10 objections a minute', async () => {
    const strict = await createTestContext({ rateLimitMultiplier: 1 }, { demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await strict.app.inject({
          method: 'POST',
          url: '/api/public/notices/00000000-0000-4000-8000-000000000000/objections',
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
