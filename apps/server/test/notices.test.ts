/**
 * 公示 (通知第五条第四款, R10): the province centre prepares a notice from 已通过 applications, the bureau
 * publishes it with a start date and the end date computed by the working-day calendar, the public reads
 * it (list, detail, PDF, Excel) without login, and it passes after the end date — by hand or by the
 * scheduled job. Objections are in objections.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import { statusOf } from './support/province-fixtures';
import { clearedApplication, prepareNotice, type ClearedApplication } from './support/notice-fixtures';
import { runNoticeClose } from '../src/scheduler/notice-close';
import {
  addDays,
  endOfShanghaiDay,
  formatChineseDate,
  startOfShanghaiDay,
  type WorkingDaySpan,
} from '@skillcert/domain';
import { calendarOf, nextWeekday, THURSDAY } from './support/test-calendar';
import { HOLIDAY_ANCHOR_YEARS } from '../src/reference/holiday-anchors';
import { testNow } from './support/test-db';

let ctx: TestContext;
let center: Session; // 省鉴定中心 sjzx
let bureau: Session; // 省人社厅 srst
let cityCenter: Session; // 长沙 cs_zx
let cityBureau: Session; // 长沙 cs_rsj
let a: ClearedApplication; // 焊工 + 车工 (+ 铣工 not recommended)
let b: ClearedApplication;
let c: ClearedApplication;
/** Today on the test clock, and the notice's window: 5 working days from the next Thursday (a weekend falls inside). */
let today: string;
let window: WorkingDaySpan;
let year: string;

