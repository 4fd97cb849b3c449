/**
 * Rules of the notice as an applicant meets them through the API: R7 (通知第三条第二款) counts only the
 * other bodies filed for social evaluation and shows the round's targeted list; R8 (通知第四条) lets an
 * enterprise or school apply for social evaluation with or without its self-evaluation (同步申报).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import {
  detail,
  newDraft,
  openRound,
  saveFacts,
  saveItems,
  submit,
  uploadAllRequired,
  welderSchoolItem,
} from './support/filing-fixtures';

const code = (body17: string) => body17 + computeCreditCodeCheckChar(body17);
/** The demo school (株洲) and two other 株洲 bodies. */
const SCHOOL = code('12430200MB1234567');
const ZZ_OTHER = code('52430200MJ0000101');
const ZZ_THIRD = code('91430200MA4Q00102');
const WELDER = '6-18-02-04';

let ctx: TestContext;
let school: Session;
let chainId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  school = await loginAs(ctx.app, 'xx_admin');
  chainId = (await school.get('/api/dict/chains')).json()[0].id;
});
afterAll(async () => ctx.close());

async function filed(creditCode: string, mode: string, name = '株洲示例评价机构', occupation = WELDER) {
  await ctx.database.db.execute(sql`
    insert into filings (organization_name, credit_code, city_code, occupation_code, job_name, mode, levels,
                         effective_date, self_evaluation_carried_out, source)
    values (${name}, ${creditCode}, '430200', ${occupation}, '', ${mode}, array['level5'],
            ${ctx.clock.day(-90)}, true, 'import')
    on conflict do nothing`);
}

async function precheck(id: string) {
  return (await school.post(`/api/applications/${id}/precheck`)).json().findings as {
    code: string;
    message: string;
    severity: string;
  }[];
}

describe('R7 本地紧缺 (通知第三条第二款)', () => {
  it("counts other bodies filed for social evaluation in the city, and shows the round's targeted list", async () => {
    const round = await openRound(ctx.app, {
      title: '紧缺目录批次',
      targetedOccupations: { '430200': [WELDER], '430100': ['6-18-01-01'] },
    });
    const id = await newDraft(school, round.id);
    await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
    await saveItems(school, id, [
      welderSchoolItem(chainId),
      { ...welderSchoolItem(chainId), mode: 'social' },
    ]);
    // The school's own filings and another body's self-evaluation serve no one else's market.
    await filed(SCHOOL, 'social', '株洲示例职业技术学院');
    await filed(SCHOOL, 'school_self', '株洲示例职业技术学院');
    await filed(ZZ_THIRD, 'enterprise_self', '株洲示例企业');
    await filed(ZZ_OTHER, 'social');

    const d = await detail(school, id);
    expect(d.targetedOccupations).toEqual([{ code: WELDER, name: '焊工' }]);
    for (const item of d.scopeItems) {
      expect(item).toMatchObject({ filedInCity: 1, filedInProvince: 1, shortage: { verdict: 'ok' } });
      expect(item.shortage.message).toBe(
        '本市州已备案该职业（工种）社会评价机构1家（不含本单位），全省1家，少于2家，属数量较少；本批次已将其列入本市州紧缺职业（工种）目录',
      );
    }
    expect((await precheck(id)).map((f) => f.code)).not.toContain('NOT_SHORTAGE_IN_CITY');

    // A second other body filed for social evaluation reaches the round's "few" threshold (2).
    await filed(ZZ_THIRD, 'social', '株洲示例企业');
    const findings = (await precheck(id)).filter((f) => f.code === 'NOT_SHORTAGE_IN_CITY');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]!.message).toContain('社会评价机构2家（不含本单位），全省2家');
    expect(findings[0]!.message).toContain('本批次已将其列入本市州紧缺职业（工种）目录');
  });
});

