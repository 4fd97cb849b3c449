/**
 * 居民身份证号 (ID card number) validator, GB 11643-1999.
 *
 * Why: staff, experts and certificate candidates are identified by ID number; a typo would attach a
 * certificate to the wrong person (谁评价、谁发证、谁负责, 通知 §六(三)). Layout: 1–6 address code,
 * 7–14 birth date YYYYMMDD, 15–17 sequence (17th odd = male), 18 check (ISO 7064 MOD 11-2, docs/domain.md §8).
 * Only the 18-digit second-generation number is accepted: 15-digit first-generation cards stopped being
 * valid on 2013-01-01.
 */
import type { ErrorDetail } from './errors';
import { compareDates, isCalendarDate, type CalendarDate } from './calendar-date';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Gender = 'male' | 'female';

export interface IdCardResult {
  valid: boolean;
  /** Trimmed, upper-case 'X'. */
  normalized: string;
  errors: ErrorDetail[];
  /** Present when positions 7–14 are a real date. */
  birthDate?: CalendarDate;
  gender?: Gender;
}

export interface IdCardOptions {
  /** Today in Asia/Shanghai; when given, a birth date after it is refused. Injected, never read from a clock. */
  today?: CalendarDate;
}

/** Check character for the first 17 digits: "10X98765432"[Σ dᵢ·wᵢ mod 11]. */
export function computeIdCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeIdCardCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

const FIELD = 'idCardNumber';
const err = (code: string, message: string): ErrorDetail => ({ code, message, field: FIELD });

/** Validates a 18-digit 居民身份证号. Never throws; reports every problem in Chinese. */
export function validateIdCardNumber(value: string, options: IdCardOptions = {}): IdCardResult {
  const normalized = String(value ?? '')
    .normalize('NFKC')
    .trim()
    .toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(normalized)) {
    return {
      valid: false,
      normalized,
      errors: [err('ID_CARD_FORMAT', '身份证号应为18位：前17位为数字，最后一位为数字或X')],
    };
  }

  const errors: ErrorDetail[] = [];
  const digits = normalized.slice(6, 14);
  const birth = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  let birthDate: CalendarDate | undefined;
  if (!isCalendarDate(birth) || birth < '1800-01-01') {
    errors.push(err('ID_CARD_BIRTH_DATE', `身份证号中的出生日期"${digits}"不存在`));
  } else if (options.today !== undefined && compareDates(birth, options.today) > 0) {
    errors.push(err('ID_CARD_BIRTH_DATE', `身份证号中的出生日期"${digits}"晚于今天`));
  } else {
    birthDate = birth;
  }

  const expected = computeIdCardCheckChar(normalized.slice(0, 17));
  const actual = normalized.charAt(17);
  if (expected !== actual) {
    errors.push(
      err('ID_CARD_CHECK', `身份证号校验位错误：最后一位应为"${expected}"，实际为"${actual}"，请核对`),
    );
  }

  const gender: Gender = Number(normalized.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return {
    valid: errors.length === 0,
    normalized,
    errors,
    ...(birthDate !== undefined ? { birthDate, gender } : {}),
  };
}
