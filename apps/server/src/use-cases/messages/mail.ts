/**
 * E-mail copies of in-app messages. Addresses are read inside the caller's transaction, the mail is sent
 * after it commits (`sendAfterCommit`), so a rolled-back change mails nobody and no transaction waits on
 * a mail server. Accounts without an e-mail address are skipped: their in-app message is all they get.
 */
import { and, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import type { MailMessage, Mailer } from '../../adapters/mailer';

export async function mailsTo(
  tx: Executor,
  userIds: string[],
  content: { subject: string; text: string },
): Promise<MailMessage[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.id, userIds), isNotNull(users.email), ne(users.email, '')));
  return rows.map((r) => ({ to: r.email!, ...content }));
}

/** Call only once the transaction that produced `mails` has committed. One at a time: jobs, not bursts. */
export async function sendAfterCommit(mailer: Mailer, mails: MailMessage[]): Promise<void> {
  for (const mail of mails) await mailer.send(mail);
}
