/**
 * 实地抽查复核的联合结果 (通知§五(三); domain.md §5 R11): one panel member drafts the on-site result (visit
 * date, place, who was present, evidence), every member of the target's panel signs it or dissents with
 * a reason; only when all signed does the application move; with a dissent the province centre decides
 * with its reason. Bad input changes nothing; inspectors of another panel get 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import { openRoundId, statusOf } from './support/province-fixtures';
import {
  agreeJointResult,
  createTestInspector,
  myResult,
  onSite,
  resultStep,
  stagedApplication,
  uploadEvidence,
  versionOf,
  type CreatedInspector,
  type StagedApplication,
} from './support/spot-check-fixtures';

let ctx: TestContext;
let province: Session;
let bureau: Session;
let drawId: string;
const apps: StagedApplication[] = [];
const pool: CreatedInspector[] = [];
/** Each target's current panel, logged in. */
const panels = new Map<string, Session[]>();
let outsider: (applicationId: string) => Promise<Session>;

const db = () => ctx.database.db;
const findings = '现场实操工位20个，设备运行正常，视频监控可在线调阅，与申报材料一致。';

async function scopeItems(member: Session, applicationId: string) {
  const items = (await member.get('/api/my/spot-checks')).json().items as {
    applicationId: string;
    scopeItems: { id: string }[];
  }[];
  return items.find((i) => i.applicationId === applicationId)!.scopeItems;
}

async function passDraft(member: Session, applicationId: string) {
  return {
    outcome: 'pass',
    findings,
    items: (await scopeItems(member, applicationId)).map((s) => ({ scopeItemId: s.id, verdict: 'pass' })),
    version: await versionOf(db(), applicationId),
  };
}

const resultRows = (applicationId: string) =>
  queryCount(
    db(),
    sql`select count(*)::int as n from spot_check_results where application_id = ${applicationId}`,
  );
const signatureRows = () =>
  queryCount(db(), sql`select count(*)::int as n from spot_check_result_signatures`);
const target = async (applicationId: string) =>
  (
    (await province.get(`/api/spot-checks/${drawId}`)).json().targets as {
      applicationId: string;
      result: { status: string; allowedActions: string[]; version: number; signatures: unknown[] } | null;
    }[]
  ).find((t) => t.applicationId === applicationId)!;

beforeAll(async () => {
  ctx = await createTestContext();
  [province, bureau] = (await Promise.all(['sjzx', 'srst'].map((u) => loginAs(ctx.app, u)))) as [
    Session,
    Session,
  ];
  // This file builds its own pools: no demo draws or spot-check applications, demo inspectors retired.
  await db().execute(sql`delete from spot_check_results`);
  await db().execute(sql`delete from spot_check_assignments`);
  await db().execute(sql`delete from spot_check_draws`);
  await db().execute(
    sql`update applications set status = 'cleared' where status in ('spot_check_pool', 'spot_check')`,
  );
  await db().execute(sql`update inspectors set active = false, user_id = null`);
  const roundId = await openRoundId(province);
  for (const [i, cityCode] of (['430100', '430200', '430300'] as const).entries()) {
    apps.push(
      await stagedApplication(ctx.app, db(), cityCode, `联合复核测试学院${i + 1}`, 'spot_check_pool'),
    );
  }
  for (const [i, cityCode] of ['430400', '430500', '430600', '430700', '430800', '430900'].entries()) {
    pool.push(await createTestInspector(ctx.app, province, { name: `联合督导${i + 1}`, cityCode }));
  }
  const committed = await province.post('/api/spot-checks', {
    roundId,
    sampleRatioPercent: 100,
    inspectorsPerTarget: 2,
  });
  if (committed.statusCode !== 201) throw new Error(committed.body);
  drawId = committed.json().id;
  const v = (await province.get(`/api/spot-checks/${drawId}`)).json().version;
  const drawn = await province.post(`/api/spot-checks/${drawId}/draw`, { version: v });
  if (drawn.statusCode !== 200) throw new Error(drawn.body);
  const sessions = new Map<string, Session>();
  const sessionOf = async (code: string) => {
    if (!sessions.has(code)) sessions.set(code, await pool.find((p) => p.code === code)!.login());
    return sessions.get(code)!;
  };
  for (const s of drawn.json().result.selected as { applicationNumber: string; inspectorCodes: string[] }[]) {
    const app = apps.find((a) => a.number === s.applicationNumber)!;
    panels.set(app.id, await Promise.all(s.inspectorCodes.map(sessionOf)));
  }
  outsider = async (applicationId) => {
    const codes = (
      drawn.json().result.selected as { applicationNumber: string; inspectorCodes: string[] }[]
    ).find((s) => s.applicationNumber === apps.find((a) => a.id === applicationId)!.number)!.inspectorCodes;
    // Drawn for another target, not for this one.
    const other = (drawn.json().result.selected as { inspectorCodes: string[] }[])
      .flatMap((s) => s.inspectorCodes)
      .find((c) => !codes.includes(c))!;
    return sessionOf(other);
  };
}, 180_000);
afterAll(async () => ctx?.close());

