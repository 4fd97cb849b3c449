/**
 * E-mail through a real SMTP conversation: the daily reminder reaches an in-process SMTP server with the
 * staff member's address, the subject and the Chinese body; accounts without an address get no mail; a
 * server that refuses the first try gets the retry; a server that keeps refusing never fails the job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, loginChangingInitialPassword, type Session } from './support/http';
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
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';
import { decodeMail } from './support/mime';
import { runDueReminders } from '../src/scheduler/due-reminders';
import { withRetries } from '../src/adapters/mailer';
import { createSmtpMailer } from '../src/adapters/smtp-mailer';

const SMTP_AUTH = { user: 'tixing', password: 'Mail#2026' };
const FROM = 'noreply@skillcert.test';
const CENTER_EMAIL = 'sun.heyan@zzhrss.test';

let ctx: TestContext;
let smtp: SmtpTestServer;
let admin: Session;

beforeAll(async () => {
  smtp = await startSmtpTestServer(SMTP_AUTH);
  ctx = await createTestContext({
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ...SMTP_AUTH, from: FROM },
  });
  admin = await loginAs(ctx.app, 'admin');
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

async function userNamed(username: string) {
  return (await admin.get(`/api/admin/users?q=${username}`)).json().items[0];
}

async function overdueApplicationInZhuzhou(): Promise<{ id: string; number: string; due: string }> {
  const school = await loginAs(ctx.app, 'xx_admin');
  const roundId = (await openRound(ctx.app)).id;
  const chainId = (await school.get('/api/dict/chains')).json()[0].id;
  const id = await newDraft(school, roundId);
  await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
  await saveItems(school, id, [welderSchoolItem(chainId)]);
  await uploadAllRequired(school, id);
  const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
  const res = await submit(school, id, pre.warningCodes);
  if (res.statusCode !== 200) throw new Error(res.body);
  const d = await detail(school, id);
  return { id, number: d.number, due: d.stageDueDate };
}

describe('e-mail addresses on staff accounts', () => {
  it('the system admin sets, shows and clears an address; a malformed one is refused in Chinese', async () => {
    const target = await userNamed('zz_rsj');
    const bad = await admin.patch(`/api/admin/users/${target.id}`, {
      email: 'zhou@',
      version: target.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('电子邮箱格式不正确');
    expect((await userNamed('zz_rsj')).email).toBeNull();
    const set = await admin.patch(`/api/admin/users/${target.id}`, {
      email: 'zhou@zzhrss.test',
      version: target.version,
    });
    expect(set.statusCode).toBe(204);
    const after = await userNamed('zz_rsj');
    expect(after.email).toBe('zhou@zzhrss.test');
    expect(
      (await admin.patch(`/api/admin/users/${target.id}`, { email: '', version: after.version })).statusCode,
    ).toBe(204);
    expect((await userNamed('zz_rsj')).email).toBeNull();
  });
});

describe('daily reminder by SMTP', () => {
  it('mails the overdue reminder to the city center account with an address, decoded as Chinese text', async () => {
    const center = await userNamed('zz_zx');
    const created = await admin.patch(`/api/admin/users/${center.id}`, {
      email: CENTER_EMAIL,
      version: center.version,
    });
    expect(created.statusCode).toBe(204);
    // A colleague in the same center without an address: in-app message only.
    const colleague = await admin.post('/api/admin/users', {
      username: 'zz_zx_wuyouxiang',
      displayName: '株洲市鉴定中心 无邮箱',
      role: 'city_center',
      cityCode: '430200',
      password: 'Colleague#2026',
    });
    expect(colleague.statusCode).toBe(201);

    const app = await overdueApplicationInZhuzhou();
    ctx.clock.setShanghai(addDays(app.due, 1), '08:00:00'); // the morning after the due date: overdue
    const run = await runDueReminders(ctx.app.deps);
    expect(run.ran).toBe(true);

    const mine = smtp.received.filter((m) => decodeMail(m.raw).headers.subject?.includes(app.number));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual([CENTER_EMAIL]);
    expect(mine[0]!.from).toBe(FROM);
    const mail = decodeMail(mine[0]!.raw);
    expect(mail.headers.to).toBe(CENTER_EMAIL);
    expect(mail.headers.subject).toBe(`【已超期】${app.number} 株洲示例职业技术学院`);
    expect(mail.text).toBe(`该申请本环节办理时限为 ${app.due}，已超期，请尽快办理。`);
    // Nobody without an address was mailed; everything sent went to the one address on file.
    expect(smtp.received.every((m) => m.to.length === 1 && m.to[0] === CENTER_EMAIL)).toBe(true);
    // A new account changes its initial password before anything else.
    const { session: colleagueSession } = await loginChangingInitialPassword(
      ctx.app,
      'zz_zx_wuyouxiang',
      'Colleague#2026',
    );
    const inApp = (await colleagueSession.get('/api/messages')).json();
    expect(inApp.items.some((m: { title: string }) => m.title.includes(app.number))).toBe(true);
  });

  it('retries when the server refuses the first attempt, and the reminder still arrives', async () => {
    const sentBefore = smtp.received.length;
    const attemptsBefore = smtp.attempts;
    ctx.clock.advance(24 * 3_600_000); // the next day's run
    smtp.refuseNext = 1;
    const run = await runDueReminders(ctx.app.deps);
    expect(run.ran).toBe(true);
    const delivered = smtp.received.length - sentBefore;
    expect(delivered).toBeGreaterThan(0);
    // One refused attempt, then every message once.
    expect(smtp.attempts - attemptsBefore).toBe(delivered + 1);
    expect(smtp.refuseNext).toBe(0);
  });

  it('gives up after three tries, logs the failure and does not throw', async () => {
    const failures: string[] = [];
    const mailer = withRetries(
      createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, ...SMTP_AUTH, from: FROM }),
      { firstBackoffMs: 5, log: (line) => failures.push(line) },
    );
    const attemptsBefore = smtp.attempts;
    smtp.refuseNext = 5;
    await expect(
      mailer.send({ to: CENTER_EMAIL, subject: '测试', text: '邮件服务器持续拒收' }),
    ).resolves.toBeUndefined();
    expect(smtp.attempts - attemptsBefore).toBe(3);
    expect(failures).toEqual([`邮件发送失败（已尝试 3 次）：收件人 ${CENTER_EMAIL}｜测试`]);
    smtp.refuseNext = 0;
  });
});