beforeAll(async () => {
  ctx = await createTestContext();
  center = await loginAs(ctx.app, 'sjzx');
  bureau = await loginAs(ctx.app, 'srst');
  cityCenter = await loginAs(ctx.app, 'cs_zx');
  cityBureau = await loginAs(ctx.app, 'cs_rsj');
  a = await clearedApplication(ctx, '430100', '长沙市第一职业技术学校', [
    { occupationCode: '6-18-01-01', verdict: 'recommended' },
    { occupationCode: '6-18-01-02', verdict: 'not_recommended' },
  ]);
  b = await clearedApplication(ctx, '430200', '株洲市焊接技工学校');
  c = await clearedApplication(ctx, '430300', '湘潭市机电职业学院');
  today = ctx.clock.today();
  year = today.slice(0, 4);
  window = (await calendarOf(db())).addWorkingDays(nextWeekday(addDays(today, 1), THURSDAY), 5);
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;
/** Moves the clock; sessions idle for more than 30 minutes expire, so the province staff log in again. */
async function setClock(instant: Date | string) {
  ctx.clock.set(instant);
  center = await loginAs(ctx.app, 'sjzx');
  bureau = await loginAs(ctx.app, 'srst');
}
const noticeCount = () => queryCount(db(), sql`select count(*)::int as n from public_notices`);
const get = (s: Session, id: string) => s.get(`/api/notices/${id}`);

describe('preparing a notice (province centre)', () => {
  let noticeId: string;

  it('snapshots one public row per continuing scope item, numbered GS{year}-NN, as a draft', async () => {
    const res = await center.post('/api/notices', {
      title: `关于${year}年第二批职业技能等级认定评价机构备案名单的公示`,
      applicationIds: [a.id, b.id],
    });
    expect(res.statusCode).toBe(201);
    const n = res.json();
    noticeId = n.id;
    expect(n.number).toMatch(new RegExp(`^GS${year}-\\d{2}$`));
    expect(n).toMatchObject({ status: 'draft', statusLabel: '草稿', workingDays: 5, applicationCount: 2 });
    expect(n.window).toBeNull();
    // 焊工 and 车工 of A (铣工 was not recommended), 焊工 of B.
    expect(n.items).toHaveLength(3);
    const ofA = n.items.filter((i: { applicationId: string }) => i.applicationId === a.id);
    expect(ofA.map((i: { occupationName: string }) => i.occupationName).sort()).toEqual(['焊工', '车工']);
    expect(ofA[0]).toMatchObject({
      organizationName: a.organizationName,
      creditCode: a.creditCode,
      cityCode: '430100',
      cityName: '长沙市',
      mode: 'school_self',
      modeLabel: '院校自主评价',
      status: 'listed',
    });
    expect(n.abilities).toEqual({ edit: true, publish: false, pass: false });
    // No personal data of the applicant in the snapshot (contact 李明, phone 13912345678).
    expect(res.body).not.toContain('李明');
    expect(res.body).not.toContain('13912345678');
    expect((await get(bureau, noticeId)).json().abilities).toEqual({
      edit: false,
      publish: true,
      pass: false,
    });
  });

  it('a draft names its items 拟公示: nothing is in 公示 before publication', async () => {
    const items = (await get(center, noticeId)).json().items as { statusLabel: string }[];
    expect(items.map((i) => i.statusLabel)).toEqual(['拟公示', '拟公示', '拟公示']);
  });

  it('lists the 已通过 candidates with their items, marking those already in a draft', async () => {
    const res = await center.get('/api/notices/candidates');
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json().items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(a.id)).toMatchObject({
      itemCount: 2,
      draftNoticeNumber: expect.stringMatching(`GS${year}-`),
    });
    expect(byId.get(c.id)).toMatchObject({ itemCount: 1, draftNoticeNumber: null, cityName: '湘潭市' });
    expect((await cityCenter.get('/api/notices/candidates')).statusCode).toBe(404);
  });

  it('refuses fewer than 5 working days, and stores nothing', async () => {
    const before = await noticeCount();
    const res = await center.post('/api/notices', {
      title: '少于五个工作日的公示',
      applicationIds: [c.id],
      workingDays: 4,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'NOTICE_WORKING_DAYS_TOO_FEW' });
    expect(res.json().message).toContain('不得少于5个工作日');
    expect(await noticeCount()).toBe(before);
  });

  it('refuses an application that is not 已通过, one in another draft, and an unknown one', async () => {
    const before = await noticeCount();
    const notCleared = await center.post('/api/notices', {
      title: '含未通过申请的公示',
      applicationIds: [c.id, await submittedId()],
    });
    expect(notCleared.statusCode).toBe(409);
    expect(notCleared.json().code).toBe('NOTICE_APPLICATIONS_NOT_READY');
    expect(notCleared.json().details[0].code).toBe('APPLICATION_NOT_CLEARED');

    const twice = await center.post('/api/notices', { title: '重复列入的公示', applicationIds: [a.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('NOTICE_APPLICATION_IN_OTHER_DRAFT');

    const unknown = await center.post('/api/notices', {
      title: '含不存在申请的公示',
      applicationIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('NOTICE_APPLICATIONS_UNKNOWN');
    expect(await noticeCount()).toBe(before);
  });

  it('edits the draft: adds and removes applications, version-checked, never empty', async () => {
    const v = (await get(center, noticeId)).json().version as number;
    const stale = await center.patch(`/api/notices/${noticeId}`, {
      version: v + 7,
      addApplicationIds: [c.id],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const added = await center.patch(`/api/notices/${noticeId}`, { version: v, addApplicationIds: [c.id] });
    expect(added.statusCode).toBe(200);
    expect(added.json().items).toHaveLength(4);
    expect(added.json().version).toBe(v + 1);

    const again = await center.patch(`/api/notices/${noticeId}`, {
      version: v + 1,
      addApplicationIds: [c.id],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('NOTICE_APPLICATION_ALREADY_LISTED');

    const empty = await center.patch(`/api/notices/${noticeId}`, {
      version: v + 1,
      removeApplicationIds: [a.id, b.id, c.id],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('NOTICE_EMPTY');

    const removed = await center.patch(`/api/notices/${noticeId}`, {
      version: v + 1,
      removeApplicationIds: [c.id],
      title: `关于${year}年第二批评价机构备案名单的公示`,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({
      title: `关于${year}年第二批评价机构备案名单的公示`,
      applicationCount: 2,
    });
    expect(removed.json().items).toHaveLength(3);
  });

  it('a draft is not public: 404 on the public detail and downloads, absent from the list', async () => {
    for (const url of [`/api/public/notices/${noticeId}`, `/api/public/notices/${noticeId}/pdf`]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const list = await ctx.app.inject({ method: 'GET', url: '/api/public/notices?scope=current' });
    expect(list.json().items.map((n: { id: string }) => n.id)).not.toContain(noticeId);
    // Staff can preview the draft's PDF.
    const pdf = await center.get(`/api/notices/${noticeId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(extractPdf(pdf.rawPayload).text).toContain('草稿');
  });

  describe('publishing (province bureau)', () => {
    it('previews the end date with the explanation before publishing', async () => {
      const res = await bureau.get(`/api/notices/${noticeId}/preview?startDate=${window.start}`);
      expect(res.statusCode).toBe(200);
      expect(window.skipped.length).toBeGreaterThan(0); // Thursday + 5 working days crosses a weekend
      expect(res.json()).toMatchObject({
        startDate: window.start,
        endDate: window.end,
        workingDays: 5,
        skipped: window.skipped,
        opensAt: startOfShanghaiDay(window.start).toISOString(),
        closesAt: endOfShanghaiDay(window.end).toISOString(),
      });
      expect(res.json().explanation).toContain(`至${formatChineseDate(window.end)}23时59分59秒止`);
      const past = await bureau.get(`/api/notices/${noticeId}/preview?startDate=${addDays(today, -1)}`);
      expect(past.statusCode).toBe(400);
      expect(past.json().code).toBe('NOTICE_START_IN_PAST');
    });

    it('counts across 国庆 with 调休 from the calendar in the database (2026, a published year)', async () => {
      await setClock('2026-09-20T02:00:00Z');
      try {
        const res = await bureau.get(`/api/notices/${noticeId}/preview?startDate=2026-09-28`);
        expect(res.statusCode).toBe(200);
        expect(res.json().endDate).toBe('2026-10-09');
        expect(res.json().skipped).toHaveLength(7);
        expect(res.json().skipped[0]).toEqual({ date: '2026-10-01', reason: '国庆节（法定节假日）' });
      } finally {
        await setClock(testNow());
      }
    });

    it('refuses a window in a year that can be neither read nor inferred, and nothing changes', async () => {
      // A year without data is provisional (notices-provisional.test.ts); one beyond the years whose
      // lunar holidays are computed cannot even be inferred.
      const v = (await get(bureau, noticeId)).json().version;
      const beyond = HOLIDAY_ANCHOR_YEARS.to + 1;
      const res = await bureau.post(`/api/notices/${noticeId}/publish`, {
        version: v,
        startDate: `${beyond}-03-01`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CALENDAR_YEAR_MISSING');
      expect(res.json().message).toContain(`${beyond}年的节假日安排尚未录入`);
      expect((await get(bureau, noticeId)).json()).toMatchObject({ status: 'draft', version: v });
      expect(await statusOf(db(), a.id)).toBe('cleared');
    });

    it('refuses a start date in the past, a stale version and the province centre (404)', async () => {
      const v = (await get(bureau, noticeId)).json().version;
      const past = await bureau.post(`/api/notices/${noticeId}/publish`, {
        version: v,
        startDate: addDays(today, -1),
      });
      expect(past.statusCode).toBe(400);
      expect(past.json().code).toBe('NOTICE_START_IN_PAST');
      const stale = await bureau.post(`/api/notices/${noticeId}/publish`, {
        version: v + 7,
        startDate: window.start,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('VERSION_CONFLICT');
      const wrongRole = await center.post(`/api/notices/${noticeId}/publish`, {
        version: v,
        startDate: window.start,
      });
      expect(wrongRole.statusCode).toBe(404);
      expect(await statusOf(db(), a.id)).toBe('cleared');
    });

    it('publishes: end date stored with the skipped days, every application 公示中 in one go', async () => {
      const v = (await get(bureau, noticeId)).json().version;
      const [first, second] = await Promise.all([
        bureau.post(`/api/notices/${noticeId}/publish`, { version: v, startDate: window.start }),
        bureau.post(`/api/notices/${noticeId}/publish`, { version: v, startDate: window.start }),
      ]);
      // Two clicks at once: exactly one publishes.
      expect([first!.statusCode, second!.statusCode].sort()).toEqual([200, 409]);
      const n = (await get(bureau, noticeId)).json();
      expect(n).toMatchObject({
        status: 'published',
        startDate: window.start,
        endDate: window.end,
        phase: 'upcoming',
        publishedByName: expect.any(String),
      });
      expect(n.window.skipped).toEqual(window.skipped);
      expect(await statusOf(db(), a.id)).toBe('in_notice');
      expect(await statusOf(db(), b.id)).toBe('in_notice');
      expect(await statusOf(db(), c.id)).toBe('cleared');
      const events = await queryRows<{ action: string; actor_role: string }>(
        db(),
        sql`select action, actor_role from application_events where application_id = ${a.id} order by id desc limit 1`,
      );
      expect(events[0]).toEqual({ action: 'publish_notice', actor_role: 'province_bureau' });
      const audit = await queryCount(
        db(),
        sql`select count(*)::int as n from audit_log where action = 'notice.published' and target_id = ${noticeId}`,
      );
      expect(audit).toBe(1);
    });

    it('once published its items are 公示中', async () => {
      const items = (await get(center, noticeId)).json().items as { statusLabel: string }[];
      expect(new Set(items.map((i) => i.statusLabel))).toEqual(new Set(['公示中']));
    });

    it('a published notice can no longer be edited or published', async () => {
      const v = (await get(center, noticeId)).json().version;
      const edit = await center.patch(`/api/notices/${noticeId}`, { version: v, title: '改标题的公示' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe('NOTICE_NOT_DRAFT');
      const again = await bureau.post(`/api/notices/${noticeId}/publish`, {
        version: v,
        startDate: addDays(window.start, 1),
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('NOTICE_NOT_DRAFT');
    });
  });

  describe('the public pages (no login)', () => {
    it('lists the notice as current with its window, and shows items, countdown and explanation', async () => {
      const list = await ctx.app.inject({ method: 'GET', url: '/api/public/notices?scope=current' });
      expect(list.statusCode).toBe(200);
      const entry = list.json().items.find((n: { id: string }) => n.id === noticeId);
      expect(entry).toMatchObject({
        status: 'published',
        startDate: window.start,
        endDate: window.end,
        endDateProvisional: false,
        phase: 'upcoming',
        organizationCount: 2,
        itemCount: 3,
      });
      await setClock(new Date(`${window.end}T23:00:00+08:00`)); // 23:00 on the last day
      try {
        const res = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${noticeId}` });
        expect(res.statusCode).toBe(200);
        const d = res.json();
        expect(d).toMatchObject({ phase: 'open', objectionsOpen: true, msRemaining: 3_600_000 });
        expect(d.items).toHaveLength(3);
        const firstSkipped = window.skipped[0]!;
        expect(d.window.explanation).toContain(
          `${formatChineseDate(firstSkipped.date)}（${firstSkipped.reason}）`,
        );
        expect(d.pdfUrl).toBe(`/api/public/notices/${noticeId}/pdf`);
      } finally {
        await setClock(testNow());
      }
    });

    it('downloads the notice as PDF and Excel with the list and the dates', async () => {
      const pdf = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${noticeId}/pdf` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // Table cells wrap: compare without line breaks.
      const text = extractPdf(pdf.rawPayload).text.replace(/\s/g, '');
      expect(text).toContain(a.organizationName);
      expect(text).toContain(b.creditCode);
      expect(text).toContain(`${formatChineseDate(window.start)}至${formatChineseDate(window.end)}`);
      expect(text).toContain(window.skipped[0]!.reason);
      expect(text).not.toContain('李明');

      const xlsx = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${noticeId}/xlsx` });
      expect(xlsx.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as never);
      const sheet = book.worksheets[0]!;
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
      const dataRows = rows.filter((r) => r[2] === a.creditCode || r[2] === b.creditCode);
      expect(dataRows).toHaveLength(3);
      expect(dataRows.map((r) => r[5]).sort()).toEqual(['焊工', '焊工', '车工']);
    });
  });

  describe('closing the notice', () => {
    it('refuses to pass before the end date has passed (409)', async () => {
      await setClock(new Date(`${window.end}T23:59:59+08:00`));
      try {
        const v = (await get(bureau, noticeId)).json().version;
        const res = await bureau.post(`/api/notices/${noticeId}/pass`, { version: v });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('NOTICE_WINDOW_NOT_ENDED');
        expect((await runNoticeClose({ db: db(), clock: ctx.clock })).passed).toEqual([]);
      } finally {
        await setClock(testNow());
      }
    });

    it('the scheduled job passes it after 23:59:59 of the end date, once', async () => {
      await setClock(new Date(`${addDays(window.end, 1)}T00:00:01+08:00`));
      try {
        const number = (await get(bureau, noticeId)).json().number;
        const run = await runNoticeClose({ db: db(), clock: ctx.clock });
        expect(run.ran).toBe(true);
        expect(run.passed).toContain(number);
        const n = (await get(bureau, noticeId)).json();
        expect(n).toMatchObject({
          status: 'passed',
          statusLabel: '公示期满',
          passedByName: '系统（公示期满自动办结）',
        });
        expect(await statusOf(db(), a.id)).toBe('notice_passed');
        expect(await statusOf(db(), b.id)).toBe('notice_passed');
        const events = await queryRows<{ action: string; actor_role: string; actor_name: string }>(
          db(),
          sql`select action, actor_role, actor_name from application_events where application_id = ${b.id} order by id desc limit 1`,
        );
        expect(events[0]).toEqual({
          action: 'notice_pass',
          actor_role: 'province_bureau',
          actor_name: '系统（公示期满自动办结）',
        });
        expect((await runNoticeClose({ db: db(), clock: ctx.clock })).passed).toEqual([]);
        const archive = await ctx.app.inject({ method: 'GET', url: '/api/public/notices?scope=archive' });
        expect(archive.json().items.map((x: { id: string }) => x.id)).toContain(noticeId);
        const manual = await bureau.post(`/api/notices/${noticeId}/pass`, { version: n.version });
        expect(manual.statusCode).toBe(409);
        expect(manual.json().code).toBe('NOTICE_ALREADY_PASSED');
      } finally {
        await setClock(testNow());
      }
    });
  });
});

describe('passing by hand', () => {
  it('the province centre or bureau passes a notice after its end date', async () => {
    const n = await prepareNotice(center, [c.id], {
      title: '关于湘潭市评价机构备案名单的公示',
      workingDays: 6,
    });
    // A notice may start today; it lasts 6 working days from there.
    const published = await bureau.post(`/api/notices/${n.id}/publish`, {
      version: n.version,
      startDate: today,
    });
    expect(published.statusCode).toBe(200);
    const end = (await calendarOf(db())).addWorkingDays(today, 6).end;
    expect(published.json().endDate).toBe(end);
    await setClock(new Date(`${addDays(end, 1)}T09:00:00+08:00`));
    try {
      const res = await center.post(`/api/notices/${n.id}/pass`, { version: published.json().version });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'passed', passedByName: expect.any(String) });
      expect(await statusOf(db(), c.id)).toBe('notice_passed');
    } finally {
      await setClock(testNow());
    }
  });
});

describe('access', () => {
  it('city users calling province notice and objection actions get 404', async () => {
    const any = '00000000-0000-4000-8000-000000000000';
    const calls: [Session, string, string, unknown?][] = [
      [cityCenter, 'GET', '/api/notices'],
      [cityCenter, 'POST', '/api/notices', { title: '市州拟定的公示', applicationIds: [a.id] }],
      [cityBureau, 'GET', `/api/notices/${any}`],
      [cityBureau, 'POST', `/api/notices/${any}/publish`, { version: 1, startDate: today }],
      [cityBureau, 'POST', `/api/notices/${any}/pass`, { version: 1 }],
      [cityCenter, 'GET', '/api/objections'],
      [
        cityCenter,
        'POST',
        `/api/objections/${any}/answer`,
        { version: 1, outcome: 'upheld', reply: '核查属实，异议成立' },
      ],
    ];
    for (const [s, method, url, payload] of calls) {
      const res = await s.request({ method: method as 'GET', url, payload: payload as never });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('the public read API is in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/public/notices',
      '/api/public/notices/{id}',
      '/api/public/notices/{id}/pdf',
      '/api/public/human-check',
      '/api/public/notices/{id}/objections',
      '/api/public/objections/{receiptNumber}',
    ])
      expect(doc.paths[path], path).toBeDefined();
  });

  it('the province bureau reads but does not prepare', async () => {
    expect((await bureau.get('/api/notices')).statusCode).toBe(200);
    const res = await bureau.post('/api/notices', { title: '省厅拟定的公示', applicationIds: [a.id] });
    expect(res.statusCode).toBe(404);
  });
});

/** Any application that is still 已提交 (the demo school's). */
async function submittedId(): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db(),
    sql`select id from applications where status = 'submitted' order by created_at limit 1`,
  );
  return row!.id;
}
