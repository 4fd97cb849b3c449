/**
 * 市州审核 (city review): site assessment, the city opinion with its PDF, recommendation batches and
 * decision letters. Verification and the expert draw are built elsewhere, so these tests put
 * applications into 已核验 and record expert assignments/reviews directly in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChineseDate } from '@skillcert/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryRows } from './support/sql';
import { multipart, samplePdf } from './support/multipart';
import { extractPdf } from './support/pdf-text';
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
import { draws, expertAssignments, expertReviews, experts } from '../src/db/schema';

let ctx: TestContext;
let zz: Session; // 株洲市人社局
let cs: Session; // 长沙市人社局
let school: Session; // the 株洲 demo school
let province: Session;
let demoAppId: string;
let demoRoundId: string;
let chainId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  zz = await loginAs(ctx.app, 'zz_rsj');
  cs = await loginAs(ctx.app, 'cs_rsj');
  school = await loginAs(ctx.app, 'xx_admin');
  province = await loginAs(ctx.app, 'sjzx');
  const mine = (await school.get('/api/applications')).json().items as {
    id: string;
    status: string;
    roundId: string;
  }[];
  const submitted = mine.find((a) => a.status === 'submitted');
  if (!submitted) throw new Error('the demo school has no submitted application');
  demoAppId = submitted.id;
  demoRoundId = submitted.roundId;
  chainId = (await school.get('/api/dict/chains')).json()[0].id;
});
afterAll(async () => ctx.close());

const db = () => ctx.database.db;

async function setVerified(id: string) {
  await db().execute(
    sql`update applications set status = 'verified', version = version + 1 where id = ${id}`,
  );
}

const SCORES = [
  [16, 15, 17, 18, 14, 15], // 95
  [14, 13, 15, 16, 12, 13], // 83
  [15, 14, 16, 17, 13, 14], // 89
];
const DIMS = ['organization', 'system', 'technology', 'facilities', 'team', 'quality'];
let expertSeq = 0;

/** Experts drawn for the application; `submitted` of them have handed in their review. */
async function assignExperts(applicationId: string, scores: number[][], submitted: number) {
  const now = ctx.clock.now();
  const [draw] = await db()
    .insert(draws)
    .values({
      kind: 'expert',
      applicationId,
      cityCode: '430200',
      algorithmVersion: 'test',
      params: {},
      pool: [],
      poolHash: 'x',
      recusals: [],
      recusalHash: 'x',
      seedHash: 'x',
      status: 'drawn',
      createdBy: '00000000-0000-4000-8000-000000000001',
      createdAt: now,
    })
    .returning();
  const assignmentIds: string[] = [];
  for (const [i, s] of scores.entries()) {
    expertSeq += 1;
    const [expert] = await db()
      .insert(experts)
      .values({
        code: `ZJ430200${String(expertSeq).padStart(3, '0')}`,
        name: `测试专家${expertSeq}`,
        unit: '株洲某测试保密单位',
        cityCode: '430200',
        occupationCodes: ['6-18-02-04'],
        phoneEnc: 'enc-13800001234',
      })
      .returning();
    const [assignment] = await db()
      .insert(expertAssignments)
      .values({ applicationId, expertId: expert!.id, drawId: draw!.id, assignedAt: now })
      .returning();
    assignmentIds.push(assignment!.id);
    if (i < submitted) await submitReview(applicationId, assignment!.id, expert!.id, s);
  }
  return assignmentIds;
}

async function submitReview(applicationId: string, assignmentId: string, expertId: string, s: number[]) {
  const items = await queryRows<{ id: string }>(
    db(),
    sql`select id from application_scope_items where application_id = ${applicationId}`,
  );
  await db()
    .insert(expertReviews)
    .values({
      assignmentId,
      applicationId,
      expertId,
      scores: Object.fromEntries(DIMS.map((d, k) => [d, { score: s[k], comment: '符合要求' }])),
      itemRecommendations: items.map((i) => ({ scopeItemId: i.id, recommend: true, reason: '' })),
      submittedAt: new Date(ctx.clock.now().getTime() - 3_600_000),
    });
  await db().execute(sql`update expert_assignments set status = 'submitted' where id = ${assignmentId}`);
}

async function checklistFor(s: Session, id: string, verdict = 'met') {
  const slots = (await detail(s, id)).materialSlots as { key: string }[];
  return slots.map((x) => ({ slotKey: x.key, verdict, note: verdict === 'met' ? undefined : '与材料不符' }));
}

