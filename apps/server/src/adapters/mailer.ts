/**
 * E-mail adapter. Development and demo log the message instead of sending it; a production SMTP
 * implementation plugs in behind the same interface (not configured yet).
 */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export const loggingMailer: Mailer = {
  async send(message) {
    console.log(`[邮件] 收件人 ${message.to}｜${message.subject}｜${message.text}`);
  },
};
