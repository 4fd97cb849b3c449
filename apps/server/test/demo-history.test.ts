/**
 * The demo's completed earlier cycle: a passed notice, 第1批 with 序列码 and registry entries with their
 * history, all dated before the clock's today — so a new user sees the end of the process at once — and
 * the current cycle's applications at each stage next to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInShanghai } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { queryRows } from './support/sql';
import { testNow } from './support/test-db';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const today = () => todayInShanghai(testNow());

describe('the demo has one complete earlier cycle', () => {
  it('publishes 第1批, dated in the past, with both schools and their 序列码', async () => {
    const lists = (await get('/api/public/filing-lists')).json();
    expect(lists.items).toHaveLength(1);
    const [list] = lists.items;
    expect(list.sequence).toBe(1);
    expect(list.effectiveDate < today()).toBe(true);
    const detail = (await get(`/api/public/filing-lists/${list.sequence}`)).json();
    const codes = Object.fromEntries(
      (detail.rows as { organizationName: string; sequenceCode: string }[]).map((r) => [
        r.organizationName,
        r.sequenceCode,
      ]),
    );
    // The 株洲 school keeps the provincial code it had before this system; the next body gets the code above.
    expect(codes).toEqual({ 株洲示例轨道交通技师学院: '000012', 长沙示例工业职业技术学院: '000013' });
  });

  it('shows the passed notice in the archive and the registry history of a filed body', async () => {
    const [notice] = await queryRows<{ status: string; end_date: string }>(
      ctx.database.db,
      sql`select status, end_date::text from public_notices`,
    );
    expect(notice).toMatchObject({ status: 'passed' });
    expect(notice!.end_date < today()).toBe(true);
    const search = (await get(`/api/public/registry?q=${encodeURIComponent('轨道交通技师')}`)).json();
    const body = (await get(`/api/public/registry/${search.items[0].creditCode}`)).json();
    expect(body.sequenceCode).toBe('000012');
    const sources = (body.items as { sourceLabel: string }[]).map((i) => i.sourceLabel);
    expect(sources).toHaveLength(2);
    expect(sources).toEqual(
      expect.arrayContaining(['第1批', expect.stringMatching(/^自主评价备案（省鉴定中心录入，/)]),
    );
    expect(body.events.length).toBeGreaterThanOrEqual(2);
    expect(body.events.every((e: { at: string }) => new Date(e.at) < testNow())).toBe(true);
  });

  it('leaves the current cycle at each stage as of today', async () => {
    const states = await queryRows<{ status: string; n: number }>(
      ctx.database.db,
      sql`select a.status, count(*)::int as n from applications a
          join collection_rounds r on r.id = a.round_id where r.status = 'open' group by a.status`,
    );
    expect(Object.fromEntries(states.map((s) => [s.status, s.n]))).toEqual({
      draft: 2,
      submitted: 2,
      province_review: 2,
    });
  });
});
