/**
 * What the generated documents say (document-wording): they cite the notice the round implements by
 * its exact title (a field of the round), call a body 社会培训评价组织 only when it is filed for social
 * evaluation, and say "经…抽查复核" only of bodies that were in the spot-check sample.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { NOTICE_DOCUMENT_TITLE } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryRows } from './support/sql';
import { extractPdf } from './support/pdf-text';
import {
  firstChainId,
  openRoundId,
  registerSchool,
  submittedSchoolApplication,
} from './support/province-fixtures';
import { addScopeItem, passedNotice } from './support/filing-list-fixtures';

const EXACT = '《关于面向企业、技工院校等单位开展职业技能等级认定紧缺职业（工种）征集工作的通知》';

let ctx: TestContext;
let bureau: Session;
let center: Session;
let roundId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx.app, 'srst');
  center = await loginAs(ctx.app, 'sjzx');
  roundId = await openRoundId(center);
});
afterAll(async () => ctx.close());

const pdfText = (payload: Buffer) => extractPdf(payload).text.replace(/\s+/g, '');

/** Marks an application as drawn for the spot check (a carried-out draw naming it as a target). */
async function drawnForSpotCheck(applicationId: string) {
  const [user] = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select id from users where username = 'sjzx'`,
  );
  const [draw] = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`insert into spot_check_draws (number, round_id, algorithm_version, params, target_pool, target_pool_hash,
          inspector_pool, inspector_pool_hash, recusals, recusal_hash, seed_hash, status, committed_by, committed_at)
        values ('CC-WORDING-1', ${roundId}, 'test', '{}'::jsonb, '[]'::jsonb, 'h', '[]'::jsonb, 'h', '[]'::jsonb,
          'h', 'h', 'drawn', ${user!.id}, ${ctx.clock.now().toISOString()})
        returning id`,
  );
  await ctx.database.db.execute(
    sql`insert into spot_check_assignments (draw_id, application_id, inspector_id, assigned_at)
        values (${draw!.id}, ${applicationId}, ${user!.id}, ${ctx.clock.now().toISOString()})`,
  );
}

describe('the notice a round implements', () => {
  it('is a field of the round, defaulting to the exact title of the 2022-10-20 notice, without 《》', async () => {
    const round = (await center.get(`/api/rounds/${roundId}`)).json();
    expect(round.noticeDocumentTitle).toBe(NOTICE_DOCUMENT_TITLE);
    expect(`《${round.noticeDocumentTitle}》`).toBe(EXACT);
    // The demo round's own text cites it too.
    expect(round.noticeText).toContain(EXACT);
    const bracketed = await center.post('/api/rounds', {
      title: '书名号批次',
      noticeDocumentTitle: EXACT,
      noticeText: '测试通知正文内容足够长。',
      windowStart: ctx.clock.day(1),
      windowEnd: ctx.clock.day(30),
    });
    expect(bracketed.statusCode).toBe(400);
  });
});

describe('the documents of a notice and its 第N批', () => {
  let sampled: { name: string; creditCode: string; applicationId: string; session: Session };
  let plain: { name: string; creditCode: string; applicationId: string; session: Session };
  let noticeId: string;

  beforeAll(async () => {
    const chainId = await firstChainId(center);
    const a = await registerSchool(ctx.app, '430100', '长沙抽中技工学校');
    const b = await registerSchool(ctx.app, '430200', '株洲未抽中技工学校');
    sampled = { ...a, applicationId: await submittedSchoolApplication(a.session, roundId, chainId) };
    plain = { ...b, applicationId: await submittedSchoolApplication(b.session, roundId, chainId) };
    // The sampled school also applied for social evaluation of 焊工 (同步申报).
    await addScopeItem(ctx.database.db, sampled.applicationId, {
      occupationCode: '6-18-02-04',
      mode: 'social',
      levels: ['level5'],
    });
    await drawnForSpotCheck(sampled.applicationId);
    noticeId = await passedNotice(ctx.database.db, [sampled.applicationId, plain.applicationId]);
  });

  it('the public notice PDF cites the exact title and names the spot check only for the sampled body', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/notices/${noticeId}/pdf` });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`根据${EXACT}有关规定`);
    expect(text).toContain('经申报单位申请、市州推荐、省级评估（其中1家经实地抽查复核）');
    expect(text).not.toContain('《关于开展');
  });

  it('the 第N批 list cites it, is a list of 评价组织, and names the spot check only for the sampled body', async () => {
    const res = await bureau.post('/api/filing-lists', { noticeId });
    expect(res.statusCode, res.body).toBe(201);
    const sequence = res.json().sequence;
    const pdf = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/filing-lists/${sequence}/list.pdf`,
    });
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(`根据${EXACT}`);
    expect(text).toContain(`湖南省职业技能等级认定评价组织备案名单（第${sequence}批）`);
    expect(text).toContain('经市州推荐、省级评估和社会公示（其中1家经实地抽查复核）');
    expect(text).not.toContain('社会培训评价组织');
  });

  it('calls a body 社会培训评价组织 only when filed for social evaluation, and 抽查复核 only when sampled', async () => {
    const letter = async (s: typeof sampled) =>
      pdfText(
        (await s.session.get(`/api/applications/${s.applicationId}/filing-confirmation.pdf`)).rawPayload,
      );
    const social = await letter(sampled);
    expect(social).toContain('职业技能等级认定社会培训评价组织备案确认通知书');
    expect(social).toContain(`根据${EXACT}`);
    expect(social).toContain('经市州推荐、省级评估、实地抽查复核和社会公示');

    const self = await letter(plain);
    expect(self).toContain('职业技能等级认定院校自主评价机构备案确认通知书');
    expect(self).toContain(`根据${EXACT}`);
    expect(self).toContain('经市州推荐、省级评估和社会公示');
    expect(self).not.toContain('社会培训评价组织');
    expect(self).not.toContain('抽查复核');
  });
});
