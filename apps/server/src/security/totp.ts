/**
 * TOTP (RFC 6238) through the kept `otpauth` library: 6 digits, 30-second steps, SHA-1 — what every
 * authenticator app reads from an otpauth:// URI (shown as a QR code by the client). A code of the step
 * before or after is accepted for clock drift; the caller refuses a step at or before the last accepted
 * one, so each code works once.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = '湖南省职业技能等级认定监管系统';
const PERIOD_SECONDS = 30;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totpOf = (secretBase32: string, label = 'user') =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

export const otpauthUri = (secretBase32: string, username: string): string =>
  totpOf(secretBase32, username).toString();

/** The time step the code belongs to (within ±1 step of now), or null when it is not a valid code. */
export function acceptedStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of a given instant — for tests and the command line, never sent by the server. */
export const totpCodeAt = (secretBase32: string, at: Date): string =>
  totpOf(secretBase32).generate({ timestamp: at.getTime() });

/** Ten recovery codes of 10 base32 characters (50 bits each), shown once, grouped for reading. */
export function newRecoveryCodes(count: number): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const normalizeRecoveryCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/** Recovery codes are kept only as keyed digests (the key is outside the database). */
export const recoveryCodeMac = (macKey: Buffer, code: string): string =>
  createHmac('sm3', macKey).update(normalizeRecoveryCode(code)).digest('hex');
