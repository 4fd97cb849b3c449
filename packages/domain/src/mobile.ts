/**
 * 手机号 (mainland mobile number) validator.
 *
 * Why: contact phones of applicants, experts and objectors (异议人) receive notices; a wrong number means a
 * missed 补正 or decision letter. Mainland numbers are 11 digits starting 13–19 (工信部 numbering plan).
 * Phones are personal data: store encrypted, show masked (docs/domain.md §10, see ./mask).
 */
import type { ErrorDetail } from './errors';

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export interface MobileResult {
  valid: boolean;
  /** 11 digits with spaces, hyphens and a leading +86/86 removed. */
  normalized: string;
  errors: ErrorDetail[];
}

/** Strips what people type around a number: spaces, hyphens, a +86 / 0086 country prefix, full-width digits. */
export function normalizeMobile(value: string): string {
  const compact = String(value ?? '')
    .normalize('NFKC')
    .replace(/[\s-]/g, '');
  return compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
}

/** Validates a mainland mobile number. Never throws. */
export function validateMobile(value: string): MobileResult {
  const normalized = normalizeMobile(value);
  const valid = MOBILE_PATTERN.test(normalized);
  return {
    valid,
    normalized,
    errors: valid
      ? []
      : [{ code: 'MOBILE_INVALID', message: '手机号应为11位中国大陆手机号码，以13–19开头', field: 'mobile' }],
  };
}

export const isMobile = (value: string): boolean => validateMobile(value).valid;
