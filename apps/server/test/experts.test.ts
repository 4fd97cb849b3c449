/**
 * 专家库、专家抽取与专家评审 (通知第五条第二款): the expert pool (masked phones, city scope), the verifiable expert draw with automatic
 * recusal (own staff, declared conflicts), replay and tamper detection, replacement as a new logged draw,
 * and the expert's locked scoring form. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar, REVIEW_DIMENSION_CODES } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, loginChangingInitialPassword, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';

let ctx: TestContext;
let zzBureau: Session;
let csBureau: Session;
let admin: Session;
let province: Session;
let auditor: Session;
let appId: string;
let otherAppId: string;
let applicantCreditCode: string;
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

const creditCode = (body17: string) => body17 + computeCreditCodeCheckChar(body17);
const WELDER = '6-18-02-04';

const db = () => ctx.database.db;

async function setStatus(id: string, status: string) {
  await db().execute(sql`update applications set status = ${status} where id = ${id}`);
}

async function resetDraws() {
  await db().execute(sql`delete from expert_reviews where application_id = ${appId}`);
  await db().execute(sql`delete from expert_assignments where application_id = ${appId}`);
  await db().execute(sql`delete from draws where application_id = ${appId}`);
}

async function addExpert(key: string, body: Record<string, unknown>, as: Session = zzBureau) {
  const res = await as.post('/api/experts', {
    unit: '株洲某装备制造有限公司',
    occupationCodes: [WELDER],
    title: '高级工程师',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
  codes[key] = res.json().code;
  return res.json();
}

async function version(id: string, as: Session = zzBureau): Promise<number> {
  const list = (await as.get('/api/experts?pageSize=100')).json().items as { id: string; version: number }[];
  return list.find((e) => e.id === id)!.version;
}

const fullScores = (score = 85) =>
  Object.fromEntries(REVIEW_DIMENSION_CODES.map((c) => [c, { score, comment: '材料齐全，符合要求' }]));

beforeAll(async () => {
  ctx = await createTestContext();
  const [a, b, c, d, e] = await Promise.all(
    ['zz_rsj', 'cs_rsj', 'admin', 'sjzx', 'auditor'].map((u) => loginAs(ctx.app, u)),
  );
  [zzBureau, csBureau, admin, province, auditor] = [a!, b!, c!, d!, e!];
  const submitted = (await province.get('/api/applications?status=submitted&pageSize=50')).json().items as {
    id: string;
    cityCode: string;
    organizationName: string;
  }[];
  appId = submitted.find((a) => a.cityCode === '430200')!.id;
  otherAppId = submitted.find((a) => a.cityCode !== '430200')!.id;
  await setStatus(appId, 'verified');
  // This file builds its own pools: retire the demo experts (and free their accounts for linking).
  await db().execute(sql`update experts set active = false, user_id = null`);
  applicantCreditCode = (await zzBureau.get(`/api/applications/${appId}`)).json().organization.creditCode;
});
afterAll(async () => ctx?.close());

describe('expert pool', () => {
  it('keeps experts per city with the phone encrypted and shown masked', async () => {
    const created = await addExpert('staff', {
      name: '李焊工',
      unit: '株洲示例职业技术学院',
      unitCreditCode: applicantCreditCode,
      cityCode: '430100', // a city bureau is held to its own city
      phone: '13812341234',
    });
    expect(created.code).toMatch(/^ZJ430200-\d{4}$/);
    expect(created.initialPassword).toBeNull();

    const list = await zzBureau.get('/api/experts?q=李焊工');
    expect(list.statusCode).toBe(200);
    const item = list.json().items[0];
    expect(item).toMatchObject({
      cityCode: '430200',
      phoneMasked: '138****1234',
      unitCreditCode: applicantCreditCode,
    });
    expect(list.body).not.toContain('13812341234');
    const [row] = await queryRows<{ phone_enc: string }>(
      db(),
      sql`select phone_enc from experts where id = ${ids.staff}`,
    );
    expect(row!.phone_enc).toMatch(/^sm4:/);
    expect(row!.phone_enc).not.toContain('13812341234');

    // Another city's bureau neither sees nor edits it; the system admin sees every city.
    expect((await csBureau.get('/api/experts?q=李焊工')).json().items).toHaveLength(0);
    expect(
      (await csBureau.patch(`/api/experts/${ids.staff}`, { title: '教授', version: 1 })).statusCode,
    ).toBe(404);
    expect((await admin.get('/api/experts?q=李焊工')).json().items).toHaveLength(1);
    // Experts and applicants do not reach the pool at all.
    expect((await (await loginAs(ctx.app, 'zhuanjia1')).get('/api/experts')).statusCode).toBe(404);
  });

  it('edits with a version check, and refuses bad input', async () => {
    const edited = await zzBureau.patch(`/api/experts/${ids.staff}`, {
      title: '正高级工程师',
      phone: '13900001111',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '正高级工程师', phoneMasked: '139****1111', version: 2 });
    const stale = await zzBureau.patch(`/api/experts/${ids.staff}`, { title: '教授', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const moved = await zzBureau.patch(`/api/experts/${ids.staff}`, { cityCode: '430100', version: 2 });
    expect(moved.json().code).toBe('EXPERT_CITY_FIXED');

    const bad = [
      [{ name: '王某', unit: '某单位', occupationCodes: ['9-99-99-99'] }, 'OCCUPATION_UNKNOWN'],
      [{ name: '王某', unit: '某单位', occupationCodes: [WELDER], phone: '12345' }, 'MOBILE_INVALID'],
      [
        { name: '王某', unit: '某单位', occupationCodes: [WELDER], unitCreditCode: '91430200MA4L000000' },
        'CREDIT_CODE_INVALID',
      ],
      [{ name: '王某', unit: '某单位', occupationCodes: [] }, 'VALIDATION_FAILED'],
      [{ name: '王某', unit: '某单位', occupationCodes: [WELDER], phoneNumber: '1' }, 'UNKNOWN_FIELD'],
      [{ name: '王某', unit: '某单位', occupationCodes: [WELDER], username: 'zz_zx' }, 'USERNAME_TAKEN'],
    ] as const;
    for (const [body, code] of bad) {
      const res = await zzBureau.post('/api/experts', body);
      expect([400, 409], `${code}: ${res.body}`).toContain(res.statusCode);
      expect(res.json().code).toBe(code);
    }
    // The system admin must choose the city.
    expect(
      (await admin.post('/api/experts', { name: '王某', unit: '某单位', occupationCodes: [WELDER] })).json()
        .code,
    ).toBe('CITY_REQUIRED');
  });

  it('creates a login account once, with a one-time strong password that must be changed', async () => {
    const created = await addExpert('account', { name: '赵评审', username: 'zj_zhao01' });
    expect(created.initialPassword).toMatch(/^.{20}$/);
    const [u] = await queryRows<{ role: string; must_change_password: boolean }>(
      db(),
      sql`select role, must_change_password from users where username = 'zj_zhao01'`,
    );
    expect(u).toMatchObject({ role: 'expert', must_change_password: true });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zj_zhao01', password: created.initialPassword },
    });
    expect(login.statusCode).toBe(200);
    // Linking the same account to a second expert is refused.
    const again = await zzBureau.post('/api/experts', {
      name: '赵评审',
      unit: '某单位',
      occupationCodes: [WELDER],
      username: 'zj_zhao01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EXPERT_ACCOUNT_LINKED');
    await zzBureau.patch(`/api/experts/${ids.account}`, { active: false, version: 1 });
  });
});

describe('expert draw', () => {
  it('refuses an application that is not verified, and another city’s bureau gets 404', async () => {
    await setStatus(appId, 'submitted');
    const early = await zzBureau.post(`/api/applications/${appId}/expert-draws`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('DRAW_APPLICATION_NOT_VERIFIED');
    await setStatus(appId, 'verified');
    expect((await csBureau.post(`/api/applications/${appId}/expert-draws`, {})).statusCode).toBe(404);
    expect((await csBureau.get(`/api/applications/${appId}/expert-draws`)).statusCode).toBe(404);
    expect((await zzBureau.post(`/api/applications/${otherAppId}/expert-draws`, {})).statusCode).toBe(404);
  });

  it('refuses clearly when the pool is too small after recusal, and stores nothing', async () => {
    await addExpert('conflicted', { name: '周冲突' });
    const declared = await zzBureau.post(`/api/experts/${ids.conflicted}/conflicts`, {
      creditCode: applicantCreditCode,
      reason: '近三年在该校兼职授课',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().conflicts).toEqual([
      { creditCode: applicantCreditCode, reason: '近三年在该校兼职授课' },
    ]);
    const dup = await zzBureau.post(`/api/experts/${ids.conflicted}/conflicts`, {
      creditCode: applicantCreditCode,
      reason: '重复登记',
    });
    expect(dup.json().code).toBe('CONFLICT_ALREADY_DECLARED');
    await addExpert('panel1', { name: '郑专家', username: 'zhuanjia1' });
    await addExpert('turner', { name: '吴车工', occupationCodes: ['6-18-01-01'] });

    const res = await zzBureau.post(`/api/applications/${appId}/expert-draws`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('DRAW_POOL_TOO_SMALL');
    expect(res.json().message).toContain('可抽取专家不足3人');
    expect(await queryCount(db(), sql`select count(*) as n from draws where application_id = ${appId}`)).toBe(
      0,
    );
  });

  it('never draws the applicant’s own staff or an expert with a declared conflict', async () => {
    for (const n of [2, 3, 4, 5]) {
      await addExpert(`panel${n}`, {
        name: `专家${n}号`,
        unitCreditCode: creditCode(`91430200MA4L0000${n}`),
      });
    }
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await resetDraws();
      const res = await zzBureau.post(`/api/applications/${appId}/expert-draws`, {});
      expect(res.statusCode, res.body).toBe(201);
      const { draw, experts } = res.json();
      expect(draw.result).toHaveLength(3);
      expect(experts).toHaveLength(3);
      expect(draw.result).not.toContain(codes.staff);
      expect(draw.result).not.toContain(codes.conflicted);
      expect(draw.pool).not.toContain(codes.staff);
      expect(draw.pool).not.toContain(codes.turner);
      expect(draw.pool).not.toContain(codes.account); // inactive
      expect(draw.pool).toHaveLength(5);
      expect(draw.recusals).toEqual([
        { expertCode: codes.staff, rule: 'same_employer', reason: expect.stringContaining('本单位人员回避') },
        {
          expertCode: codes.conflicted,
          rule: 'declared_conflict',
          reason: expect.stringContaining('兼职授课'),
        },
      ]);
      expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
      expect(draw.status).toBe('drawn');
      expect(draw.params).toMatchObject({ count: 3, occupationCodes: [WELDER], eligibleCount: 7 });
      draw.result.forEach((c: string) => seen.add(c));
    }
    expect(seen.size).toBeGreaterThan(3);
    const [audit] = await queryRows<{
      after: { seedHash: string; poolHash: string; algorithmVersion: string };
    }>(db(), sql`select after from audit_log where action = 'expert_draw.drawn' order by id desc limit 1`);
    expect(audit!.after).toMatchObject({ algorithmVersion: 'sha256-ctr-fy-v1' });
    expect(audit!.after.seedHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays a draw, and a tampered pool no longer matches', async () => {
    const [first] = (await zzBureau.get(`/api/applications/${appId}/expert-draws`)).json().items;
    const replay = await province.get(`/api/draws/${first.id}/replay`);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ matches: true, mismatches: [] });
    expect(replay.json().recomputed.result).toEqual(first.result);
    expect((await auditor.get(`/api/draws/${first.id}/replay`)).json().matches).toBe(true);
    expect((await csBureau.get(`/api/draws/${first.id}/replay`)).statusCode).toBe(404);

    const tamperedPool = [...first.pool.filter((c: string) => c !== first.result[0]), codes.staff];
    await db().execute(
      sql`update draws set pool = ${JSON.stringify(tamperedPool)}::jsonb where id = ${first.id}`,
    );
    const tampered = (await zzBureau.get(`/api/draws/${first.id}/replay`)).json();
    expect(tampered.matches).toBe(false);
    expect(tampered.mismatches).toContain('poolHash');
    expect(tampered.stored.poolHash).toBe(first.poolHash);
    await db().execute(
      sql`update draws set pool = ${JSON.stringify(first.pool)}::jsonb where id = ${first.id}`,
    );
  });

  it('replaces an expert only with a reason, as a new draw; nothing is edited in place', async () => {
    const before = (await zzBureau.get(`/api/applications/${appId}/expert-draws`)).json();
    const first = before.items[0];
    const target = before.assignments.find((a: { status: string }) => a.status === 'assigned');
    const noReason = await zzBureau.post(`/api/applications/${appId}/expert-draws`, {
      replaceExpertIds: [target.expertId],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('DRAW_REASON_REQUIRED');

    const res = await zzBureau.post(`/api/applications/${appId}/expert-draws`, {
      reason: '专家因出差无法参加评审',
      replaceExpertIds: [target.expertId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { draw } = res.json();
    expect(draw).toMatchObject({
      replacesDrawId: first.id,
      reason: '专家因出差无法参加评审',
      status: 'drawn',
    });
    expect(draw.result).toHaveLength(1);
    expect(first.result).not.toContain(draw.result[0]);
    expect(draw.recusals.map((r: { expertCode: string; rule: string }) => r.rule).sort()).toEqual([
      'already_assigned',
      'already_assigned',
      'declared_conflict',
      'previously_replaced',
      'same_employer',
    ]);

    const after = (await zzBureau.get(`/api/applications/${appId}/expert-draws`)).json();
    expect(after.items).toHaveLength(2);
    expect(after.items[0]).toEqual(first);
    expect(
      after.assignments.find((a: { assignmentId: string }) => a.assignmentId === target.assignmentId),
    ).toMatchObject({
      status: 'replaced',
      replacedReason: '专家因出差无法参加评审',
    });
    expect(after.assignments.filter((a: { status: string }) => a.status === 'assigned')).toHaveLength(3);
    expect((await province.get(`/api/draws/${draw.id}/replay`)).json().matches).toBe(true);
    const [audit] = await queryRows<{ reason: string }>(
      db(),
      sql`select reason from audit_log where action = 'expert_draw.replaced' order by id desc limit 1`,
    );
    expect(audit!.reason).toBe('专家因出差无法参加评审');
  });
});

describe('expert review', () => {
  let expert: Session;
  let assignmentId: string;
  let scopeItemId: string;

  beforeAll(async () => {
    // Leave exactly three eligible experts, so the demo expert account is certainly on the panel.
    await resetDraws();
    for (const key of ['panel4', 'panel5']) {
      await zzBureau.patch(`/api/experts/${ids[key]}`, { active: false, version: await version(ids[key]!) });
    }
    const res = await zzBureau.post(`/api/applications/${appId}/expert-draws`, { count: 3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().draw.result).toContain(codes.panel1);
    expert = await loginAs(ctx.app, 'zhuanjia1');
  });

  it('shows the expert only what is assigned', async () => {
    const mine = await expert.get('/api/my/assignments');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    const a = mine.json().items[0];
    expect(a).toMatchObject({
      applicationId: appId,
      organizationName: '株洲示例职业技术学院',
      status: 'assigned',
      statusLabel: '待评审',
      occupations: [{ code: WELDER, name: '焊工' }],
    });
    expect(a.applicationNumber).toMatch(/^SQ\d{4}-\d{6}$/);
    assignmentId = a.assignmentId;
    // The expert's home counts it as a task waiting for them.
    expect((await expert.get('/api/home/stats')).json().cards).toEqual([
      { key: 'assignments', label: '待评审任务', value: 1 },
    ]);
    const detail = await expert.get(`/api/applications/${appId}`);
    expect(detail.statusCode).toBe(200);
    scopeItemId = detail.json().scopeItems[0].id;
    expect((await expert.get(`/api/applications/${otherAppId}`)).statusCode).toBe(404);
    // Draw records and reviews of others are not the expert's to read.
    expect((await expert.get(`/api/applications/${appId}/expert-draws`)).statusCode).toBe(404);
    expect((await expert.get(`/api/applications/${appId}/expert-reviews`)).statusCode).toBe(404);
  });

  it('refuses an invalid form, then locks the submitted one', async () => {
    const url = `/api/my/assignments/${assignmentId}/review`;
    const tooHigh = await expert.put(url, {
      scores: { ...fullScores(), quality: { score: 101, comment: '' } },
      itemRecommendations: [{ scopeItemId, recommend: true }],
    });
    expect(tooHigh.statusCode).toBe(400);
    const noReason = await expert.put(url, {
      scores: fullScores(),
      itemRecommendations: [{ scopeItemId, recommend: false }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('REVIEW_INVALID');
    expect(noReason.json().details.map((d: { code: string }) => d.code)).toEqual(['REVIEW_REASON_REQUIRED']);
    const missingItem = await expert.put(url, { scores: fullScores(), itemRecommendations: [] });
    expect(missingItem.json().details.map((d: { code: string }) => d.code)).toEqual(['REVIEW_ITEM_MISSING']);
    // Someone else's assignment id is simply not found.
    const [other] = await queryRows<{ id: string }>(
      db(),
      sql`select a.id from expert_assignments a join experts e on e.id = a.expert_id
          where a.application_id = ${appId} and a.status = 'assigned' and e.code <> ${codes.panel1} limit 1`,
    );
    expect(
      (
        await expert.put(`/api/my/assignments/${other!.id}/review`, {
          scores: fullScores(),
          itemRecommendations: [],
        })
      ).statusCode,
    ).toBe(404);

    const ok = await expert.put(url, {
      scores: fullScores(88),
      itemRecommendations: [{ scopeItemId, recommend: true }],
      overallComment: '同意推荐',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('submitted');
    const twice = await expert.put(url, {
      scores: fullScores(60),
      itemRecommendations: [{ scopeItemId, recommend: true }],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('REVIEW_ALREADY_SUBMITTED');
    // The locked form shows what was submitted, not the refused second attempt.
    const mineRes = await expert.get('/api/my/assignments');
    expect(mineRes.statusCode, mineRes.body).toBe(200);
    const mine = mineRes.json().items as {
      review: { scores: Record<string, { score: number }>; overallComment: string } | null;
    }[];
    const submitted = mine.find((a) => a.review !== null)!.review!;
    expect(submitted.scores.organization!.score).toBe(88);
    expect(submitted.overallComment).toBe('同意推荐');
    expect((await expert.get('/api/my/assignments')).json().items[0]).toMatchObject({ status: 'submitted' });
    expect((await expert.get('/api/home/stats')).json().cards[0].value).toBe(0);

    // A submitted expert cannot be replaced.
    const replace = await zzBureau.post(`/api/applications/${appId}/expert-draws`, {
      reason: '尝试替换已提交的专家',
      replaceExpertIds: [ids.panel1],
    });
    expect(replace.statusCode).toBe(409);
    expect(replace.json().code).toBe('REPLACE_EXPERT_SUBMITTED');
  });

  it('gives the bureau and the province the reviews with averages per dimension', async () => {
    const res = await zzBureau.get(`/api/applications/${appId}/expert-reviews`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ assigned: 3, submitted: 1 });
    expect(body.items[0]).toMatchObject({ expertCode: codes.panel1, overallComment: '同意推荐' });
    expect(body.dimensions.map((d: { name: string }) => d.name)).toEqual([
      '组织保障',
      '制度保障',
      '技术支持',
      '基础条件',
      '队伍建设',
      '质量管理',
    ]);
    expect(body.dimensions[0]).toMatchObject({ average: 88, count: 1 });
    expect((await province.get(`/api/applications/${appId}/expert-reviews`)).statusCode).toBe(200);
    expect((await csBureau.get(`/api/applications/${appId}/expert-reviews`)).statusCode).toBe(404);
    expect((await admin.get(`/api/applications/${appId}/expert-reviews`)).statusCode).toBe(404);
  });

  it('lets the expert declare a conflict of their own', async () => {
    const code = creditCode('91430200MA4L00009');
    const res = await expert.post('/api/my/conflicts', { creditCode: code, reason: '配偶在该单位任职' });
    expect(res.statusCode, res.body).toBe(204);
    const item = (await zzBureau.get(`/api/experts?q=${encodeURIComponent(codes.panel1!)}`)).json().items[0];
    expect(item.conflicts).toEqual([{ creditCode: code, reason: '配偶在该单位任职' }]);
    // An expert account not (yet) linked to a pool record has nothing to declare on.
    const created = await admin.post('/api/admin/users', {
      username: 'zj_unlinked',
      displayName: '未入库专家',
      role: 'expert',
      password: 'Expert@2026x',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { session: unlinked } = await loginChangingInitialPassword(ctx.app, 'zj_unlinked', 'Expert@2026x');
    const refused = await unlinked.post('/api/my/conflicts', { creditCode: code, reason: '测试申报' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('EXPERT_PROFILE_MISSING');
    expect((await unlinked.get('/api/my/assignments')).json().items).toEqual([]);
  });
});
