import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { queryCount, queryRows } from './support/sql';
import { seedReferenceData } from '../src/reference/seed-reference';
import { TEST_HOLIDAY_SOURCE } from './support/test-holidays';

// Production start: reference data only, no demo accounts or 示例 chains.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { demo: false });
});
afterAll(async () => ctx.close());

const count = (query: ReturnType<typeof sql>) => queryCount(ctx.database.db, query);

describe('reference data seeded on start', () => {
  it('loads every dictionary from reference-data/, and no industrial chain (none is official yet)', async () => {
    expect(await count(sql`select count(*)::int as n from occupations`)).toBe(8 + 79 + 450 + 1639 + 36);
    expect(await count(sql`select count(*)::int as n from skill_standards`)).toBe(700);
    expect(await count(sql`select count(*)::int as n from divisions where level = 'city'`)).toBe(14);
    expect(await count(sql`select count(*)::int as n from divisions where level = 'county'`)).toBe(122);
    expect(await count(sql`select count(*)::int as n from industrial_chains`)).toBe(0);
    const perYear = await queryRows<{ year: number; n: number; source: string }>(
      ctx.database.db,
      // Years the test setup supplies for dates beyond the data (test-holidays.ts) are not the seed's.
      sql`select h.year, count(*)::int as n, y.source from holidays h join holiday_years y on y.year = h.year
          where y.source <> ${TEST_HOLIDAY_SOURCE}
          group by h.year, y.source order by h.year`,
    );
    expect(perYear.map((r) => [r.year, Number(r.n)])).toEqual([
      [2020, 37],
      [2021, 38],
      [2022, 39],
      [2023, 33],
      [2024, 36],
      [2025, 33],
      [2026, 39],
    ]);
    expect(perYear[0]!.source).toBe('reference-data/cn-holidays.json (NateScarlet/holiday-cn)');
  });

  it('seeds again without overwriting admin edits or bringing back removed holidays, and quickly', async () => {
    const db = ctx.database.db;
    await db.execute(
      sql`update occupations set restricted_by_qualification = true, restriction_review = 'confirmed', version = 2 where code = '4-07-05-02'`,
    );
    await db.execute(
      sql`update skill_standards set levels = '{五级/初级工}', levels_status = 'recorded' where name = '车工'`,
    );
    await db.execute(sql`delete from holidays where date = '2026-10-10'`);

    const report = await seedReferenceData(db);
    expect(report).toMatchObject({ occupations: 0, standards: 0, holidayDays: 0, holidayYears: [] });

    const [inspector] = await queryRows<{ restricted_by_qualification: boolean; version: number }>(
      db,
      sql`select restricted_by_qualification, version from occupations where code = '4-07-05-02'`,
    );
    expect(inspector).toMatchObject({ restricted_by_qualification: true, version: 2 });
    expect(
      await count(
        sql`select count(*)::int as n from skill_standards where name = '车工' and levels_status = 'recorded'`,
      ),
    ).toBe(1);
    expect(await count(sql`select count(*)::int as n from holidays where date = '2026-10-10'`)).toBe(0);
  });
});