describe('the on-site draft (实地复核记录)', () => {
  it('refuses a future visit, a visit before the draw, no place, nobody present and no evidence — changing nothing', async () => {
    const [drafter] = panels.get(apps[0]!.id)!;
    const fileId = await uploadEvidence(drafter!, apps[0]!.id);
    const body = { ...(await passDraft(drafter!, apps[0]!.id)), attachmentFileIds: [fileId] };
    const today = ctx.clock.today();
    const bad: [Record<string, unknown>, string][] = [
      [{ ...onSite(ctx.clock.day(1)) }, 'VISIT_DATE_IN_FUTURE'],
      [{ ...onSite(ctx.clock.day(-1)) }, 'VISIT_DATE_BEFORE_DRAW'],
      [{ ...onSite(today), place: '  ' }, 'VISIT_PLACE_REQUIRED'],
      [{ ...onSite(today), present: '' }, 'VISIT_PRESENT_REQUIRED'],
      [{ ...onSite(today), attachmentFileIds: [] }, 'EVIDENCE_REQUIRED'],
      [{ ...onSite(today), visitDate: '明天' }, 'VISIT_DATE_INVALID'],
    ];
    for (const [change, code] of bad) {
      const res = await drafter!.post(`/api/my/spot-checks/${apps[0]!.id}/result`, { ...body, ...change });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const { place: _omitted, ...noPlace } = { ...body, ...onSite(today) };
    const missing = await drafter!.post(`/api/my/spot-checks/${apps[0]!.id}/result`, noPlace);
    expect(missing.json().code).toBe('VISIT_PLACE_REQUIRED');
    expect(await resultRows(apps[0]!.id)).toBe(0);
    expect(await statusOf(db(), apps[0]!.id)).toBe('spot_check');
    expect(await myResult(drafter!, apps[0]!.id)).toBeNull();
  });
});

describe('the joint result (联合签字)', () => {
  it('one member cannot complete the result alone; when every member signed the application moves', async () => {
    const id = apps[0]!.id;
    const [drafter, colleague] = panels.get(id)!;
    const fileId = await uploadEvidence(drafter!, id);
    const drafted = await drafter!.post(`/api/my/spot-checks/${id}/result`, {
      ...(await passDraft(drafter!, id)),
      ...onSite(ctx.clock.today()),
      attachmentFileIds: [fileId],
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json().result).toMatchObject({
      status: 'draft',
      place: onSite('').place,
      present: onSite('').present,
      allowedActions: ['submit'],
    });
    // Only the drafter submits; nobody signs a draft.
    expect((await myResult(colleague!, id))!.allowedActions).toEqual([]);
    expect((await resultStep(colleague!, id, 'submit')).json().code).toBe(
      'SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED',
    );
    expect((await resultStep(drafter!, id, 'sign')).json().code).toBe('SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED');
    expect((await resultStep(drafter!, id, 'submit')).statusCode).toBe(200);

    const alone = await resultStep(drafter!, id, 'sign');
    expect(alone.statusCode, alone.body).toBe(200);
    expect(alone.json()).toMatchObject({
      status: 'spot_check',
      result: { status: 'signing', effective: false },
    });
    expect(alone.json().result.awaiting).toHaveLength(1);
    expect(await statusOf(db(), id)).toBe('spot_check');
    const twice = await resultStep(drafter!, id, 'sign');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED');
    // A stale version is refused and changes nothing.
    const version = (await myResult(colleague!, id))!.version;
    const stale = await colleague!.post(`/api/my/spot-checks/${id}/result/sign`, { version: version - 1 });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(await statusOf(db(), id)).toBe('spot_check');

    const last = await resultStep(colleague!, id, 'sign');
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({
      status: 'cleared',
      result: { status: 'agreed', effective: true, awaiting: [] },
    });
    expect(last.json().result.signatures.map((s: { kind: string }) => s.kind)).toEqual(['sign', 'sign']);
    expect(await statusOf(db(), id)).toBe('cleared');
    // The applicant's timeline shows the joint steps, then the move.
    const school = apps[0]!.org.session;
    const timeline = (await school.get(`/api/applications/${id}`)).json().timeline as {
      actionLabel: string;
    }[];
    expect(timeline.map((e) => e.actionLabel)).toEqual(
      expect.arrayContaining([
        '起草抽查复核结果',
        '抽查复核结果提交会签',
        '复核组成员签字确认',
        '抽查复核通过',
      ]),
    );
    const audited = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_log where target_id = ${id}
            and (action like 'spot_check.result_%' or action like 'application.spot_check_%') order by id`,
    );
    // The last signature is recorded with the move it caused.
    expect(audited.map((a) => a.action)).toEqual([
      'spot_check.result_drafted',
      'spot_check.result_submitted',
      'spot_check.result_signed',
      'application.spot_check_pass',
    ]);
  });

  it('records what the agreed pass rests on — its findings — as the reason in the audit trail', async () => {
    const id = apps[0]!.id;
    const audited = await queryRows<{ action: string; reason: string | null }>(
      db(),
      sql`select action, reason from audit_log where target_id = ${id}
            and action in ('spot_check.result_drafted', 'application.spot_check_pass') order by id`,
    );
    expect(audited).toEqual([
      { action: 'spot_check.result_drafted', reason: findings },
      { action: 'application.spot_check_pass', reason: findings },
    ]);
  });

  it('answers 404 to an inspector of another panel and to the province centre on the inspectors’ routes', async () => {
    const id = apps[1]!.id;
    const stranger = await outsider(id);
    const before = await signatureRows();
    for (const step of ['submit', 'sign', 'dissent'] as const) {
      const res = await stranger.post(`/api/my/spot-checks/${id}/result/${step}`, {
        version: 1,
        reason: '不同意',
      });
      expect(res.statusCode, step).toBe(404);
    }
    expect(
      (
        await stranger.post(`/api/my/spot-checks/${id}/result`, {
          ...(await passDraft(panels.get(id)![0]!, id)),
          ...onSite(ctx.clock.today()),
        })
      ).statusCode,
    ).toBe(404);
    expect((await province.post(`/api/my/spot-checks/${id}/result/sign`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect(await signatureRows()).toBe(before);
    expect(await resultRows(id)).toBe(0);
  });

  it('a dissent needs a reason, waits for the province centre, which decides with its reason', async () => {
    const id = apps[1]!.id;
    const [drafter, dissenter] = panels.get(id)!;
    const fileId = await uploadEvidence(drafter!, id);
    await drafter!.post(`/api/my/spot-checks/${id}/result`, {
      ...(await passDraft(drafter!, id)),
      ...onSite(ctx.clock.today()),
      attachmentFileIds: [fileId],
    });
    expect((await resultStep(drafter!, id, 'submit')).statusCode).toBe(200);
    expect((await resultStep(drafter!, id, 'sign')).statusCode).toBe(200);
    const before = await signatureRows();
    const noReason = await resultStep(dissenter!, id, 'dissent', '  ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('DISSENT_REASON_REQUIRED');
    expect(await signatureRows()).toBe(before);
    expect((await myResult(dissenter!, id))!.status).toBe('signing');

    const dissent = await resultStep(dissenter!, id, 'dissent', '现场未见视频监控回放，实操工位仅12个');
    expect(dissent.statusCode, dissent.body).toBe(200);
    expect(dissent.json()).toMatchObject({
      status: 'spot_check',
      result: { status: 'disputed', effective: false, allowedActions: [] },
    });
    expect(dissent.json().result.signatures).toContainEqual(
      expect.objectContaining({ kind: 'dissent', reason: '现场未见视频监控回放，实操工位仅12个' }),
    );
    expect(await statusOf(db(), id)).toBe('spot_check');

    const t = await target(id);
    expect(t.result).toMatchObject({ status: 'disputed', allowedActions: ['decide'] });
    const url = `/api/spot-checks/${drawId}/targets/${id}/decision`;
    const without = await province.post(url, { outcome: 'fail', version: t.result!.version });
    expect(without.statusCode).toBe(400);
    expect(without.json().code).toBe('DECISION_REASON_REQUIRED');
    expect(
      (await province.post(url, { outcome: 'fail', reason: '理由', version: t.result!.version - 1 })).json()
        .code,
    ).toBe('VERSION_CONFLICT');
    expect(
      (await bureau.post(url, { outcome: 'fail', reason: '理由', version: t.result!.version })).statusCode,
    ).toBe(404);
    expect(
      (await dissenter!.post(url, { outcome: 'fail', reason: '理由', version: t.result!.version }))
        .statusCode,
    ).toBe(404);
    expect(await statusOf(db(), id)).toBe('spot_check');

    const decided = await province.post(url, {
      outcome: 'fail',
      reason: '经调阅现场录像，实操工位不足国家职业技能标准要求',
      version: t.result!.version,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await statusOf(db(), id)).toBe('rejected');
    expect((await target(id)).result).toMatchObject({
      status: 'decided',
      outcome: 'fail',
      allowedActions: [],
      decision: { outcome: 'fail', reason: '经调阅现场录像，实操工位不足国家职业技能标准要求' },
    });
    // Decided once: a second decision is refused.
    const again = await province.post(url, {
      outcome: 'pass',
      reason: '改判',
      version: (await target(id)).result!.version,
    });
    expect(again.json().code).toBe('SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED');
    const letter = await apps[1]!.org.session.get(`/api/applications/${id}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(extractPdf(letter.rawPayload).text.replace(/\n/g, '')).toContain(
      '经调阅现场录像，实操工位不足国家职业技能标准要求',
    );
  });

  it('publishes (一公开) only once every result took effect, with the decided outcome', async () => {
    const id = apps[2]!.id;
    const members = panels.get(id)!;
    const detailVersion = async () => (await province.get(`/api/spot-checks/${drawId}`)).json().version;
    const early = await province.post(`/api/spot-checks/${drawId}/publish-results`, {
      version: await detailVersion(),
    });
    expect(early.json().code).toBe('SPOT_CHECK_RESULTS_INCOMPLETE');
    const ok = await agreeJointResult(members, id, await passDraft(members[0]!, id), ctx.clock.today());
    expect(ok.json().status).toBe('cleared');
    const res = await province.post(`/api/spot-checks/${drawId}/publish-results`, {
      version: await detailVersion(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const outcomes = (await ctx.app.inject({ method: 'GET', url: `/api/public/draws/${drawId}` })).json()
      .outcomes as { applicationNumber: string; outcome: string }[];
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ applicationNumber: apps[0]!.number, outcome: 'pass' }),
        expect.objectContaining({ applicationNumber: apps[1]!.number, outcome: 'fail' }),
        expect.objectContaining({ applicationNumber: apps[2]!.number, outcome: 'pass' }),
      ]),
    );
  });
});
