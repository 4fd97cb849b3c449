/**
 * 人机验证 for anonymous objections (docs/domain.md §7 "with a server-side human check"): a small arithmetic
 * question drawn as a noisy picture by the server; the answer is kept hashed on the server, valid for
 * 10 minutes and for one attempt only (a wrong answer uses the challenge up too, so answers cannot be
 * tried one after another). The random bytes come from the caller.
 */
import { invalid } from '../errors';
import type { ErrorCode } from '../error-codes';

export const HUMAN_CHECK_TTL_MS = 10 * 60_000;

export interface ArithmeticChallenge {
  /** e.g. '7 + 5 = ?' (drawn as a picture, never sent as text). */
  question: string;
  answer: string;
}

const pick = (byte: number, min: number, max: number) => min + (byte % (max - min + 1));

/** A question whose answer is a whole number from 0 to 81; needs at least 3 random bytes. */
export function makeArithmeticChallenge(random: Uint8Array): ArithmeticChallenge {
  if (random.length < 3) throw new Error('arithmetic challenge needs 3 random bytes');
  const [r0, r1, r2] = [random[0]!, random[1]!, random[2]!];
  switch (r0 % 3) {
    case 0: {
      const a = pick(r1, 1, 20);
      const b = pick(r2, 1, 20);
      return { question: `${a} + ${b} = ?`, answer: String(a + b) };
    }
    case 1: {
      const a = pick(r1, 10, 30);
      const b = pick(r2, 1, a - 1);
      return { question: `${a} - ${b} = ?`, answer: String(a - b) };
    }
    default: {
      const a = pick(r1, 2, 9);
      const b = pick(r2, 2, 9);
      return { question: `${a} × ${b} = ?`, answer: String(a * b) };
    }
  }
}

/** Full-width digits and spaces as typed on a phone's Chinese keyboard; '' when not a number. */
export function normalizeHumanCheckAnswer(value: string): string {
  const compact = String(value ?? '')
    .normalize('NFKC')
    .replace(/\s/g, '');
  return /^-?\d{1,4}$/.test(compact) ? String(Number(compact)) : '';
}

export interface StoredHumanCheck {
  expiresAt: Date;
  usedAt: Date | null;
}

const refuse = (code: ErrorCode, message: string) =>
  invalid(code, message, [{ code, message, field: 'humanCheckAnswer' }]);

/**
 * Why a challenge cannot be used (400 with a stable code), or null when it can: unknown, already used
 * (single use), expired (10 minutes). The answer itself is compared by {@link assertHumanCheckAnswer}.
 */
export function humanCheckRefusal(record: StoredHumanCheck | null, now: Date) {
  if (!record) return refuse('HUMAN_CHECK_UNKNOWN', '验证码无效，请刷新验证码后重新输入');
  if (record.usedAt) return refuse('HUMAN_CHECK_USED', '验证码已使用过，请刷新验证码后重新输入');
  if (now.getTime() > record.expiresAt.getTime())
    return refuse('HUMAN_CHECK_EXPIRED', '验证码已过期（有效期10分钟），请刷新验证码后重新输入');
  return null;
}

export function assertHumanCheckAnswer(matches: boolean): void {
  if (!matches) throw refuse('HUMAN_CHECK_WRONG', '验证码答案不正确，请刷新验证码后重新输入');
}
