/**
 * 省级评估 (通知第五条第三款): the province centre's outcome per forwarded application with
 * per-item verdicts — pass (→ 待抽查, refused items rejected; all refused = 不予通过), return to the city
 * (→ 已核验) and reject (→ 不予通过 with a decision letter naming the items) — version-checked, with every
 * bad input and access case refused without changing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import { scopeItemIdsOf, statusOf } from './support/province-fixtures';
import {
  addScopeItem,
  stagedApplication,
  versionOf,
  type StagedApplication,
} from './support/spot-check-fixtures';

let ctx: TestContext;
let province: Session; // sjzx, province_center
let bureau: Session; // srst, province_bureau
let city: Session; // cs_zx
let cityBureau: Session; // cs_rsj
let a: StagedApplication; // 长沙, two items
let b: StagedApplication; // 株洲, two items
let c: StagedApplication; // 湘潭, one item

const db = () => ctx.database.db;
const pdfText = (body: Buffer) => extractPdf(body).text.replace(/\n/g, '');

async function verdicts(applicationId: string) {
  return queryRows<{ id: string; verdict: string | null; verdict_reason: string | null }>(
    db(),
    sql`select id, verdict, verdict_reason from application_scope_items where application_id = ${applicationId} order by sort_order, id`,
  );
}

async function reviewCount(applicationId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from province_reviews where application_id = ${applicationId}`,
  );
  return Number(row!.n);
}

beforeAll(async () => {
  ctx = await createTestContext();
  [province, bureau, city, cityBureau] = (await Promise.all(
    ['sjzx', 'srst', 'cs_zx', 'cs_rsj'].map((u) => loginAs(ctx.app, u)),
  )) as [Session, Session, Session, Session];
  a = await stagedApplication(ctx.app, db(), '430100', '长沙省评测试职业学院', 'province_review');
  b = await stagedApplication(ctx.app, db(), '430200', '株洲省评测试职业学院', 'province_review');
  c = await stagedApplication(ctx.app, db(), '430300', '湘潭省评测试职业学院', 'province_review');
  await addScopeItem(db(), a.id);
  await addScopeItem(db(), b.id);
});
afterAll(async () => ctx?.close());

describe('省级评估', () => {
  it('lists forwarded applications in the province centre’s inbox', async () => {
    const inbox = (await province.get('/api/inbox?pageSize=100')).json();
    const ids = (inbox.items as { id: string }[]).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it('refuses bad input with a stable code and changes nothing', async () => {
    const [i1, i2] = await scopeItemIdsOf(db(), a.id);
    const version = await versionOf(db(), a.id);
    const cases: [Record<string, unknown>, string, string?][] = [
      [
        { decision: 'pass', items: [{ scopeItemId: i1, verdict: 'pass' }] },
        'PROVINCE_REVIEW_ITEMS_INVALID',
        'SCOPE_ITEM_MISSING',
      ],
      [
        {
          decision: 'pass',
          items: [
            { scopeItemId: i1, verdict: 'pass' },
            { scopeItemId: i2, verdict: 'reject' },
          ],
        },
        'PROVINCE_REVIEW_ITEMS_INVALID',
        'ITEM_REASON_REQUIRED',
      ],
      [
        {
          decision: 'pass',
          items: [
            { scopeItemId: i1, verdict: 'pass' },
            { scopeItemId: i2, verdict: 'pass' },
            { scopeItemId: (await scopeItemIdsOf(db(), c.id))[0], verdict: 'pass' },
          ],
        },
        'PROVINCE_REVIEW_ITEMS_INVALID',
        'SCOPE_ITEM_UNKNOWN',
      ],
      [{ decision: 'return' }, 'REASON_REQUIRED'],
      [{ decision: 'reject', reason: '  ' }, 'REASON_REQUIRED'],
      [{ decision: 'approve' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code, detail] of cases) {
      const res = await province.post(`/api/applications/${a.id}/province-review`, { ...body, version });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (code !== 'VALIDATION_FAILED') expect(res.json().code).toBe(code);
      if (detail) expect(res.json().details.map((d: { code: string }) => d.code)).toContain(detail);
    }
    expect(await statusOf(db(), a.id)).toBe('province_review');
    expect(await versionOf(db(), a.id)).toBe(version);
    expect(await reviewCount(a.id)).toBe(0);
  });

  it('answers 404 to city staff and the province bureau, and to an application out of reach', async () => {
    const body = { decision: 'return', reason: '请补充', version: await versionOf(db(), a.id) };
    for (const s of [city, cityBureau, bureau]) {
      const res = await s.post(`/api/applications/${a.id}/province-review`, body);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const missing = await province.post(
      '/api/applications/00000000-0000-4000-8000-000000000000/province-review',
      body,
    );
    expect(missing.statusCode).toBe(404);
    expect(await statusOf(db(), a.id)).toBe('province_review');
  });

  it('refuses a stale version (409 VERSION_CONFLICT)', async () => {
    const [i1, i2] = await scopeItemIdsOf(db(), a.id);
    const res = await province.post(`/api/applications/${a.id}/province-review`, {
      decision: 'pass',
      items: [
        { scopeItemId: i1, verdict: 'pass' },
        { scopeItemId: i2, verdict: 'pass' },
      ],
      version: (await versionOf(db(), a.id)) - 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VERSION_CONFLICT');
    expect(await statusOf(db(), a.id)).toBe('province_review');
  });

  it('passes with one item refused: 待抽查, that item rejected with its reason', async () => {
    const [i1, i2] = await scopeItemIdsOf(db(), a.id);
    const res = await province.post(`/api/applications/${a.id}/province-review`, {
      decision: 'pass',
      items: [
        { scopeItemId: i1, verdict: 'pass' },
        { scopeItemId: i2, verdict: 'reject', reason: '气焊工种实操设备不足' },
      ],
      version: await versionOf(db(), a.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'spot_check_pool', statusLabel: '待抽查' });
    expect(res.json().review).toMatchObject({
      outcome: 'pass',
      reviewerName: expect.stringContaining('王审核'),
    });
    expect(await verdicts(a.id)).toEqual([
      expect.objectContaining({ id: i1, verdict: 'recommended' }),
      expect.objectContaining({ id: i2, verdict: 'rejected', verdict_reason: '气焊工种实操设备不足' }),
    ]);
    // Once decided, it is no longer in 省级评估: a second outcome is a 409 with the domain code.
    const again = await province.post(`/api/applications/${a.id}/province-review`, {
      decision: 'reject',
      reason: '重复',
      version: await versionOf(db(), a.id),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NOT_IN_PROVINCE_REVIEW');
    // The applicant sees the outcome and the item reasons, not who reviewed.
    const mine = (await a.org.session.get(`/api/applications/${a.id}/province-reviews`)).json();
    expect(mine.items[0]).toMatchObject({ outcome: 'pass', reviewerName: null });
    expect(mine.items[0].items[1]).toMatchObject({ verdict: 'reject', reason: '气焊工种实操设备不足' });
    const timeline = (await a.org.session.get(`/api/applications/${a.id}`)).json().timeline as {
      action: string;
    }[];
    expect(timeline.at(-1)!.action).toBe('province_pass');
  });

  it('returns to the city with a reason (→ 已核验), item verdicts untouched', async () => {
    const res = await province.post(`/api/applications/${c.id}/province-review`, {
      decision: 'return',
      reason: '书面评估意见未附实地评估照片，请市州补充后重新报送',
      version: await versionOf(db(), c.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('verified');
    expect((await verdicts(c.id)).every((v) => v.verdict === 'recommended')).toBe(true);
    const [event] = await queryRows<{ action: string; reason: string; actor_role: string }>(
      db(),
      sql`select action, reason, actor_role from application_events where application_id = ${c.id} order by id desc limit 1`,
    );
    expect(event).toMatchObject({ action: 'province_return', actor_role: 'province_center' });
    expect(event!.reason).toContain('实地评估照片');
  });

  it('treats a pass with every item refused as a rejection, with a decision letter naming each item', async () => {
    const [i1, i2] = await scopeItemIdsOf(db(), b.id);
    const res = await province.post(`/api/applications/${b.id}/province-review`, {
      decision: 'pass',
      items: [
        { scopeItemId: i1, verdict: 'reject', reason: '题库资源不足' },
        { scopeItemId: i2, verdict: 'reject', reason: '考评人员数量不足' },
      ],
      version: await versionOf(db(), b.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', review: { outcome: 'reject' } });
    expect((await verdicts(b.id)).map((v) => v.verdict)).toEqual(['rejected', 'rejected']);

    const letter = await b.org.session.get(`/api/applications/${b.id}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload);
    for (const s of [
      '省级评估',
      '题库资源不足',
      '考评人员数量不足',
      '湖南省职业技能鉴定中心',
      '湖南省人力资源和社会保障厅',
    ])
      expect(text, s).toContain(s);
  });

  it('rejects with a reason (→ 不予通过) and the letter cites it', async () => {
    const d = await stagedApplication(ctx.app, db(), '430100', '长沙省评驳回测试学院', 'province_review');
    const res = await province.post(`/api/applications/${d.id}/province-review`, {
      decision: 'reject',
      reason: '申报材料中的场地证明与实际不符',
      version: await versionOf(db(), d.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('rejected');
    expect((await verdicts(d.id))[0]).toMatchObject({
      verdict: 'rejected',
      verdict_reason: '申报材料中的场地证明与实际不符',
    });
    const text = pdfText((await province.get(`/api/applications/${d.id}/decision-letter.pdf`)).rawPayload);
    expect(text).toContain('申报材料中的场地证明与实际不符');
    expect(text).toContain('省级评估');
    // Inspectors and experts are not readers of the review history.
    expect(
      (await (await loginAs(ctx.app, 'zhuanjia1')).get(`/api/applications/${d.id}/province-reviews`))
        .statusCode,
    ).toBe(404);
  });
});
