/**
 * 每日提醒: staff get an in-app message for every application in their queue that is due tomorrow or
 * overdue. Runs once per calendar day (Asia/Shanghai); several server instances may call it, the
 * advisory lock and the recorded last run make only one of them do the work. Staff with an e-mail
 * address also get the reminder by e-mail, after the run has committed.
 */
import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { addDays, todayInShanghai } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import { applications, organizations, systemParameters } from '../db/schema';
import { appendAudit } from '../audit/audit-writer';
import { notifyUsers, staffOf } from '../use-cases/messages/messages';
import { mailsTo, sendAfterCommit } from '../use-cases/messages/mail';
import type { MailMessage } from '../adapters/mailer';
import { INBOX_STATES } from '../use-cases/verification/inbox';

const JOB_LOCK = 7_300_501;
const KEY = 'job:due_reminders';

export interface ReminderRun {
  ran: boolean;
  date: string;
  reminded: number;
}

export async function runDueReminders(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer'>): Promise<ReminderRun> {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const mails: MailMessage[] = [];
  const run = await deps.db.transaction(async (tx) => {
    const locked = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${JOB_LOCK}) as ok`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!locked.rows[0]?.ok) return { ran: false, date: today, reminded: 0 };
    const [last] = await tx.select().from(systemParameters).where(eq(systemParameters.key, KEY));
    if ((last?.value as { date?: string } | undefined)?.date === today)
      return { ran: false, date: today, reminded: 0 };
    let reminded = 0;
    for (const [role, states] of Object.entries(INBOX_STATES)) {
      const due = await tx
        .select({
          id: applications.id,
          number: applications.number,
          cityCode: applications.cityCode,
          dueDate: applications.stageDueDate,
          orgName: organizations.name,
        })
        .from(applications)
        .innerJoin(organizations, eq(organizations.id, applications.organizationId))
        .where(
          and(
            inArray(applications.status, states!),
            isNotNull(applications.stageDueDate),
            lte(applications.stageDueDate, addDays(today, 1)),
          ),
        )
        .limit(5000);
      for (const a of due) {
        const cityRole = role.startsWith('city_');
        const recipients = await staffOf(tx, [role], cityRole ? a.cityCode : null);
        const overdue = a.dueDate! < today;
        const title = `${overdue ? '【已超期】' : '【明日到期】'}${a.number ?? ''} ${a.orgName}`;
        const body = `该申请本环节办理时限为 ${a.dueDate}，${overdue ? '已超期，请尽快办理' : '将于明日到期'}。`;
        await notifyUsers(tx, recipients, { title, body, link: `/applications/${a.id}`, now });
        mails.push(...(await mailsTo(tx, recipients, { subject: title, text: body })));
        reminded += recipients.length;
      }
    }
    await tx
      .insert(systemParameters)
      .values({ key: KEY, value: { date: today, reminded }, updatedAt: now })
      .onConflictDoUpdate({
        target: systemParameters.key,
        set: { value: { date: today, reminded }, updatedAt: now },
      });
    await appendAudit(
      tx,
      { actor: null, actorLabel: '定时任务', action: 'job.due_reminders', after: { date: today, reminded } },
      now,
    );
    return { ran: true, date: today, reminded };
  });
  // E-mails go out after the commit, so a rolled-back run sends nothing.
  await sendAfterCommit(deps.mailer, mails);
  return run;
}
