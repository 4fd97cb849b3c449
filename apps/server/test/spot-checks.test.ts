/**
 * 抽查复核（双随机、一公开）(通知第五条第三款; docs/domain.md §6; R11): the commitment (both pools and the
 * recusals frozen and hashed, the seed's hash public, the seed secret), the separate draw (seed and result
 * published, applications moved, withdrawn ones skipped), voids and replacements as new logged draws,
 * the inspectors' scope and locked results, publication of the results, the public pages (codes only)
 * and `verify-draw`. Every refusal is checked to change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { multipart } from './support/multipart';
import { extractPdf } from './support/pdf-text';
import { openRoundId, statusOf } from './support/province-fixtures';
import {
  agreeJointResult,
  createTestInspector,
  onSite,
  resultStep,
  stagedApplication,
  versionOf,
  type CreatedInspector,
  type StagedApplication,
} from './support/spot-check-fixtures';
import { publicDrawDetail } from '../src/use-cases/spot-checks/public-draws';
import { runVerifyDraw, type VerifyDrawSources } from '../src/use-cases/spot-checks/verify-draw';

let ctx: TestContext;
let province: Session; // sjzx
let bureau: Session; // srst
let city: Session; // cs_zx
let cityBureau: Session; // cs_rsj
let auditor: Session;
let roundId: string;
const apps: StagedApplication[] = [];
const inspectors: Record<string, CreatedInspector> = {};
const INSPECTOR_NAMES = [
  '长沙督导甲',
  '株洲督导乙',
  '湘潭督导丙',
  '衡阳督导丁',
  '岳阳督导戊',
  '省直督导己',
  '常德督导庚',
];
const INSPECTOR_PHONES = [
  '13900000001',
  '13900000002',
  '13900000003',
  '13900000004',
  '13900000005',
  '13900000006',
  '13900000007',
];
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 1),
]);

const db = () => ctx.database.db;
const pdfText = (body: Buffer) => extractPdf(body).text.replace(/\n/g, '');
const anon = (url: string) => ctx.app.inject({ method: 'GET', url });

interface Draw {
  id: string;
  number: string;
  status: string;
  version: number;
  seed: string | null;
  seedHash: string;
  targetPool: { applicationNumber: string }[];
  inspectorPool: { code: string }[];
  recusals: { applicationNumber: string; inspectorCode: string; rule: string }[];
  result: {
    selected: { applicationNumber: string; inspectorCodes: string[] }[];
    notSelected: string[];
    skipped: { applicationNumber: string; status: string }[];
  } | null;
  targets: {
    applicationId: string;
    applicationNumber: string;
    status: string;
    panel: { inspectorId: string; code: string; status: string }[];
    result: unknown;
  }[];
  abilities: Record<string, boolean>;
  replacesDrawId: string | null;
  resultsPublishedAt: string | null;
}

const detail = async (id: string): Promise<Draw> => (await province.get(`/api/spot-checks/${id}`)).json();
const drawCount = () => queryCount(db(), sql`select count(*)::int as n from spot_check_draws`);

const sources = (): VerifyDrawSources => ({
  fromDatabase: (id) => publicDrawDetail(db(), id),
  async fetchJson(url) {
    const res = await anon(new URL(url).pathname);
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
    return res.json();
  },
});

const byCode = (code: string) => Object.values(inspectors).find((i) => i.code === code)!;

beforeAll(async () => {
  ctx = await createTestContext();
  [province, bureau, city, cityBureau, auditor] = (await Promise.all(
    ['sjzx', 'srst', 'cs_zx', 'cs_rsj', 'auditor'].map((u) => loginAs(ctx.app, u)),
  )) as [Session, Session, Session, Session, Session];
  // This file builds its own pools: no demo draws, no demo applications in the spot-check stages,
  // and the demo inspectors retired.
  await db().execute(sql`delete from spot_check_results`);
  await db().execute(sql`delete from spot_check_assignments`);
  await db().execute(sql`delete from spot_check_draws`);
  await db().execute(
    sql`update applications set status = 'cleared' where status in ('spot_check_pool', 'spot_check')`,
  );
  await db().execute(sql`update inspectors set active = false, user_id = null`);
  roundId = await openRoundId(province);
  for (const [i, cityCode] of (
    ['430100', '430100', '430200', '430200', '430300', '430300'] as const
  ).entries()) {
    apps.push(
      await stagedApplication(ctx.app, db(), cityCode, `抽查测试职业学院${i + 1}`, 'spot_check_pool'),
    );
  }
  const cities = ['430100', '430200', '430300', '430400', '430600', '430000', '430700'];
  for (const [i, name] of INSPECTOR_NAMES.entries()) {
    inspectors[`x${i + 1}`] = await createTestInspector(ctx.app, province, {
      name,
      cityCode: cities[i]!,
      phone: INSPECTOR_PHONES[i]!,
      // x2 works for the 湘潭 school apps[4]: recused from it as its own staff.
      ...(i === 1 ? { unitCreditCode: apps[4]!.org.creditCode, unit: apps[4]!.org.name } : {}),
    });
  }
  // x3 declared a conflict with the first 长沙 school.
  const x3 = await inspectors.x3!.login();
  const declared = await x3.post('/api/my/inspector-conflicts', {
    creditCode: apps[0]!.org.creditCode,
    reason: '本人曾在该校兼职授课',
  });
  if (declared.statusCode !== 200) throw new Error(declared.body);
  // A retired inspector is not in the pool.
  inspectors.retired = await createTestInspector(ctx.app, province, {
    name: '已停用督导',
    cityCode: '430800',
  });
  const retired = (await province.get(`/api/inspectors?q=已停用督导`)).json().items[0];
  await province.patch(`/api/inspectors/${retired.id}`, { active: false, version: retired.version });
}, 180_000);
afterAll(async () => ctx?.close());

describe('commitment (承诺)', () => {
  it('refuses to draw without a commitment', async () => {
    const res = await province.post('/api/spot-checks/00000000-0000-4000-8000-000000000000/draw', {
      version: 1,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const preview = (await province.get(`/api/spot-checks/preview?roundId=${roundId}`)).json();
    expect(preview).toMatchObject({ poolSize: 6, sampleSize: 2, inspectorPoolSize: 7, openCommitment: null });
    expect(preview.params).toEqual({ sampleRatioPercent: 20, inspectorsPerTarget: 2, sameCityRecusal: true });
  });

  it('refuses a commitment that could not be drawn, with the numbers, and stores nothing', async () => {
    const tooFew = await province.post('/api/spot-checks', { roundId, inspectorsPerTarget: 6 });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().code).toBe('SPOT_CHECK_POOL_TOO_SMALL');
    // The first 长沙 school: 7 − x1 (same city) − x3 (declared conflict) = 5.
    expect(tooFew.json().message).toContain(`${apps[0]!.number}（回避后仅5人）`);
    expect(tooFew.json().details).toContainEqual(expect.objectContaining({ field: apps[0]!.number }));

    expect((await province.post('/api/spot-checks', { roundId, sampleRatioPercent: 0 })).statusCode).toBe(
      400,
    );
    expect((await province.post('/api/spot-checks', { roundId, inspectorsPerTarget: 1 })).statusCode).toBe(
      400,
    );
    const unknown = await province.post('/api/spot-checks', {
      roundId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const draft = await province.post('/api/rounds', {
      title: '下一批紧缺职业评价机构征集',
      noticeText: '根据湘人社通知，现征集紧缺职业（工种）职业技能等级认定评价机构。',
      windowStart: ctx.clock.day(90),
      windowEnd: ctx.clock.day(120),
    });
    const empty = await province.post('/api/spot-checks', { roundId: draft.json().id });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('SPOT_CHECK_POOL_EMPTY');
    expect(await drawCount()).toBe(0);
  });

  it('answers 404 to city staff, the province bureau and inspectors calling province actions', async () => {
    const x1 = await inspectors.x1!.login();
    for (const s of [city, cityBureau, bureau, x1]) {
      expect((await s.post('/api/spot-checks', { roundId })).statusCode).toBe(404);
      expect(
        (
          await s.put('/api/spot-checks/policy', {
            sampleRatioPercent: 50,
            inspectorsPerTarget: 2,
            sameCityRecusal: true,
          })
        ).statusCode,
      ).toBe(404);
      expect((await s.get(`/api/spot-checks/preview?roundId=${roundId}`)).statusCode).toBe(404);
    }
    for (const s of [city, cityBureau, x1]) expect((await s.get('/api/spot-checks')).statusCode).toBe(404);
    expect((await bureau.get('/api/spot-checks')).statusCode).toBe(200);
    expect((await auditor.get('/api/spot-checks')).statusCode).toBe(200);
    expect(await drawCount()).toBe(0);
  });

  let firstId: string;

  it('freezes both pools and the recusals, publishes the hashes at once and keeps the seed secret', async () => {
    const res = await province.post('/api/spot-checks', { roundId, sampleRatioPercent: 40 });
    expect(res.statusCode, res.body).toBe(201);
    firstId = res.json().id;
    expect(res.json().number).toMatch(/^CC\d{4}-\d{2}$/);
    const d = await detail(firstId);
    expect(d.status).toBe('committed');
    expect(d.seed).toBeNull();
    expect(d.result).toBeNull();
    expect(d.targetPool.map((t) => t.applicationNumber)).toEqual(apps.map((a) => a.number).sort());
    expect(d.inspectorPool.map((i) => i.code)).not.toContain(inspectors.retired!.code);
    expect(d.inspectorPool).toHaveLength(7);
    const rules = d.recusals.map((r) => [r.applicationNumber, r.inspectorCode, r.rule]);
    expect(rules).toContainEqual([apps[0]!.number, inspectors.x1!.code, 'same_city']);
    expect(rules).toContainEqual([apps[0]!.number, inspectors.x3!.code, 'declared_conflict']);
    expect(rules).toContainEqual([apps[4]!.number, inspectors.x2!.code, 'own_staff']);
    expect(d.abilities).toMatchObject({ draw: true, void: true, publish: false });
    const [row] = await queryRows<{ seed: string }>(
      db(),
      sql`select seed from spot_check_draws where id = ${firstId}`,
    );
    expect(row!.seed).toMatch(/^[0-9a-f]{64}$/);

    // Public without login, immediately: the commitment, codes only, no seed.
    const pub = await anon(`/api/public/draws/${firstId}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      status: 'committed',
      seed: null,
      result: null,
      outcomes: null,
      seedHash: d.seedHash,
      params: { kind: 'round', sampleRatioPercent: 40, poolSize: 6, sampleSize: 3, inspectorsPerTarget: 2 },
    });
    expect(pub.body).not.toContain(row!.seed);
    for (const s of [
      ...INSPECTOR_NAMES,
      ...INSPECTOR_PHONES,
      '本人曾在该校兼职授课',
      ...apps.map((a) => a.org.name),
    ])
      expect(pub.body, s).not.toContain(s);
    expect((await runVerifyDraw([firstId], sources())).exitCode).toBe(0);

    const again = await province.post('/api/spot-checks', { roundId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SPOT_CHECK_COMMITMENT_OPEN');
  });

  it('voids a commitment with a public reason (seed published) and commits anew naming it', async () => {
    const v = (await detail(firstId)).version;
    const phone = await province.post(`/api/spot-checks/${firstId}/void`, {
      version: v,
      reason: '联系13900000003后发现名单有误',
    });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().code).toBe('PUBLIC_TEXT_PERSONAL_DATA');
    const name = await province.post(`/api/spot-checks/${firstId}/void`, {
      version: v,
      reason: `${INSPECTOR_NAMES[3]}已退休`,
    });
    expect(name.json().code).toBe('PUBLIC_TEXT_PERSONAL_DATA');
    const stale = await province.post(`/api/spot-checks/${firstId}/void`, {
      version: v + 1,
      reason: '督导人员库待更新',
    });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await detail(firstId)).status).toBe('committed');

    const voided = await province.post(`/api/spot-checks/${firstId}/void`, {
      version: v,
      reason: '督导人员库待更新，重新承诺',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'void', voided: { reason: '督导人员库待更新，重新承诺' } });
    expect(voided.json().seed).toMatch(/^[0-9a-f]{64}$/);
    const verify = await runVerifyDraw([firstId], sources());
    expect(verify.exitCode).toBe(0);
    expect(verify.lines.join('\n')).toContain('已作废');
    const drawVoid = await province.post(`/api/spot-checks/${firstId}/draw`, { version: v + 1 });
    expect(drawVoid.statusCode).toBe(409);
    expect(drawVoid.json().code).toBe('SPOT_CHECK_DRAW_VOID');

    const noReason = await province.post('/api/spot-checks', { roundId, sampleRatioPercent: 40 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('DRAW_REASON_REQUIRED');
    const anew = await province.post('/api/spot-checks', {
      roundId,
      sampleRatioPercent: 40,
      reason: '督导人员库更新后重新承诺',
    });
    expect(anew.statusCode, anew.body).toBe(201);
    const d = await detail(anew.json().id);
    expect(d.replacesDrawId).toBe(firstId);
    expect((await anon(`/api/public/draws/${anew.json().id}`)).json()).toMatchObject({
      replacesNumber: (await detail(firstId)).number,
      reason: '督导人员库更新后重新承诺',
    });
  });
});

describe('the draw (抽取)', () => {
  let drawId: string;
  let d: Draw;
  let withdrawn: StagedApplication;

  it('skips an application withdrawn after the commitment, draws once and moves the others', async () => {
    drawId = (await province.get(`/api/spot-checks?roundId=${roundId}&status=committed`)).json().items[0].id;
    withdrawn = apps[5]!;
    const w = await withdrawn.org.session.post(`/api/applications/${withdrawn.id}/withdraw`, {
      version: await versionOf(db(), withdrawn.id),
    });
    expect(w.statusCode, w.body).toBe(200);

    const v = (await detail(drawId)).version;
    const stale = await province.post(`/api/spot-checks/${drawId}/draw`, { version: v + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(await queryCount(db(), sql`select count(*)::int as n from spot_check_assignments`)).toBe(0);

    const res = await province.post(`/api/spot-checks/${drawId}/draw`, { version: v });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d.status).toBe('drawn');
    expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(d.result!.selected).toHaveLength(3);
    expect(d.result!.notSelected).toHaveLength(3);
    expect(d.result!.skipped).toEqual([
      expect.objectContaining({ applicationNumber: withdrawn.number, status: 'withdrawn' }),
    ]);
    const skipped = withdrawn.number;
    for (const s of d.result!.selected) {
      const app = apps.find((a) => a.number === s.applicationNumber)!;
      expect(await statusOf(db(), app.id)).toBe(s.applicationNumber === skipped ? 'withdrawn' : 'spot_check');
      expect(new Set(s.inspectorCodes).size).toBe(2);
    }
    for (const n of d.result!.notSelected) {
      const app = apps.find((a) => a.number === n)!;
      expect(await statusOf(db(), app.id)).toBe(n === skipped ? 'withdrawn' : 'cleared');
    }
    const live = d.result!.selected.filter((s) => s.applicationNumber !== skipped).length;
    expect(
      await queryCount(
        db(),
        sql`select count(*)::int as n from spot_check_assignments where status = 'assigned'`,
      ),
    ).toBe(2 * live);
    expect(d.targets.filter((t) => t.status === 'spot_check')).toHaveLength(live);
    const [event] = await queryRows<{ actor_role: string; action: string }>(
      db(),
      sql`select actor_role, action from application_events where application_id = ${apps[0]!.id} order by id desc limit 1`,
    );
    expect(event!.actor_role).toBe('province_center');
    expect(['draw_selected', 'draw_not_selected']).toContain(event!.action);
    expect(
      await queryCount(
        db(),
        sql`select count(*)::int as n from audit_log where action = 'spot_check.drawn' and target_id = ${drawId}`,
      ),
    ).toBe(1);
  });

  it('never draws a recused inspector for the target it is recused from', async () => {
    const recused = new Set(d.recusals.map((r) => `${r.applicationNumber}|${r.inspectorCode}`));
    expect(recused.size).toBeGreaterThanOrEqual(6 + 2); // same city for each target, plus own staff and conflict
    for (const s of d.result!.selected)
      for (const c of s.inspectorCodes)
        expect(recused.has(`${s.applicationNumber}|${c}`), `${s.applicationNumber} ${c}`).toBe(false);
  });

  it('never edits a drawn record: drawing again, voiding it and editing endpoints are refused', async () => {
    const before = await queryRows(
      db(),
      sql`select result, seed, target_pool, recusals from spot_check_draws where id = ${drawId}`,
    );
    const again = await province.post(`/api/spot-checks/${drawId}/draw`, { version: d.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SPOT_CHECK_ALREADY_DRAWN');
    const voidIt = await province.post(`/api/spot-checks/${drawId}/void`, {
      version: d.version,
      reason: '想重新抽取',
    });
    expect(voidIt.statusCode).toBe(409);
    expect(voidIt.json().code).toBe('SPOT_CHECK_ALREADY_DRAWN');
    const editing = ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api/spot-checks/:id') && ['PUT', 'PATCH', 'DELETE'].includes(r.method),
    );
    expect(editing).toEqual([]);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await province.request({
        method,
        url: `/api/spot-checks/${drawId}`,
        payload: { result: null },
      });
      expect(res.statusCode).toBe(404);
    }
    expect(
      await queryRows(
        db(),
        sql`select result, seed, target_pool, recusals from spot_check_draws where id = ${drawId}`,
      ),
    ).toEqual(before);
  });

  it('replays with verify-draw by id, number and URL, and detects a changed pool or result', async () => {
    const byId = await runVerifyDraw([drawId], sources());
    expect(byId.exitCode, byId.lines.join('\n')).toBe(0);
    expect(byId.lines.join('\n')).toMatch(/✓ 一致\s+抽取结果/);
    expect((await runVerifyDraw(['--', d.number], sources())).exitCode).toBe(0);
    const viaUrl = await runVerifyDraw(['--url', `http://127.0.0.1/api/public/draws/${drawId}`], sources());
    expect(viaUrl.exitCode).toBe(0);
    expect(viaUrl.replay!.checks.every((c) => c.ok === true)).toBe(true);
    // The public page's address, as copied from the browser, works too.
    const viaPage = await runVerifyDraw(['--url', `http://127.0.0.1/public/draws/${drawId}`], sources());
    expect(viaPage.exitCode, viaPage.lines.join('\n')).toBe(0);

    // One inspector code swapped in the stored pool: its hash no longer matches the commitment.
    const original = d.inspectorPool.map((i) => i.code);
    const swapped = original.map((c) => (c === inspectors.x4!.code ? 'DC9999' : c));
    await db().execute(
      sql`update spot_check_draws set inspector_pool = ${JSON.stringify(swapped)}::jsonb where id = ${drawId}`,
    );
    const tampered = await runVerifyDraw([drawId], sources());
    expect(tampered.exitCode).toBe(1);
    expect(tampered.lines.join('\n')).toMatch(/✗ 不一致\s+督导人员名单哈希/);
    await db().execute(
      sql`update spot_check_draws set inspector_pool = ${JSON.stringify(original)}::jsonb where id = ${drawId}`,
    );

    const [row] = await queryRows<{
      result: { selected: { applicationNumber: string; inspectorCodes: string[] }[] };
    }>(db(), sql`select result from spot_check_draws where id = ${drawId}`);
    const forged = structuredClone(row!.result);
    forged.selected[0]!.inspectorCodes.reverse();
    await db().execute(
      sql`update spot_check_draws set result = ${JSON.stringify(forged)}::jsonb where id = ${drawId}`,
    );
    expect((await runVerifyDraw([drawId], sources())).exitCode).toBe(1);
    await db().execute(
      sql`update spot_check_draws set result = ${JSON.stringify(row!.result)}::jsonb where id = ${drawId}`,
    );
    expect((await runVerifyDraw([drawId], sources())).exitCode).toBe(0);

    expect((await runVerifyDraw([], sources())).exitCode).toBe(2);
    expect((await runVerifyDraw(['CC1999-01'], sources())).exitCode).toBe(2);
  });

  it('lets an inspector read the applications they are drawn for, and nothing else (404)', async () => {
    const target = d.targets.find((t) => t.status === 'spot_check')!;
    const member = byCode(target.panel[0]!.code);
    const s = await member.login();
    const inbox = (await s.get('/api/messages')).json().items as { title: string; link: string | null }[];
    expect(inbox).toContainEqual(
      expect.objectContaining({ title: '您被抽中参加抽查复核', link: '/my/spot-checks' }),
    );
    const mine = (await s.get('/api/my/spot-checks')).json().items as {
      applicationId: string;
      canRecord: boolean;
    }[];
    expect(mine.map((m) => m.applicationId)).toContain(target.applicationId);
    // The inspector's home counts the open targets as tasks.
    const [tasks] = (await s.get('/api/home/stats')).json().cards;
    expect(tasks).toMatchObject({ key: 'assignments', label: '待抽查复核任务' });
    expect(tasks.value).toBe(mine.length);
    expect((await s.get(`/api/applications/${target.applicationId}`)).statusCode).toBe(200);
    const notMine = apps.find((a) => !mine.some((m) => m.applicationId === a.id))!;
    expect((await s.get(`/api/applications/${notMine.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/applications/${notMine.id}/province-reviews`)).statusCode).toBe(404);
    expect((await s.get('/api/applications')).statusCode).toBe(404);
    // An inspector drawn for nothing sees nothing.
    const idle = Object.values(inspectors).find(
      (i) => i !== inspectors.retired && !d.result!.selected.some((x) => x.inspectorCodes.includes(i.code)),
    );
    if (idle) {
      const t = await idle.login();
      expect((await t.get('/api/my/spot-checks')).json().items).toEqual([]);
      expect((await t.get('/api/home/stats')).json().cards[0].value).toBe(0);
      expect((await t.get(`/api/applications/${target.applicationId}`)).statusCode).toBe(404);
    }
  });
});

describe('replacement, results and publication', () => {
  let drawId: string;
  let d: Draw;
  let a: Draw['targets'][number]; // passes
  let b: Draw['targets'][number]; // an inspector is replaced, then fails

  beforeAll(async () => {
    drawId = (await province.get(`/api/spot-checks?roundId=${roundId}&status=drawn`)).json().items[0].id;
    d = await detail(drawId);
    [a, b] = d.targets.filter((t) => t.status === 'spot_check') as [typeof a, typeof b];
  });

  it('replaces an inspector who cannot attend by a new logged draw for that target', async () => {
    const leaving = b.panel[0]!;
    const staying = b.panel[1]!;
    const named = await province.post(`/api/spot-checks/${drawId}/replacements`, {
      applicationId: b.applicationId,
      inspectorIds: [leaving.inspectorId],
      reason: `${INSPECTOR_NAMES[0]}因病不能参加`,
    });
    expect(named.json().code).toBe('PUBLIC_TEXT_PERSONAL_DATA');
    const offPanel = Object.values(inspectors).find((i) => !b.panel.some((p) => p.code === i.code))!;
    const wrong = await province.post(`/api/spot-checks/${drawId}/replacements`, {
      applicationId: b.applicationId,
      inspectorIds: [offPanel.id],
      reason: '督导人员因公出差不能参加',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('REPLACE_INSPECTOR_UNKNOWN');
    const notTarget = d
      .result!.notSelected.map((n) => apps.find((x) => x.number === n)!)
      .find((x) => x !== apps[5])!;
    expect(
      (
        await province.post(`/api/spot-checks/${drawId}/replacements`, {
          applicationId: notTarget.id,
          inspectorIds: [leaving.inspectorId],
          reason: '督导人员因公出差不能参加',
        })
      ).statusCode,
    ).toBe(404);
    expect((await city.post(`/api/spot-checks/${drawId}/replacements`, {})).statusCode).toBe(404);

    const committed = await province.post(`/api/spot-checks/${drawId}/replacements`, {
      applicationId: b.applicationId,
      inspectorIds: [leaving.inspectorId],
      reason: '督导人员因公出差不能参加',
    });
    expect(committed.statusCode, committed.body).toBe(201);
    const pending = await province.post(`/api/spot-checks/${drawId}/replacements`, {
      applicationId: b.applicationId,
      inspectorIds: [staying.inspectorId],
      reason: '督导人员因公出差不能参加',
    });
    expect(pending.json().code).toBe('SPOT_CHECK_COMMITMENT_OPEN');

    const r = await detail(committed.json().id);
    expect(r).toMatchObject({ status: 'committed', replacesDrawId: drawId, seed: null });
    const rules = r.recusals.map((x) => [x.inspectorCode, x.rule]);
    expect(rules).toContainEqual([leaving.code, 'replaced']);
    expect(rules).toContainEqual([staying.code, 'on_panel']);
    // Until drawn the panel is unchanged.
    expect(
      (await detail(drawId)).targets.find((t) => t.applicationId === b.applicationId)!.panel,
    ).toHaveLength(2);

    const drawn = await province.post(`/api/spot-checks/${r.id}/draw`, { version: r.version });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const newcomer = drawn.json().result.selected[0].inspectorCodes[0] as string;
    expect([leaving.code, staying.code]).not.toContain(newcomer);
    expect(r.recusals.some((x) => x.inspectorCode === newcomer)).toBe(false);
    const panel = (await detail(drawId)).targets.find((t) => t.applicationId === b.applicationId)!.panel;
    expect(panel.map((p) => [p.code, p.status])).toEqual(
      expect.arrayContaining([
        [leaving.code, 'replaced'],
        [staying.code, 'assigned'],
        [newcomer, 'assigned'],
      ]),
    );
    // The replaced inspector no longer reaches the application; the newcomer does.
    expect(
      (await (await byCode(leaving.code).login()).get(`/api/applications/${b.applicationId}`)).statusCode,
    ).toBe(404);
    expect(
      (await (await byCode(newcomer).login()).get(`/api/applications/${b.applicationId}`)).statusCode,
    ).toBe(200);
    expect((await runVerifyDraw([r.id], sources())).exitCode).toBe(0);
    expect((await anon(`/api/public/draws/${r.id}`)).json()).toMatchObject({
      kind: 'replacement',
      reason: '督导人员因公出差不能参加',
      params: { kind: 'replacement', replacedInspectorCodes: [leaving.code] },
    });
  });

  it('drafts a target’s result once, signed by the whole panel: bad input, a stale version and strangers are refused', async () => {
    const member = await byCode(a.panel[0]!.code).login();
    const stranger = Object.values(inspectors).find(
      (i) => i !== inspectors.retired && !a.panel.some((p) => p.code === i.code),
    )!;
    const item = (
      (await member.get('/api/my/spot-checks')).json().items as {
        applicationId: string;
        scopeItems: { id: string }[];
      }[]
    ).find((x) => x.applicationId === a.applicationId)!.scopeItems[0]!.id;
    const version = await versionOf(db(), a.applicationId);

    const upload = await member.request({
      method: 'POST',
      url: `/api/my/spot-checks/${a.applicationId}/attachments`,
      ...multipart({}, [{ field: 'file', filename: '现场照片.png', content: PNG }]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as string;

    const findings = '现场实操工位20个，设备运行正常，视频监控可在线调阅，与申报材料一致。';
    const visit = { ...onSite(ctx.clock.today()), attachmentFileIds: [fileId] };
    const bad: [Record<string, unknown>, number, string][] = [
      [{ ...visit, outcome: 'fail', findings, version }, 400, 'REASON_REQUIRED'],
      [{ ...visit, outcome: 'pass', findings, items: [], version }, 400, 'SPOT_CHECK_ITEMS_INVALID'],
      [
        { ...visit, outcome: 'pass', findings, items: [{ scopeItemId: item, verdict: 'fail' }], version },
        400,
        'SPOT_CHECK_ITEMS_INVALID',
      ],
      [
        {
          ...visit,
          outcome: 'pass',
          findings: '太短',
          items: [{ scopeItemId: item, verdict: 'pass' }],
          version,
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          ...visit,
          outcome: 'pass',
          findings,
          items: [{ scopeItemId: item, verdict: 'pass' }],
          attachmentFileIds: ['00000000-0000-4000-8000-000000000000'],
          version,
        },
        400,
        'ATTACHMENT_UNKNOWN',
      ],
      [
        {
          ...visit,
          outcome: 'pass',
          findings,
          items: [{ scopeItemId: item, verdict: 'pass' }],
          version: version - 1,
        },
        409,
        'VERSION_CONFLICT',
      ],
    ];
    for (const [body, status, code] of bad) {
      const res = await member.post(`/api/my/spot-checks/${a.applicationId}/result`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code !== 'VALIDATION_FAILED') expect(res.json().code).toBe(code);
    }
    const other = await (
      await stranger.login()
    ).post(`/api/my/spot-checks/${a.applicationId}/result`, {
      ...visit,
      outcome: 'pass',
      findings,
      items: [{ scopeItemId: item, verdict: 'pass' }],
      version,
    });
    expect(other.statusCode).toBe(404);
    expect((await province.post(`/api/my/spot-checks/${a.applicationId}/result`, {})).statusCode).toBe(404);
    expect(await statusOf(db(), a.applicationId)).toBe('spot_check');
    expect(await queryCount(db(), sql`select count(*)::int as n from spot_check_results`)).toBe(0);

    const ok = await member.post(`/api/my/spot-checks/${a.applicationId}/result`, {
      ...visit,
      outcome: 'pass',
      findings,
      items: [{ scopeItemId: item, verdict: 'pass' }],
      version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // A draft moves nothing: the panel signs it first (通知§五(三): the result is joint).
    expect(ok.json()).toMatchObject({
      canRecord: false,
      status: 'spot_check',
      result: { status: 'draft', outcome: 'pass', allowedActions: ['submit'], visitDate: ctx.clock.today() },
    });
    expect(ok.json().result.attachments).toEqual([
      expect.objectContaining({ id: fileId, originalName: '现场照片.png' }),
    ]);
    expect(await statusOf(db(), a.applicationId)).toBe('spot_check');
    const colleague = await byCode(a.panel[1]!.code).login();
    expect((await resultStep(member, a.applicationId, 'submit')).statusCode).toBe(200);
    expect((await resultStep(member, a.applicationId, 'sign')).statusCode).toBe(200);
    expect(await statusOf(db(), a.applicationId)).toBe('spot_check');
    const signed = await resultStep(colleague, a.applicationId, 'sign');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'cleared', result: { status: 'agreed', effective: true } });
    expect(await statusOf(db(), a.applicationId)).toBe('cleared');

    // Locked: neither panel member can record again or add files.
    const again = await colleague.post(`/api/my/spot-checks/${a.applicationId}/result`, {
      ...visit,
      outcome: 'fail',
      findings,
      reason: '改判',
      version: await versionOf(db(), a.applicationId),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SPOT_CHECK_RESULT_LOCKED');
    const late = await colleague.request({
      method: 'POST',
      url: `/api/my/spot-checks/${a.applicationId}/attachments`,
      ...multipart({}, [{ field: 'file', filename: '补拍.png', content: PNG }]),
    });
    expect(late.statusCode).toBe(409);
    const file = await province.get(`/api/spot-checks/${drawId}/attachments/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(
      (await colleague.get(`/api/my/spot-checks/${a.applicationId}/attachments/${fileId}`)).statusCode,
    ).toBe(200);
  });

  it('refuses to publish the results until every drawn target has one', async () => {
    const v = (await detail(drawId)).version;
    const res = await province.post(`/api/spot-checks/${drawId}/publish-results`, { version: v });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SPOT_CHECK_RESULTS_INCOMPLETE');
    expect(res.json().message).toContain(b.applicationNumber);
    expect((await detail(drawId)).resultsPublishedAt).toBeNull();
    expect((await detail(drawId)).abilities.publish).toBe(false);
  });

  it('a failed spot check rejects the application with a decision letter citing the reason', async () => {
    const panel = (await detail(drawId)).targets.find((t) => t.applicationId === b.applicationId)!.panel;
    const members = await Promise.all(
      panel.filter((p) => p.status === 'assigned').map((p) => byCode(p.code).login()),
    );
    const res = await agreeJointResult(
      members,
      b.applicationId,
      {
        outcome: 'fail',
        findings: '现场仅有实操工位6个，联系人王某（13700001111）称其余设备外借。',
        reason: '实操场地与设备不满足国家职业技能标准要求',
        version: await versionOf(db(), b.applicationId),
      },
      ctx.clock.today(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await statusOf(db(), b.applicationId)).toBe('rejected');
    const [verdict] = await queryRows<{ verdict: string }>(
      db(),
      sql`select verdict from application_scope_items where application_id = ${b.applicationId}`,
    );
    expect(verdict!.verdict).toBe('rejected');
    const school = apps.find((x) => x.id === b.applicationId)!.org.session;
    const letter = await school.get(`/api/applications/${b.applicationId}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload);
    for (const s of ['抽查复核', '实操场地与设备不满足国家职业技能标准要求', '湖南省职业技能鉴定中心'])
      expect(text, s).toContain(s);
  });

  it('publishes the results (一公开) once, outcomes only, with no personal data in public', async () => {
    // Any other drawn target passes.
    for (const t of (await detail(drawId)).targets.filter((x) => x.status === 'spot_check')) {
      const members = await Promise.all(
        t.panel.filter((p) => p.status === 'assigned').map((p) => byCode(p.code).login()),
      );
      const member = members[0]!;
      const item = (
        (await member.get('/api/my/spot-checks')).json().items as {
          applicationId: string;
          scopeItems: { id: string }[];
        }[]
      )
        .find((x) => x.applicationId === t.applicationId)!
        .scopeItems.map((s) => ({ scopeItemId: s.id, verdict: 'pass' }));
      const ok = await agreeJointResult(
        members,
        t.applicationId,
        {
          outcome: 'pass',
          findings: '现场条件与申报材料一致，符合要求。',
          items: item,
          version: await versionOf(db(), t.applicationId),
        },
        ctx.clock.today(),
      );
      expect(ok.statusCode, ok.body).toBe(200);
    }
    expect((await detail(drawId)).abilities.publish).toBe(true);
    const v = (await detail(drawId)).version;
    expect(
      (await province.post(`/api/spot-checks/${drawId}/publish-results`, { version: v - 1 })).json().code,
    ).toBe('VERSION_CONFLICT');
    expect((await bureau.post(`/api/spot-checks/${drawId}/publish-results`, { version: v })).statusCode).toBe(
      404,
    );
    const res = await province.post(`/api/spot-checks/${drawId}/publish-results`, { version: v });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().resultsPublishedAt).not.toBeNull();
    expect(
      (await province.post(`/api/spot-checks/${drawId}/publish-results`, { version: v + 1 })).json().code,
    ).toBe('SPOT_CHECK_RESULTS_PUBLISHED');

    const pub = await anon(`/api/public/draws/${drawId}`);
    const outcomes = pub.json().outcomes as { applicationNumber: string; outcome: string }[];
    expect(outcomes).toContainEqual(
      expect.objectContaining({ applicationNumber: a.applicationNumber, outcome: 'pass' }),
    );
    expect(outcomes).toContainEqual(
      expect.objectContaining({ applicationNumber: b.applicationNumber, outcome: 'fail' }),
    );
    // Withdrawn before the draw: skipped, so it has no outcome.
    expect(outcomes.map((o) => o.applicationNumber)).not.toContain(apps[5]!.number);
    const list = await anon('/api/public/draws');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(await drawCount());
    for (const body of [pub.body, list.body]) {
      for (const s of [
        ...INSPECTOR_NAMES,
        ...INSPECTOR_PHONES,
        '13700001111',
        '王某',
        '现场仅有实操工位6个',
        '实操场地与设备不满足',
        '本人曾在该校兼职授课',
        '王审核',
        '湖南省某职业技能鉴定站',
        ...apps.map((x) => x.org.name),
      ])
        expect(body, s).not.toContain(s);
    }
    // The public read API is documented in the OpenAPI document.
    const doc = (await anon('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/public/draws', '/api/public/draws/{id}', '/api/spot-checks']),
    );
    expect((await anon('/api/public/draws/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anon('/api/public/draws/not-a-draw')).statusCode).toBe(404);
  });

  it('keeps the [policy] values editable by the province centre only', async () => {
    const bad = await province.put('/api/spot-checks/policy', {
      sampleRatioPercent: 0,
      inspectorsPerTarget: 2,
      sameCityRecusal: true,
    });
    expect(bad.statusCode).toBe(400);
    const ok = await province.put('/api/spot-checks/policy', {
      sampleRatioPercent: 30,
      inspectorsPerTarget: 3,
      sameCityRecusal: false,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await bureau.get('/api/spot-checks/policy')).json()).toEqual({
      sampleRatioPercent: 30,
      inspectorsPerTarget: 3,
      sameCityRecusal: false,
    });
  });
});

describe('rate limit', () => {
  it('throttles the public draw pages per client (429 in Chinese)', async () => {
    const strict = await createTestContext({ rateLimitMultiplier: 1 }, { demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 121; i++)
        codes.push((await strict.app.inject({ method: 'GET', url: '/api/public/draws' })).statusCode);
      expect(codes.slice(0, 120).every((c) => c === 200)).toBe(true);
      expect(codes[120]).toBe(429);
      const last = await strict.app.inject({ method: 'GET', url: '/api/public/draws?page=2' });
      expect(last.statusCode).toBe(429);
      expect(last.json().message).toMatch(/请求过于频繁/);
    } finally {
      await strict.close();
    }
  });
});
