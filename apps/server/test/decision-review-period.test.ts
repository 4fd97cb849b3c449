/**
 * 决定书复核申请期限 ([policy], docs/domain.md §11): the province centre sets the period and its basis; the
 * next decision letter prints them. Bad input or a stale version changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { extractPdf } from './support/pdf-text';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount } from './support/sql';
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

let ctx: TestContext;
let school: Session;
let center: Session;
let province: Session;
let roundId: string;
let chainId: number;
let returnedId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  roundId = (await openRound(ctx.app)).id;
  school = await loginAs(ctx.app, 'xx_admin');
  center = await loginAs(ctx.app, 'zz_zx'); // 株洲 city center: the school is in 株洲
  province = await loginAs(ctx.app, 'sjzx');
  chainId = (await school.get('/api/dict/chains')).json()[0].id;
});
afterAll(async () => ctx.close());

/** A submitted school application returned for correction by its city centre: it has a 退回补正通知书. */
async function returnedApplication(): Promise<string> {
  const id = await newDraft(school, roundId);
  await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
  await saveItems(school, id, [welderSchoolItem(chainId)]);
  await uploadAllRequired(school, id);
  const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
  const submitted = await submit(school, id, pre.warningCodes);
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
  const d = await detail(center, id);
  const verdicts = d.materialSlots.map((s: { key: string }) =>
    s.key === 'expert_team'
      ? { slotKey: s.key, verdict: 'problem', comment: '专家名单缺少职称证明' }
      : { slotKey: s.key, verdict: 'accepted' },
  );
  const res = await center.post(`/api/applications/${id}/verify`, {
    outcome: 'return',
    slotVerdicts: verdicts,
    version: d.version,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return id;
}

async function letterText(id: string): Promise<string> {
  const letter = await school.get(`/api/applications/${id}/decision-letter.pdf`);
  expect(letter.statusCode).toBe(200);
  return extractPdf(letter.rawPayload).text.replace(/\s/g, '');
}

const audits = () =>
  queryCount(
    ctx.database.db,
    sql`select count(*)::int as n from audit_log where action = 'policy.decision_review_period_updated'`,
  );

describe('决定书复核申请期限', () => {
  it('defaults to 10 working days; the letter prints the period and says the notice sets none', async () => {
    const current = (await province.get('/api/policies/decision-review-period')).json();
    expect(current).toMatchObject({ workingDays: 10, version: 0 });
    returnedId = await returnedApplication();
    const text = await letterText(returnedId);
    expect(text).toContain('10个工作日内');
    expect(text).toContain('征集通知未规定该期限');
  });

  it('refuses bad input with a code and changes nothing', async () => {
    for (const [body, code] of [
      [{ workingDays: 0, basis: '依据', version: 0 }, 'DECISION_REVIEW_PERIOD_INVALID'],
      [{ workingDays: 15, basis: '   ', version: 0 }, 'DECISION_REVIEW_PERIOD_INVALID'],
      [{ workingDays: '15', basis: '依据', version: 0 }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await province.put('/api/policies/decision-review-period', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect((await province.get('/api/policies/decision-review-period')).json()).toMatchObject({
      workingDays: 10,
      version: 0,
    });
    expect(await audits()).toBe(0);
  });

  it('only the province centre edits it', async () => {
    const res = await center.put('/api/policies/decision-review-period', {
      workingDays: 15,
      basis: '市中心自定',
      version: 0,
    });
    expect([403, 404]).toContain(res.statusCode);
    expect((await province.get('/api/policies/decision-review-period')).json().workingDays).toBe(10);
  });

  it('a change is audited and the next letter prints the new period and basis; a stale version is refused', async () => {
    const basis = '省人社厅2023年第5号会议纪要';
    const res = await province.put('/api/policies/decision-review-period', {
      workingDays: 15,
      basis,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ workingDays: 15, basis, version: 1 });
    expect(await audits()).toBe(1);

    const stale = await province.put('/api/policies/decision-review-period', {
      workingDays: 20,
      basis,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(await audits()).toBe(1);

    // Letters are rendered when asked for: the next one printed carries the new period.
    const text = await letterText(returnedId);
    expect(text).toContain('15个工作日内');
    expect(text).toContain(basis);
    expect(text).not.toContain('10个工作日内');
  });
});
