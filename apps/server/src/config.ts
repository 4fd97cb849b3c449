/** Configuration from the environment, read once at start-up. */
import { isIP } from 'node:net';
import path from 'node:path';
import { smtpSettingsFrom, type SmtpSettings } from './adapters/smtp-settings';
import { s3SettingsFrom, type S3Settings } from './adapters/s3-settings';
import { isRole, missingRequiredSecondFactorRoles, type Role } from '@skillcert/domain';

export type RunMode = 'demo' | 'production' | 'test';

export interface AppConfig {
  mode: RunMode;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded files go (local storage adapter); defaults to DATA_DIR/files. */
  filesDir: string | undefined;
  /** S3-compatible bucket for uploaded files; undefined → the local folder. */
  s3: S3Settings | undefined;
  /** Master key material for SM4 field encryption and HMAC-SM3 lookup macs (hex, 32 bytes). */
  fieldKeyHex: string;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  sessionIdleMinutes: number;
  bodyLimitBytes: number;
  rateLimitMultiplier: number;
  /**
   * Reverse proxies (IPs or CIDRs) whose X-Forwarded-For / X-Forwarded-Proto are believed. Empty by
   * default: the client address is the socket's, so nobody can pick the IP that rate limits, the login
   * lockout and the audit trail see by sending a header.
   */
  trustedProxies: string[];
  /**
   * Skip the human check (人机验证) of public objections — test and demo modes only (HUMAN_CHECK_BYPASS=true,
   * e.g. for browser walks); with NODE_ENV=production the setting is refused at start-up.
   */
  humanCheckBypass: boolean;
  /**
   * Roles whose accounts must pass a second factor (TOTP) at login. Production: the 三员 and province
   * staff at least (SECOND_FACTOR_ROLES may add roles, never drop those). Demo and test: none unless
   * set, so the demo accounts and the browser walks log in with the password alone — an account that
   * enrolled a factor is asked for it in every mode.
   */
  secondFactorRoles: Role[];
  /** SMTP server for e-mail notifications; undefined → e-mails are only logged. */
  smtp: SmtpSettings | undefined;
  /**
   * Delay of the scheduler's first run after start-up (SCHEDULER_FIRST_RUN_MS, default 10 s, so start-up
   * work comes first); later runs every five minutes.
   */
  schedulerFirstRunMs: number;
  webDistDir: string;
  version: string;
}

const DEV_FIELD_KEY = '736b696c6c636572742d6465762d6b65792d6e6f742d666f722d70726f642121';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode: RunMode =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'demo';
  const root = path.resolve(import.meta.dirname, '../../..');
  const fieldKeyHex = env.FIELD_KEY ?? (mode === 'production' ? '' : DEV_FIELD_KEY);
  if (!/^[0-9a-f]{64}$/i.test(fieldKeyHex)) {
    throw new Error('生产模式必须设置 FIELD_KEY（64 位十六进制，用于个人信息加密）');
  }
  const humanCheckBypass = /^(1|true|yes)$/i.test(env.HUMAN_CHECK_BYPASS ?? '');
  if (humanCheckBypass && mode === 'production') {
    throw new Error('生产模式不允许设置 HUMAN_CHECK_BYPASS（异议人机验证只能在测试、演示模式下跳过）');
  }
  const secondFactorRoles = parseSecondFactorRoles(env.SECOND_FACTOR_ROLES, mode);
  return {
    mode,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(root, 'data')),
    filesDir: env.FILES_DIR ? path.resolve(env.FILES_DIR) : undefined,
    s3: s3SettingsFrom(env),
    fieldKeyHex,
    argon2: {
      memoryCost: Number(env.ARGON2_MEMORY_KIB ?? 19456),
      timeCost: Number(env.ARGON2_TIME_COST ?? 2),
      parallelism: 1,
    },
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1024 * 1024),
    rateLimitMultiplier: Number(env.RATE_LIMIT_MULTIPLIER ?? 1),
    schedulerFirstRunMs: Number(env.SCHEDULER_FIRST_RUN_MS ?? 10_000),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    humanCheckBypass,
    secondFactorRoles,
    smtp: smtpSettingsFrom(env),
    webDistDir: path.join(root, 'apps/web/dist'),
    version: env.npm_package_version ?? '0.1.0',
  };
}

/** `TRUSTED_PROXIES=10.0.0.5,192.168.0.0/16`: every entry an IP address or a CIDR, else start-up fails. */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new Error(`TRUSTED_PROXIES 中的"${entry}"不是合法的 IP 地址或网段（如 10.0.0.5、10.0.0.0/8）`);
    }
  }
  return entries;
}

/** `SECOND_FACTOR_ROLES=province_center,city_center`: role codes; production keeps the level-3 minimum. */
export function parseSecondFactorRoles(value: string | undefined, mode: RunMode): Role[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  for (const entry of entries) {
    if (!isRole(entry) || entry === 'applicant')
      throw new Error(`SECOND_FACTOR_ROLES 中的"${entry}"不是工作人员角色代码`);
  }
  const roles = entries as Role[];
  // In production the list adds to the level-3 minimum; it can never drop a role from it.
  return mode === 'production' ? [...roles, ...missingRequiredSecondFactorRoles(roles)] : roles;
}
