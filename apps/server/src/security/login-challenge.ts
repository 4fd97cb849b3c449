/**
 * The token between the password step and the second-factor step of a login: it names the user, what
 * is asked (verify an enrolled factor, or enrol one first) and when it expires, and is MACed with a key
 * derived from FIELD_KEY — so it cannot be forged or stretched, and it opens no session by itself.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from '@skillcert/domain';

export type ChallengePurpose = 'verify' | 'enrol';
export const CHALLENGE_MINUTES = 5;

export interface LoginChallenge {
  userId: string;
  purpose: ChallengePurpose;
}

export function challengeKey(fieldKeyHex: string): Buffer {
  return createHmac('sm3', Buffer.from(fieldKeyHex, 'hex')).update('skillcert-login-challenge').digest();
}

const macOf = (key: Buffer, body: string) => createHmac('sm3', key).update(body).digest('base64url');

export function issueChallenge(key: Buffer, challenge: LoginChallenge, now: Date): string {
  const expires = now.getTime() + CHALLENGE_MINUTES * 60_000;
  const body = `${challenge.userId}.${challenge.purpose}.${expires}`;
  return `${body}.${macOf(key, body)}`;
}

export function readChallenge(key: Buffer, token: string, purpose: ChallengePurpose, now: Date): string {
  const expired = unauthenticated('LOGIN_CHALLENGE_INVALID', '登录验证已失效，请重新输入用户名和口令');
  const parts = token.split('.');
  if (parts.length !== 4) throw expired;
  const [userId = '', kind, expires = '', mac = ''] = parts;
  const expected = Buffer.from(macOf(key, `${userId}.${kind}.${expires}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw expired;
  if (kind !== purpose || !/^\d+$/.test(expires) || Number(expires) < now.getTime()) throw expired;
  return userId;
}
