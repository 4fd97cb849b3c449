import { describe, expect, it } from 'vitest';
import {
  assertHumanCheckAnswer,
  HUMAN_CHECK_TTL_MS,
  humanCheckRefusal,
  makeArithmeticChallenge,
  normalizeHumanCheckAnswer,
} from '../../src/notice/human-check';

describe('arithmetic challenge', () => {
  it.each([
    [[0, 6, 4], '7 + 5 = ?', '12'],
    [[1, 0, 3], '10 - 4 = ?', '6'],
    [[2, 5, 7], '7 × 9 = ?', '63'],
  ])('bytes %j → %s', (bytes, question, answer) => {
    expect(makeArithmeticChallenge(new Uint8Array(bytes))).toEqual({ question, answer });
  });

  it('always has a whole answer from 0 to 81 whatever the bytes', () => {
    for (let a = 0; a < 256; a += 7)
      for (let b = 0; b < 256; b += 5)
        for (const op of [0, 1, 2]) {
          const c = makeArithmeticChallenge(new Uint8Array([op, a, b]));
          const n = Number(c.answer);
          expect(Number.isInteger(n) && n >= 0 && n <= 81, c.question).toBe(true);
        }
  });
});

describe('answers and refusals', () => {
  it.each([
    ['12', '12'],
    [' １２ ', '12'],
    ['012', '12'],
    ['twelve', ''],
    ['', ''],
  ])('%j → %j', (typed, normalized) => {
    expect(normalizeHumanCheckAnswer(typed)).toBe(normalized);
  });

  const now = new Date('2026-11-25T02:00:00Z');
  const fresh = { expiresAt: new Date(now.getTime() + HUMAN_CHECK_TTL_MS), usedAt: null };
  it.each([
    [null, 'HUMAN_CHECK_UNKNOWN'],
    [{ ...fresh, usedAt: now }, 'HUMAN_CHECK_USED'],
    [{ ...fresh, expiresAt: new Date(now.getTime() - 1) }, 'HUMAN_CHECK_EXPIRED'],
  ])('%j → %s', (record, code) => {
    const e = humanCheckRefusal(record, now);
    expect(e?.code).toBe(code);
    expect(e?.kind).toBe('invalid');
  });

  it('accepts a fresh unused challenge and refuses a wrong answer', () => {
    expect(humanCheckRefusal(fresh, now)).toBeNull();
    expect(() => assertHumanCheckAnswer(false)).toThrow('验证码答案不正确');
    expect(() => assertHumanCheckAnswer(true)).not.toThrow();
  });
});
