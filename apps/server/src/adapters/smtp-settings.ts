/**
 * SMTP settings from the environment: `SMTP_URL` (smtp://user:password@host:587, smtps://… for implicit
 * TLS) or `SMTP_HOST` / `SMTP_PORT` / `SMTP_SECURE` / `SMTP_USER` / `SMTP_PASSWORD`, and `SMTP_FROM`.
 * Neither URL nor host → undefined, and the logging mailer stays in place.
 */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  /** The sender, e.g. `湖南省职业技能等级认定监管系统 <noreply@example.gov.cn>`. */
  from: string;
}

const isTrue = (v: string | undefined) => /^(1|true|yes)$/i.test(v ?? '');

export function smtpSettingsFrom(env: NodeJS.ProcessEnv): SmtpSettings | undefined {
  const url = env.SMTP_URL?.trim();
  const host = env.SMTP_HOST?.trim();
  if (!url && !host) return undefined;
  const from = env.SMTP_FROM?.trim();
  if (!from) throw new Error('设置了 SMTP_URL 或 SMTP_HOST 时必须同时设置 SMTP_FROM（发件人地址）');
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('SMTP_URL 格式不正确，应形如 smtp://用户名:密码@主机:587 或 smtps://…:465');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
      throw new Error('SMTP_URL 须以 smtp:// 或 smtps:// 开头');
    const secure = parsed.protocol === 'smtps:';
    return {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      from,
    };
  }
  const port = Number(env.SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port <= 0) throw new Error('SMTP_PORT 须为端口号');
  return {
    host: host!,
    port,
    secure: env.SMTP_SECURE === undefined ? port === 465 : isTrue(env.SMTP_SECURE),
    user: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD || undefined,
    from,
  };
}
