/**
 * 公示 before a year's holiday arrangement is published (R10, 通知第五条第四款): the notice publishes with a
 * provisional (暂定) end date and its reason, shown on the staff and public pages and in the PDF; entering
 * the arrangement (the holiday-year admin edit) revises it in the same transaction — never shortened,
 * lengthened (公示期顺延, audited, shown with the reason) when the arrangement needs more days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, compareDates, weekday } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import { clearedApplication, prepareNotice } from './support/notice-fixtures';
import { calendarOf, firstMissingYear } from './support/test-calendar';

let ctx: TestContext;
let center: Session;
let bureau: Session;
let admin: Session;
/** The first year without an arrangement, and the next one. */
let missing: number;

beforeAll(async () => {
  ctx = await createTestContext();
  center = await loginAs(ctx.app, 'sjzx');
  bureau = await loginAs(ctx.app, 'srst');
  admin = await loginAs(ctx.app, 'admin');
  missing = firstMissingYear(await calendarOf(db()));
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;
const reasonFor = (year: number) => `${year}年节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定`;
const publicDetail = async (id: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${id}` })).json();
const auditCount = (action: string, id: string) =>
  queryCount(
    db(),
    sql`select count(*)::int as n from audit_log where action = ${action} and target_id = ${id}`,
  );

/** Prepares a notice of a fresh 已通过 application and publishes it on `startDate`. */
async function publishOn(startDate: string, name: string) {
  const app = await clearedApplication(ctx, '430100', name);
  const notice = await prepareNotice(center, [app.id]);
  const res = await bureau.post(`/api/notices/${notice.id}/publish`, { version: notice.version, startDate });
  return { res, id: notice.id, app };
}

/** Enters `year`'s arrangement (as the State Council would publish it) through the admin API. */
async function enterYear(year: number, offDays: string[]) {
  const res = await admin.put(`/api/dict/holidays/${year}`, {
    source: `国办发明电〔${year - 1}〕X号`,
    days: offDays.map((date) => ({ date, name: '元旦', isOffDay: true })),
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('a notice reaching a year without an arrangement, shortened arrangement', () => {
  let id: string;
  let start: string;
  let provisionalEnd: string;

  it('publishes from 12-28 of the last year with data: 暂定 end date and its reason', async () => {
    start = `${missing - 1}-12-28`;
    provisionalEnd = (await calendarOf(db())).addWorkingDays(start, 5).end;
    expect(provisionalEnd.startsWith(String(missing))).toBe(true);
    const published = await publishOn(start, '长沙暂定公示职业学校');
    expect(published.res.statusCode, published.res.body).toBe(200);
    id = published.id;

    const staff = (await bureau.get(`/api/notices/${id}`)).json();
    expect(staff).toMatchObject({ status: 'published', endDate: provisionalEnd, endDateProvisional: true });
    expect(staff.window).toMatchObject({
      endDate: provisionalEnd,
      provisional: true,
      provisionalReason: reasonFor(missing),
      revisions: [],
    });
    const pub = await publicDetail(id);
    expect(pub).toMatchObject({ endDate: provisionalEnd, endDateProvisional: true });
    expect(pub.window.provisionalReason).toBe(reasonFor(missing));
    expect(pub.window.explanation).toContain(`截止日期为暂定：${reasonFor(missing)}`);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/public/notices?scope=current' });
    expect(list.json().items.find((n: { id: string }) => n.id === id).endDateProvisional).toBe(true);

    const pdf = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${id}/pdf` });
    const text = extractPdf(pdf.rawPayload).text.replace(/\s+/g, '');
    expect(text).toContain('截止日期暂定');
    expect(text).toContain(reasonFor(missing));
  });

  it('entering that year with fewer days off keeps the published end date and clears 暂定', async () => {
    await enterYear(missing, [`${missing}-01-01`]);
    const computed = (await calendarOf(db())).addWorkingDays(start, 5).end;
    expect(compareDates(computed, provisionalEnd)).toBeLessThan(0); // the real window would be shorter…

    const pub = await publicDetail(id);
    expect(pub).toMatchObject({ endDate: provisionalEnd, endDateProvisional: false }); // …but never shrinks
    expect(pub.window).toMatchObject({ provisional: false, provisionalReason: null });
    expect(pub.window.revisions).toEqual([
      expect.objectContaining({
        kind: 'kept',
        previousEndDate: provisionalEnd,
        endDate: provisionalEnd,
        computedEndDate: computed,
      }),
    ]);
    expect(pub.window.revisions[0].reason).toContain('已公布的公示期不缩短');
    expect(pub.window.explanation).not.toContain('截止日期为暂定');
    expect(pub.window.explanation).toContain('发布时暂定的截止日期不缩短');
    expect(await auditCount('notice.window_kept', id)).toBe(1);
  });
});

