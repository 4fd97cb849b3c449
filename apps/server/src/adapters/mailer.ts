/**
 * E-mail adapter. Development and demo log the message instead of sending it (the default); with SMTP
 * settings the SMTP adapter (smtp-mailer.ts) sends it. Either way callers hand mail over only after their
 * transaction has committed, through `withRetries`, so a slow or failing mail server never holds a
 * transaction open and never turns a user's action into an error.
 */
export interface MailMessage {
  /** The recipient's address. */
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const loggingMailer: Mailer = {
  async send(message) {
    console.log(`[邮件] 收件人 ${message.to}｜${message.subject}｜${message.text}`);
  },
};

/** [policy] 3 tries, waiting 1 s then 2 s: rides out a mail server restart, bounded so a job ends. */
export const MAIL_TRIES = 3;
export const MAIL_FIRST_BACKOFF_MS = 1000;

export interface RetryOptions {
  tries?: number;
  firstBackoffMs?: number;
  /** Where a message that could not be delivered is reported. */
  log?: (line: string, error: unknown) => void;
}

/**
 * Tries each message up to `tries` times with doubling waits; a message that still fails is logged and
 * dropped (the in-app message written in the transaction remains the record), never thrown.
 */
export function withRetries(inner: Mailer, opts: RetryOptions = {}): Mailer {
  const tries = opts.tries ?? MAIL_TRIES;
  const firstBackoffMs = opts.firstBackoffMs ?? MAIL_FIRST_BACKOFF_MS;
  const log = opts.log ?? ((line, error) => console.error(line, error));
  return {
    async send(message) {
      for (let attempt = 1; ; attempt++) {
        try {
          await inner.send(message);
          return;
        } catch (error) {
          if (attempt >= tries) {
            log(`邮件发送失败（已尝试 ${tries} 次）：收件人 ${message.to}｜${message.subject}`, error);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, firstBackoffMs * 2 ** (attempt - 1)));
        }
      }
    },
  };
}
