import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, stageDueDate } from '@skillcert/domain';
import { calendarOf } from './support/test-calendar';
import { extractPdf } from './support/pdf-text';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import {
  detail,
  newDraft,
  openRound,
  saveFacts,
  saveItems,
  submit,
  upload,
  uploadAllRequired,
  welderSchoolItem,
} from './support/filing-fixtures';

let ctx: TestContext;
let school: Session;
let center: Session;
let roundId: string;
let chainId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  roundId = (await openRound(ctx.app)).id;
  school = await loginAs(ctx.app, 'xx_admin');
  center = await loginAs(ctx.app, 'zz_zx'); // 株洲 city center: the school is in 株洲
  chainId = (await school.get('/api/dict/chains')).json()[0].id;
});
afterAll(async () => ctx.close());

async function submittedSchoolApplication(): Promise<string> {
  const id = await newDraft(school, roundId);
  await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
  await saveItems(school, id, [welderSchoolItem(chainId)]);
  await uploadAllRequired(school, id);
  const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
  const res = await submit(school, id, pre.warningCodes);
  if (res.statusCode !== 200) throw new Error(res.body);
  return id;
}

const allAccepted = (slots: { key: string }[]) =>
  slots.map((s) => ({ slotKey: s.key, verdict: 'accepted' as const }));