async function recordSite(id: string) {
  const res = await zz.post(`/api/applications/${id}/site-assessments`, {
    visitDate: ctx.clock.day(-5),
    participants: '市人社局两人、专家一人',
    checklist: await checklistFor(school, id),
    findings: '实操工位20个，设备完好，视频监控可在线调阅。',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function scopeItemIds(id: string): Promise<string[]> {
  return ((await detail(school, id)).scopeItems as { id: string }[]).map((i) => i.id);
}

/** A new submitted school application in `roundId` (the school's earlier one there must be closed). */
async function submittedSchoolApplication(roundId: string): Promise<string> {
  const id = await newDraft(school, roundId);
  expect(
    (await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' })).statusCode,
  ).toBe(200);
  expect((await saveItems(school, id, [welderSchoolItem(chainId)])).statusCode).toBe(200);
  await uploadAllRequired(school, id);
  const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
  const res = await submit(school, id, pre.warningCodes);
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

/** The year on the test clock: batch numbers carry it (TJ2026-430200-01). */
const year = () => ctx.clock.today().slice(0, 4);
const pdfText = (body: Buffer) => extractPdf(body).text.replace(/\n/g, '');

describe('site assessment (实地评估)', () => {
  it('is refused before the application is verified', async () => {
    const res = await zz.post(`/api/applications/${demoAppId}/site-assessments`, {
      visitDate: ctx.clock.day(-5),
      participants: '市人社局两人',
      checklist: await checklistFor(school, demoAppId),
      findings: '现场情况良好。',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOT_IN_CITY_REVIEW');
  });

  it('validates the visit date and the checklist, then records it with photos', async () => {
    await setVerified(demoAppId);
    const checklist = await checklistFor(school, demoAppId);
    const body = {
      visitDate: ctx.clock.day(-5),
      participants: '市人社局两人',
      checklist,
      findings: '现场情况良好。',
    };
    const url = `/api/applications/${demoAppId}/site-assessments`;

    const noSuchDay = await zz.post(url, { ...body, visitDate: '2026-02-30' });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().code).toBe('DATE_INVALID');
    const future = await zz.post(url, { ...body, visitDate: ctx.clock.day(1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('VISIT_DATE_IN_FUTURE');
    const badFormat = await zz.post(url, { ...body, visitDate: ctx.clock.day(-5).replaceAll('-', '/') });
    expect(badFormat.statusCode).toBe(400);
    const missing = await zz.post(url, { ...body, checklist: checklist.slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('CHECKLIST_INCOMPLETE');
    const unknown = await zz.post(url, {
      ...body,
      checklist: [...checklist, { slotKey: 'no_such', verdict: 'met' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.map((d: { code: string }) => d.code)).toContain('CHECKLIST_SLOT_UNKNOWN');
    // Another city's bureau does not see the application; other roles do not have the action.
    expect((await cs.post(url, body)).statusCode).toBe(404);
    expect((await school.post(url, body)).statusCode).toBe(404);

    // Today (Beijing time) is allowed.
    const ok = await zz.post(url, { ...body, visitDate: ctx.clock.today() });
    expect(ok.statusCode, ok.body).toBe(201);
    const site = ok.json();
    expect(site.checklist).toHaveLength(checklist.length);
    expect(site.checklist[0]).toMatchObject({ verdict: 'met', verdictLabel: '符合' });
    expect(site.checklist[0].label.length).toBeGreaterThan(1);

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(512, 1),
    ]);
    const photo = await zz.request({
      method: 'POST',
      url: `${url}/${site.id}/photos`,
      ...multipart({}, [{ field: 'file', filename: '实操车间.png', content: png }]),
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const notAPicture = await zz.request({
      method: 'POST',
      url: `${url}/${site.id}/photos`,
      ...multipart({}, [{ field: 'file', filename: 'x.pdf', content: samplePdf() }]),
    });
    expect(notAPicture.statusCode).toBe(400);
    expect(notAPicture.json().code).toBe('FILE_TYPE_NOT_ALLOWED');

    const list = (await zz.get(url)).json().items;
    expect(list).toHaveLength(1);
    expect(list[0].photos).toHaveLength(1);
    const download = await zz.get(`${url}/${site.id}/photos/${list[0].photos[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect((await cs.get(url)).statusCode).toBe(404);
  });
});

describe('city opinion (书面评估意见)', () => {
  let assignments: string[] = [];

  it('is refused until every drawn expert (not replaced) has submitted a review', async () => {
    const url = `/api/applications/${demoAppId}/opinion`;
    const items = (await scopeItemIds(demoAppId)).map((scopeItemId) => ({ scopeItemId, recommend: true }));
    const body = { items, summary: '该单位条件具备，同意推荐。' };

    const none = await zz.post(url, body);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('EXPERT_REVIEWS_INCOMPLETE');

    assignments = await assignExperts(demoAppId, SCORES, 2);
    // A replaced expert who never reviewed does not hold the opinion up.
    const [replaced] = await assignExperts(demoAppId, [[0, 0, 0, 0, 0, 0]], 0);
    await db().execute(
      sql`update expert_assignments set status = 'replaced', replaced_reason = '回避' where id = ${replaced!}`,
    );
    const pending = await zz.post(url, body);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('EXPERT_REVIEWS_INCOMPLETE');
  });

  it('recommends: status 已推荐, the recommending city supervises, item verdicts stored', async () => {
    const url = `/api/applications/${demoAppId}/opinion`;
    await db().execute(sql`update expert_assignments set status = 'submitted' where id = ${assignments[2]!}`);
    const [third] = await queryRows<{ expert_id: string }>(
      db(),
      sql`select expert_id from expert_assignments where id = ${assignments[2]!}`,
    );
    await submitReview(demoAppId, assignments[2]!, third!.expert_id, SCORES[2]!);

    const [itemId] = await scopeItemIds(demoAppId);
    const noReason = await zz.post(url, {
      items: [{ scopeItemId: itemId, recommend: false }],
      summary: '不予推荐。',
    });
    expect(noReason.statusCode).toBe(400);
    const incomplete = await zz.post(url, {
      items: [{ scopeItemId: crypto.randomUUID(), recommend: true }],
      summary: '同意推荐。',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe('OPINION_ITEMS_INVALID');
    // Another city's bureau: not found.
    expect(
      (await cs.post(url, { items: [{ scopeItemId: itemId, recommend: true }], summary: '同意推荐。' }))
        .statusCode,
    ).toBe(404);

    const res = await zz.post(url, {
      items: [{ scopeItemId: itemId, recommend: true, reason: '场地设备齐全' }],
      summary: '该单位场地设备、专家队伍和质量管理制度满足要求，同意推荐。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'recommended',
      statusLabel: '已推荐',
      supervisingCityCode: '430200',
    });
    expect(res.json().opinion.averages).toMatchObject({ organization: 15, facilities: 17, total: 89 });
    const [row] = await queryRows<{ status: string; supervising_city_code: string }>(
      db(),
      sql`select status, supervising_city_code from applications where id = ${demoAppId}`,
    );
    expect(row).toEqual({ status: 'recommended', supervising_city_code: '430200' });
    const verdicts = await queryRows<{ verdict: string; verdict_reason: string }>(
      db(),
      sql`select verdict, verdict_reason from application_scope_items where application_id = ${demoAppId}`,
    );
    expect(verdicts).toEqual([{ verdict: 'recommended', verdict_reason: '场地设备齐全' }]);
    const d = await detail(school, demoAppId);
    expect(d.timeline.at(-1)).toMatchObject({ action: 'recommend', toStatusLabel: '已推荐' });

    // Written once: the application has left 已核验.
    const again = await zz.post(url, {
      items: [{ scopeItemId: itemId, recommend: true }],
      summary: '再次推荐。',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NOT_IN_CITY_REVIEW');
    const letter = await school.get(`/api/applications/${demoAppId}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(409);
    expect(letter.json().code).toBe('NO_DECISION_LETTER');
  });

  it('records the opinion’s summary as the recommendation’s reason in the audit trail', async () => {
    const [entry] = await queryRows<{ reason: string | null }>(
      db(),
      sql`select reason from audit_log where target_id = ${demoAppId} and action = 'application.recommend'`,
    );
    expect(entry?.reason).toBe('该单位场地设备、专家队伍和质量管理制度满足要求，同意推荐。');
  });

  it('renders the opinion PDF in Chinese for the applicant, the city and the province only', async () => {
    const url = `/api/applications/${demoAppId}/opinion.pdf`;
    const res = await school.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    const org = (await detail(school, demoAppId)).organizationName as string;
    for (const s of [
      '职业技能等级认定评价机构备案书面评估意见',
      org,
      '统一社会信用代码',
      '焊工',
      '组织保障',
      '质量管理',
      'ZJ430200001',
      '测试专家1',
      '95',
      '83',
      '89',
      '平均分',
      '评估发现：现场情况良好',
      '同意推荐该单位1个申报职业',
      '株洲市人力资源和社会保障局',
      '（盖章）',
      formatChineseDate(ctx.clock.today()),
    ])
      expect(text, s).toContain(s);
    // Only expert names: no phone, no employer, not the replaced expert, not the visiting staff.
    for (const s of ['13800001234', '株洲某测试保密单位', '测试专家4', '市人社局两人'])
      expect(text).not.toContain(s);

    expect((await zz.get(url)).statusCode).toBe(200);
    expect((await province.get(url)).statusCode).toBe(200);
    expect((await cs.get(url)).statusCode).toBe(404);
    expect((await (await loginAs(ctx.app, 'qy_admin')).get(url)).statusCode).toBe(404);
    const json = (await school.get(`/api/applications/${demoAppId}/opinion`)).json();
    expect(json.opinion.experts.map((e: { code: string }) => e.code)).toEqual([
      'ZJ430200001',
      'ZJ430200002',
      'ZJ430200003',
    ]);
    expect(JSON.stringify(json)).not.toContain('13800001234');
  });
});

describe('forwarding (推荐汇总) and decision letters', () => {
  let roundId: string;
  let refusedId: string;
  let recommendedId: string;
  /** 株洲's batches of this year already numbered (the demo's earlier cycle may have one). */
  let firstNumber: string;
  let secondNumber: string;
  const batchNumbers = (s: Session) =>
    s.get('/api/recommendation-batches').then((r) =>
      r
        .json()
        .items.map((b: { number: string }) => b.number as string)
        .sort(),
    );

  it('gives a not-recommended application a decision letter with the reasons and the route for 复核', async () => {
    roundId = (await openRound(ctx.app, { title: `${year()}年第四批紧缺职业评价机构征集` })).id;
    refusedId = await submittedSchoolApplication(roundId);
    await setVerified(refusedId);
    await assignExperts(refusedId, SCORES.slice(1), 2);
    const [itemId] = await scopeItemIds(refusedId);
    // Every expert has reviewed, but nobody has been on site yet.
    const noVisit = await zz.post(`/api/applications/${refusedId}/opinion`, {
      items: [{ scopeItemId: itemId, recommend: true }],
      summary: '同意推荐。',
    });
    expect(noVisit.statusCode).toBe(409);
    expect(noVisit.json().code).toBe('SITE_ASSESSMENT_MISSING');
    await recordSite(refusedId);
    const res = await zz.post(`/api/applications/${refusedId}/opinion`, {
      items: [{ scopeItemId: itemId, recommend: false, reason: '实操工位不足，无法满足同时考核需要' }],
      summary: '实地评估发现实操条件不满足国家职业技能标准要求，不予推荐。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_recommended', supervisingCityCode: null });
    const [item] = await queryRows<{ verdict: string }>(
      db(),
      sql`select verdict from application_scope_items where id = ${itemId!}`,
    );
    expect(item!.verdict).toBe('not_recommended');

    const letter = await school.get(`/api/applications/${refusedId}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload);
    for (const s of [
      '不予推荐决定书',
      '实地评估发现实操条件不满足国家职业技能标准要求',
      '实操工位不足',
      '复核',
      '10个工作日内',
      '株洲市人力资源和社会保障局',
      '（盖章）',
    ])
      expect(text, s).toContain(s);
    expect((await cs.get(`/api/applications/${refusedId}/decision-letter.pdf`)).statusCode).toBe(404);
    const opinionPdf = pdfText((await school.get(`/api/applications/${refusedId}/opinion.pdf`)).rawPayload);
    expect(opinionPdf).toContain('均不予推荐');
  });

  it('forwards recommended applications in gapless batches and moves them to 省级评估中', async () => {
    recommendedId = await submittedSchoolApplication(roundId);
    await setVerified(recommendedId);
    await assignExperts(recommendedId, SCORES, 3);
    await recordSite(recommendedId);
    const items = (await scopeItemIds(recommendedId)).map((scopeItemId) => ({
      scopeItemId,
      recommend: true,
    }));
    expect(
      (await zz.post(`/api/applications/${recommendedId}/opinion`, { items, summary: '同意推荐。' }))
        .statusCode,
    ).toBe(200);

    // Numbers are gapless per city and year: the next ones after the batches already there.
    const before = await batchNumbers(province);
    const zzThisYear = before.filter((n: string) => n.startsWith(`TJ${year()}-430200-`)).length;
    const tj = (n: number) => `TJ${year()}-430200-${String(n).padStart(2, '0')}`;
    firstNumber = tj(zzThisYear + 1);
    secondNumber = tj(zzThisYear + 2);
    const zzBefore = await batchNumbers(zz);
    const first = await zz.post('/api/recommendation-batches', {
      roundId: demoRoundId,
      applicationIds: [demoAppId],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().number).toBe(firstNumber);
    expect((await detail(school, demoAppId)).status).toBe('province_review');

    // Refusals name the offending applications and use no number.
    const demoNumber = (await detail(school, demoAppId)).number as string;
    const refusedNumber = (await detail(school, refusedId)).number as string;
    const mixed = await zz.post('/api/recommendation-batches', {
      roundId,
      applicationIds: [recommendedId, refusedId, demoAppId],
    });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().code).toBe('BATCH_APPLICATIONS_NOT_READY');
    expect(mixed.json().message).toContain(refusedNumber);
    expect(mixed.json().message).toContain(demoNumber);
    const otherCity = await cs.post('/api/recommendation-batches', {
      roundId,
      applicationIds: [recommendedId],
    });
    expect(otherCity.statusCode).toBe(400);
    expect(otherCity.json().code).toBe('BATCH_APPLICATIONS_UNKNOWN');
    expect(
      (await school.post('/api/recommendation-batches', { roundId, applicationIds: [recommendedId] }))
        .statusCode,
    ).toBe(404);
    expect((await detail(school, recommendedId)).status).toBe('recommended');

    const second = await zz.post('/api/recommendation-batches', { roundId, applicationIds: [recommendedId] });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().number).toBe(secondNumber);
    expect((await detail(school, recommendedId)).status).toBe('province_review');
    const events = await queryRows<{ action: string }>(
      db(),
      sql`select action from application_events where application_id = ${recommendedId} order by id`,
    );
    expect(events.map((e) => e.action).slice(-2)).toEqual(['recommend', 'forward_to_province']);

    expect(
      (await zz.get('/api/recommendation-batches')).json().items.map((b: { number: string }) => b.number),
    ).toEqual([secondNumber, firstNumber, ...[...zzBefore].reverse()]);
    // The province sees every city's batches (the demo has some from 长沙); 长沙 sees only its own.
    expect(await batchNumbers(province)).toEqual([...before, firstNumber, secondNumber].sort());
    const csNumbers = before.filter((n: string) => n.includes('-430100-'));
    expect(csNumbers.length).toBeGreaterThan(0);
    expect(await batchNumbers(cs)).toEqual(csNumbers);
    expect((await cs.get(`/api/recommendation-batches/${second.json().id}`)).statusCode).toBe(404);
    const batch = (await province.get(`/api/recommendation-batches/${second.json().id}`)).json();
    expect(batch.rows).toHaveLength(1);
    expect(batch.rows[0]).toMatchObject({ expertAverage: 89, recommendation: '推荐', mode: '院校自主评价' });
  });

  it('exports the 推荐汇总表 as .xlsx and PDF', async () => {
    const batches = (await province.get('/api/recommendation-batches')).json().items as {
      id: string;
      number: string;
    }[];
    const batch = batches.find((b) => b.number === secondNumber)!;
    const xlsx = await zz.get(`/api/recommendation-batches/${batch.id}/summary.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '申请编号',
      '单位名称',
      '统一社会信用代码',
      '职业（工种）',
      '等级',
      '评价方式',
      '专家平均分',
      '推荐意见',
    ]);
    const number = (await detail(school, recommendedId)).number as string;
    const row = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(row[0]).toBe(1);
    expect(row[1]).toBe(number);
    expect(String(row[4])).toContain('焊工');
    expect(row[7]).toBe(89);
    expect(row[8]).toBe('推荐');

    const pdf = await province.get(`/api/recommendation-batches/${batch.id}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    for (const s of ['推荐汇总表', secondNumber, number, '专家平均分', '89.0', '院校自主评价', '（盖章）'])
      expect(text, s).toContain(s);
  });
});
