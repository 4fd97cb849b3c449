/** SMTP e-mail adapter (nodemailer), selected when SMTP_URL or SMTP_HOST is set. */
import nodemailer from 'nodemailer';
import type { SmtpSettings } from './smtp-settings';
import type { Mailer } from './mailer';

/** [policy] A mail server that does not answer within 30 s counts as a failed try. */
const SMTP_TIMEOUT_MS = 30_000;

export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const timeouts = {
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  };
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    ...timeouts,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