describe('verification by the city center (核验)', () => {
  let id: string;
  beforeAll(async () => {
    id = await submittedSchoolApplication();
  });

  it('lists the application in the city center inbox with a due date, not in another city', async () => {
    const todo = (await center.get('/api/inbox')).json();
    const item = todo.items.find((i: { id: string }) => i.id === id);
    // Submitted today: 10 working days counted from tomorrow.
    const due = stageDueDate(await calendarOf(ctx.database.db), ctx.clock.today(), 10).dueDate;
    expect(item).toMatchObject({
      statusLabel: '已提交',
      dueDate: due,
      overdue: false,
      occupations: ['焊工'],
    });
    const changsha = await loginAs(ctx.app, 'cs_zx');
    expect((await changsha.get('/api/inbox')).json().items.some((i: { id: string }) => i.id === id)).toBe(
      false,
    );
    expect(
      (
        await changsha.post(`/api/applications/${id}/verify`, {
          outcome: 'pass',
          slotVerdicts: [],
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a return without a comment and changes nothing', async () => {
    const d = await detail(center, id);
    const res = await center.post(`/api/applications/${id}/verify`, {
      outcome: 'return',
      slotVerdicts: [{ slotKey: 'expert_team', verdict: 'problem' }],
      version: d.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('RETURN_COMMENT_REQUIRED');
    expect((await detail(center, id)).status).toBe('submitted');
  });

  it('returns for correction: the applicant sees the comment, replaces the file and resubmits with history kept; the clock pauses', async () => {
    const d = await detail(center, id);
    const verdicts = allAccepted(d.materialSlots).map((v) =>
      v.slotKey === 'expert_team'
        ? { slotKey: 'expert_team', verdict: 'problem', comment: '专家名单缺少职称证明' }
        : v,
    );
    // Returned on the 3rd working day of its 10: 7 are left while the clock pauses.
    const calendar = await calendarOf(ctx.database.db);
    const returnDay = calendar.addWorkingDays(ctx.clock.day(1), 3).end;
    ctx.clock.setShanghai(returnDay);
    center = await loginAs(ctx.app, 'zz_zx');
    const returned = await center.post(`/api/applications/${id}/verify`, {
      outcome: 'return',
      slotVerdicts: verdicts,
      version: d.version,
    });
    expect(returned.statusCode).toBe(200);
    school = await loginAs(ctx.app, 'xx_admin');
    const seen = await detail(school, id);
    expect(seen).toMatchObject({
      statusLabel: '退回补正',
      returnComments: [{ slotKey: 'expert_team', comment: '专家名单缺少职称证明' }],
      stageDueDate: null,
      stageDaysRemaining: 7,
    });
    const messages = (await school.get('/api/messages')).json();
    expect(messages.items[0].title).toContain('退回补正');
    // The 退回补正通知书 lists each material's comment once.
    const letter = await school.get(`/api/applications/${id}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const letterText = extractPdf(letter.rawPayload).text.replace(/\s/g, '');
    expect(letterText).toContain('退回补正通知书');
    expect(letterText.split('专家名单缺少职称证明').length - 1).toBe(1);

    const old = seen.materials.find(
      (m: { slotKey: string; current: boolean }) => m.slotKey === 'expert_team' && m.current,
    );
    expect((await school.delete(`/api/applications/${id}/materials/${old.id}`)).statusCode).toBe(204);
    expect((await upload(school, id, 'expert_team')).statusCode).toBe(201);
    const resubmitDay = addDays(returnDay, 7); // a week later: the paused week does not count
    ctx.clock.setShanghai(resubmitDay);
    school = await loginAs(ctx.app, 'xx_admin');
    const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
    const res = await submit(school, id, pre.warningCodes);
    expect(res.statusCode).toBe(200);
    const after = await detail(school, id);
    expect(after.timeline.map((e: { toStatusLabel: string }) => e.toStatusLabel)).toEqual([
      '草稿',
      '已提交',
      '退回补正',
      '已提交',
    ]);
    expect(after.materials.filter((m: { slotKey: string }) => m.slotKey === 'expert_team')).toHaveLength(2);
    // The 7 working days left, counted from the day after the resubmission.
    expect(after.stageDueDate).toBe(stageDueDate(calendar, resubmitDay, 7).dueDate);
  });

  it('passes when every slot is accepted; a second verification is a wrong-state 409', async () => {
    center = await loginAs(ctx.app, 'zz_zx');
    const d = await detail(center, id);
    const incomplete = await center.post(`/api/applications/${id}/verify`, {
      outcome: 'pass',
      slotVerdicts: [],
      version: d.version,
    });
    expect(incomplete.json().code).toBe('VERIFICATION_INCOMPLETE');
    const passed = await center.post(`/api/applications/${id}/verify`, {
      outcome: 'pass',
      slotVerdicts: allAccepted(d.materialSlots),
      version: d.version,
    });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().statusLabel).toBe('已核验');
    const again = await center.post(`/api/applications/${id}/verify`, {
      outcome: 'pass',
      slotVerdicts: allAccepted(d.materialSlots),
      version: passed.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRANSITION_NOT_ALLOWED');
    const done = (await center.get('/api/inbox/done')).json();
    expect(done.items.some((i: { id: string }) => i.id === id)).toBe(true);
  });

  it('the city bureau can send it back to the center with a reason (a logged backward move)', async () => {
    const bureau = await loginAs(ctx.app, 'zz_rsj');
    const d = await detail(bureau, id);
    expect(d.abilities.sendBack).toBe(true);
    const noReason = await bureau.post(`/api/applications/${id}/send-back`, {
      reason: '',
      version: d.version,
    });
    expect(noReason.statusCode).toBe(400);
    const back = await bureau.post(`/api/applications/${id}/send-back`, {
      reason: '场地证明与实际不符，请重新核验',
      version: d.version,
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().statusLabel).toBe('已提交');
    expect(back.json().timeline.at(-1)).toMatchObject({
      reason: '场地证明与实际不符，请重新核验',
      actorRole: 'city_bureau',
    });
  });

  it('rejects with a reason and notifies the applicant', async () => {
    const other = await submittedSchoolApplicationAfterWithdraw();
    center = await loginAs(ctx.app, 'zz_zx');
    const d = await detail(center, other);
    const noReason = await center.post(`/api/applications/${other}/verify`, {
      outcome: 'reject',
      slotVerdicts: [],
      version: d.version,
    });
    expect(noReason.json().code).toBe('REASON_REQUIRED');
    const rejected = await center.post(`/api/applications/${other}/verify`, {
      outcome: 'reject',
      slotVerdicts: [],
      reason: '申报单位不具备独立法人资格',
      version: d.version,
    });
    expect(rejected.json().statusLabel).toBe('不予通过');
  });
});

/** The school holds one open application per round: withdraw the current one first. */
async function submittedSchoolApplicationAfterWithdraw(): Promise<string> {
  school = await loginAs(ctx.app, 'xx_admin');
  const mine = (await school.get(`/api/applications?roundId=${roundId}`)).json().items as {
    id: string;
    status: string;
  }[];
  for (const a of mine.filter((x) => !['withdrawn', 'rejected'].includes(x.status))) {
    await school.post(`/api/applications/${a.id}/withdraw`, {
      version: (await detail(school, a.id)).version,
      reason: '重新申报',
    });
  }
  return submittedSchoolApplication();
}

describe('daily reminders (每日提醒)', () => {
  it('messages the city center about an overdue application once per day', async () => {
    const { runDueReminders } = await import('../src/scheduler/due-reminders');
    const id = await submittedSchoolApplicationAfterWithdraw();
    const due = (await detail(school, id)).stageDueDate as string;
    ctx.clock.set(`${due}T20:00:00Z`); // the next morning in Shanghai: overdue
    const sent: string[] = [];
    const mailer = { send: async (m: { subject: string }) => void sent.push(m.subject) };
    const first = await runDueReminders({ db: ctx.database.db, clock: ctx.clock, mailer });
    expect(first.ran).toBe(true);
    expect(first.reminded).toBeGreaterThan(0);
    // No demo account has an e-mail address: in-app messages only (mail-delivery.test.ts mails them).
    expect(sent).toEqual([]);
    const again = await runDueReminders({ db: ctx.database.db, clock: ctx.clock, mailer });
    expect(again).toMatchObject({ ran: false, reminded: 0 });
    center = await loginAs(ctx.app, 'zz_zx');
    const inbox = (await center.get('/api/inbox?overdue=true')).json();
    expect(inbox.items.find((i: { id: string }) => i.id === id)?.overdue).toBe(true);
    const messages = (await center.get('/api/messages')).json();
    expect(
      messages.items.some(
        (m: { title: string; link: string }) =>
          m.title.startsWith('【已超期】') && m.link === `/applications/${id}`,
      ),
    ).toBe(true);
  });
});
