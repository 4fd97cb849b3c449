import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { calendarOf, firstMissingYear } from './support/test-calendar';
import { HOLIDAY_ANCHOR_YEARS } from '../src/reference/holiday-anchors';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const code = (first17: string) => first17 + computeCreditCodeCheckChar(first17);

describe('working days (R10, public)', () => {
  it('counts 5 working days from 2026-09-30 across 国庆: ends 2026-10-12, the 调休 Saturday counts', async () => {
    const res = await get('/api/public/working-days?start=2026-09-30&days=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ start: '2026-09-30', days: 5, end: '2026-10-12' });
    // 1 Oct – 7 Oct off, Sat 10 Oct is 调休上班 (worked), Sun 11 Oct off.
    expect(body.skipped.map((d: { date: string }) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-11',
    ]);
    expect(body.skipped[0].reason).toBe('国庆节（法定节假日）');
    expect(body.skipped[7].reason).toBe('周日');
    expect(body.explanation).toContain('截止2026年10月12日23:59:59');
    expect(body.explanation).toContain('2026年10月10日国庆节调休上班');
    expect(res.headers['x-ratelimit-limit']).toBe('120');
  });

  it('refuses a date that does not exist and a day count out of range', async () => {
    const bad = await get('/api/public/working-days?start=2026-02-30&days=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('DATE_INVALID');
    expect(bad.json().message).toContain('2026-02-30');
    expect((await get('/api/public/working-days?start=2026-03-02&days=0')).statusCode).toBe(400);
    expect((await get('/api/public/working-days?start=2026/03/02&days=3')).statusCode).toBe(400);
  });

  it('counts into a year without data provisionally (暂定) until an admin enters it, then exactly', async () => {
    // The first year after the data ends; 5 working days from 12-28 of the year before reach into it.
    const y = firstMissingYear(await calendarOf(ctx.database.db));
    const url = `/api/public/working-days?start=${y - 1}-12-28&days=5`;
    const reason = `${y}年节假日安排尚未公布，按法定节日及可能的调休从宽计算，结果为暂定`;
    const provisional = await get(url);
    expect(provisional.statusCode).toBe(200);
    expect(provisional.json()).toMatchObject({
      end: (await calendarOf(ctx.database.db)).addWorkingDays(`${y - 1}-12-28`, 5).end,
      provisional: true,
      provisionalReason: reason,
    });
    expect(provisional.json().explanation).toContain(`截止日期为暂定：${reason}`);
    // 元旦 is statutory, so it never counts, even before the arrangement is out.
    expect(provisional.json().skipped).toContainEqual({ date: `${y}-01-01`, reason: '元旦（法定节假日）' });

    const admin = await loginAs(ctx.app, 'admin');
    const wrongYear = await admin.put(`/api/dict/holidays/${y}`, {
      source: `国办发明电〔${y - 1}〕X号`,
      days: [{ date: `${y - 1}-12-31`, name: '元旦', isOffDay: true }],
    });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().code).toBe('HOLIDAY_DATE_WRONG_YEAR');
    const noSuchDay = await admin.put(`/api/dict/holidays/${y}`, {
      source: `国办发明电〔${y - 1}〕X号`,
      days: [{ date: `${y}-02-30`, name: '春节', isOffDay: true }],
    });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().code).toBe('DATE_INVALID');
    expect((await get(url)).json().provisional).toBe(true);

    const put = await admin.put(`/api/dict/holidays/${y}`, {
      source: `国办发明电〔${y - 1}〕X号`,
      days: [
        { date: `${y}-01-01`, name: '元旦', isOffDay: true },
        { date: `${y}-02-06`, name: '春节', isOffDay: true },
      ],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ year: y, published: true, source: `国办发明电〔${y - 1}〕X号` });

    const counted = await get(url);
    expect(counted.statusCode).toBe(200);
    // 1 January is 元旦 now: it is skipped, and the count goes on into the new year.
    const expected = (await calendarOf(ctx.database.db)).addWorkingDays(`${y - 1}-12-28`, 5);
    expect(expected.end.startsWith(String(y))).toBe(true);
    expect(counted.json()).toMatchObject({ end: expected.end, provisional: false, provisionalReason: null });
    expect(counted.json().skipped).toContainEqual({ date: `${y}-01-01`, reason: '元旦（法定节假日）' });

    const years = await admin.get('/api/dict/holiday-years');
    expect(years.json().map((y: { year: number }) => y.year)).toContain(y);
    const history = await admin.get(`/api/dict/history?targetType=holiday_year&targetId=${y}`);
    expect(history.json().items).toHaveLength(1);
    expect(history.json().items[0]).toMatchObject({
      action: 'dictionary.holidays_updated',
      before: { published: false, days: [] },
      after: { published: true },
    });
  });

  it('refuses a year that can be neither read nor inferred (beyond the computed lunar dates)', async () => {
    const beyond = HOLIDAY_ANCHOR_YEARS.to + 1;
    const res = await get(`/api/public/working-days?start=${beyond}-03-01&days=5`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CALENDAR_YEAR_MISSING');
    expect(res.json().message).toContain(`${beyond}年的节假日安排尚未录入`);
  });
});

describe('credit-code check (R1, public)', () => {
  it('accepts a valid Hunan code and names its registering division', async () => {
    const value = code('91430102MA4L12345');
    const res = await get(`/api/public/validate/credit-code?value=${value}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: true,
      inHunan: true,
      divisionCode: '430102',
      divisionName: '长沙市芙蓉区',
      kindHint: '企业',
      errors: [],
    });
  });

  it('reports a wrong check character with the expected one', async () => {
    const good = code('91430102MA4L12345');
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await get(`/api/public/validate/credit-code?value=${wrong}`);
    expect(res.json().valid).toBe(false);
    expect(res.json().errors[0].code).toBe('CREDIT_CODE_CHECK');
    expect(res.json().errors[0].message).toContain(`第18位应为"${good.charAt(17)}"`);
  });

  it('says a Beijing-registered code is well formed but not registered in Hunan', async () => {
    const res = await get(`/api/public/validate/credit-code?value=${code('91110108MA01ABCDE')}`);
    expect(res.json()).toMatchObject({ valid: true, inHunan: false, divisionCode: '110108' });
    expect(res.json().errors).toEqual([
      {
        code: 'CREDIT_CODE_NOT_HUNAN',
        message: '统一社会信用代码的登记管理机关不在湖南省（第3-4位应为43）',
      },
    ]);
  });
});

describe('divisions (public)', () => {
  it('lists the 14 cities in official order with their 122 counties', async () => {
    const res = await get('/api/public/divisions');
    const cities = res.json() as { code: string; name: string; counties: { name: string }[] }[];
    expect(cities).toHaveLength(14);
    expect(cities[0]).toMatchObject({ code: '430100', name: '长沙市' });
    expect(cities[13]!.name).toBe('湘西土家族苗族自治州');
    expect(cities.reduce((n, c) => n + c.counties.length, 0)).toBe(122);
    expect(cities[0]!.counties[0]!.name).toBe('芙蓉区');
  });
});