describe('a notice reaching the next year without an arrangement, lengthened arrangement', () => {
  let id: string;
  let orgId: string;
  let start: string;
  let provisionalEnd: string;

  it('publishes provisionally into the next missing year', async () => {
    const next = missing + 1;
    start = `${next - 1}-12-28`;
    provisionalEnd = (await calendarOf(db())).addWorkingDays(start, 5).end;
    const published = await publishOn(start, '长沙顺延公示职业学校');
    expect(published.res.statusCode, published.res.body).toBe(200);
    id = published.id;
    const rows = await queryRows<{ organization_id: string }>(
      db(),
      sql`select organization_id from applications where id = ${published.app.id}`,
    );
    orgId = rows[0]!.organization_id;
    expect((await publicDetail(id)).window.provisionalReason).toBe(reasonFor(next));
  });

  it('entering it with more days off lengthens the window: 公示期顺延 with the reason, audited', async () => {
    const next = missing + 1;
    // A (hypothetical) arrangement beyond the usual bounds: every weekday of 1–15 January off.
    const offDays: string[] = [];
    for (let d = `${next}-01-01`; d <= `${next}-01-15`; d = addDays(d, 1)) {
      if (weekday(d) !== 0 && weekday(d) !== 6) offDays.push(d);
    }
    await enterYear(next, offDays);
    const lengthened = (await calendarOf(db())).addWorkingDays(start, 5).end;
    expect(compareDates(lengthened, provisionalEnd)).toBeGreaterThan(0);

    const pub = await publicDetail(id);
    expect(pub).toMatchObject({ endDate: lengthened, endDateProvisional: false });
    expect(pub.window.revisions).toHaveLength(1);
    expect(pub.window.revisions[0]).toMatchObject({
      kind: 'extended',
      kindLabel: '公示期顺延',
      previousEndDate: provisionalEnd,
      endDate: lengthened,
    });
    expect(pub.window.revisions[0].reason).toContain(`${next}年节假日安排已公布`);
    expect(pub.window.explanation).toContain('公示期顺延：');
    expect(pub.window.skipped.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(offDays.filter((d) => d <= lengthened)),
    );
    expect(await auditCount('notice.window_extended', id)).toBe(1);
    const told = await queryCount(
      db(),
      sql`select count(*)::int as n from messages m join users u on u.id = m.user_id
          where u.organization_id = ${orgId} and m.title like ${'【公示期顺延】%'}`,
    );
    expect(told).toBeGreaterThan(0);

    const pdf = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${id}/pdf` });
    expect(extractPdf(pdf.rawPayload).text.replace(/\s+/g, '')).toContain('公示期顺延');
  });

  it('a later edit of the same year leaves the revised notice alone (it is no longer 暂定)', async () => {
    const before = (await bureau.get(`/api/notices/${id}`)).json();
    await enterYear(missing + 1, [`${missing + 1}-01-01`]);
    const after = (await bureau.get(`/api/notices/${id}`)).json();
    expect(after).toMatchObject({ endDate: before.endDate, version: before.version });
    expect(after.window.revisions).toHaveLength(1);
  });
});