describe('R8 评价方式 (通知第四条: 可同步申报)', () => {
  it('accepts social evaluation of an occupation whose self-evaluation the school has not filed', async () => {
    const round = await openRound(ctx.app, { title: '同步申报批次' });
    // The school's self-evaluation filing is of 车工, not of 焊工.
    await filed(SCHOOL, 'school_self', '株洲示例职业技术学院', '6-18-01-01');
    const id = await newDraft(school, round.id);
    await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
    await saveItems(school, id, [{ ...welderSchoolItem(chainId), mode: 'social' }]);
    await uploadAllRequired(school, id);
    const findings = await precheck(id);
    expect(findings.filter((f) => f.code.startsWith('SOCIAL') || f.code.startsWith('SELF'))).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const res = await submit(
      school,
      id,
      findings.filter((f) => f.severity === 'warning').map((f) => f.code),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await detail(school, id)).statusLabel).toBe('已提交');
  });

  it('has no policy switch for it: a round asking for one is refused, an old stored one is not shown', async () => {
    const province = await loginAs(ctx.app, 'sjzx');
    const round = (await province.get('/api/rounds?status=open')).json().items[0];
    const refused = await province.post('/api/rounds', {
      title: '带社会评价开关的批次',
      noticeText: '测试通知正文内容足够长。',
      windowStart: ctx.clock.day(1),
      windowEnd: ctx.clock.day(30),
      policy: { ...round.policy, socialPolicy: 'strict' },
    });
    expect(refused.statusCode).toBe(400);
    await ctx.database.db.execute(
      sql`update collection_rounds set policy = policy || '{"socialPolicy":"strict"}'::jsonb where id = ${round.id}`,
    );
    const shown = await province.get(`/api/rounds/${round.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().policy).not.toHaveProperty('socialPolicy');
    expect(shown.json().policy.fewThreshold).toBe(round.policy.fewThreshold);
  });
});

describe('R2 申报单位范围 (通知第一条第二款: 经省人社厅备案已面向内部职工开展自主评价)', () => {
  const ENTERPRISE = code('91430100MA4L00001'); // the demo 规上 enterprise of 长沙, no filing of its own

  it('refuses an enterprise without a self-evaluation filing, then one not carried out, and admits it once carried out', async () => {
    const enterprise = await loginAs(ctx.app, 'qy_admin');
    const round = await openRound(ctx.app, { title: '企业申报批次' });
    const id = await newDraft(enterprise, round.id);
    await saveFacts(enterprise, id, { isAboveScale: true, businessScope: '工程机械整机制造' });
    await saveItems(enterprise, id, [{ ...welderSchoolItem(chainId), mode: 'enterprise_self' }]);
    await uploadAllRequired(enterprise, id);
    const r2 = async () =>
      (
        (await enterprise.post(`/api/applications/${id}/precheck`)).json().findings as {
          rule: string;
          code: string;
          severity: string;
          fix: string;
        }[]
      ).filter((f) => f.rule === 'R2');

    const missing = await r2();
    expect(missing.map((f) => [f.code, f.severity])).toEqual([
      ['ENTERPRISE_SELF_EVALUATION_FILING_MISSING', 'error'],
    ]);
    // An ordinary manufacturer is not pointed to 第一条第三款.
    expect(missing[0]!.fix).not.toContain('第一条第三款');
    const refused = await submit(enterprise, id, []);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('PRECHECK_FAILED');

    const insert = (carriedOut: boolean) =>
      ctx.database.db.execute(sql`
      insert into filings (organization_name, credit_code, city_code, occupation_code, job_name, mode, levels,
                           effective_date, self_evaluation_carried_out, source)
      values ('湖南示例工程机械股份有限公司', ${ENTERPRISE}, '430100', '6-18-01-01', '', 'enterprise_self',
              array['level5'], ${ctx.clock.day(-400)}, ${carriedOut}, 'import')
      on conflict (credit_code, occupation_code, job_name, mode)
      do update set self_evaluation_carried_out = excluded.self_evaluation_carried_out`);
    await insert(false);
    expect((await r2()).map((f) => [f.code, f.severity])).toEqual([
      ['ENTERPRISE_SELF_EVALUATION_NOT_CARRIED_OUT', 'error'],
    ]);
    await insert(true);
    expect(await r2()).toEqual([]);
    expect((await detail(enterprise, id)).status).toBe('draft');
  });
});
