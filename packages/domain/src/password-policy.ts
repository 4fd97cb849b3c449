/**
 * 口令复杂度 (password policy) — 等保 2.0 三级 practice (docs/domain.md §10): at least 8 characters and at least
 * 3 of 4 character classes. Length and class count are system parameters set by security_admin, hence
 * the options; defaults are the baseline.
 */
import { invalid, type ErrorDetail } from './errors';

export interface PasswordPolicy {
  /** Minimum length; default 8. */
  minLength?: number;
  /** Minimum number of classes among 大写字母, 小写字母, 数字, 特殊符号; default 3. */
  minClasses?: number;
  /** The account name; a password equal to it (ignoring case) is refused. */
  username?: string;
}

const CLASSES: ReadonlyArray<{ name: string; test: (c: string) => boolean }> = [
  { name: '大写字母', test: (c) => c >= 'A' && c <= 'Z' },
  { name: '小写字母', test: (c) => c >= 'a' && c <= 'z' },
  { name: '数字', test: (c) => c >= '0' && c <= '9' },
  // Anything else printable counts as a symbol (incl. non-ASCII); whitespace does not.
  { name: '特殊符号', test: (c) => !/[A-Za-z0-9\s]/.test(c) },
];

/** Names of the character classes present in `password`, e.g. ['小写字母', '数字']. */
export function passwordClasses(password: string): string[] {
  const chars = [...password];
  return CLASSES.filter((cls) => chars.some(cls.test)).map((cls) => cls.name);
}

/**
 * Returns the reasons `password` is refused (empty when acceptable). Every message restates the rule,
 * so the user knows what to change without a separate hint.
 */
export function checkPasswordStrength(password: string, policy: PasswordPolicy = {}): ErrorDetail[] {
  const minLength = policy.minLength ?? 8;
  const minClasses = policy.minClasses ?? 3;
  if (
    !Number.isInteger(minLength) ||
    minLength < 1 ||
    !Number.isInteger(minClasses) ||
    minClasses < 1 ||
    minClasses > 4
  ) {
    throw invalid('PASSWORD_POLICY_INVALID', '口令策略参数无效：最小长度应为正整数，字符类别数应为1至4');
  }
  const errors: ErrorDetail[] = [];
  const length = [...password].length;
  const classes = passwordClasses(password);
  if (length < minLength || classes.length < minClasses) {
    errors.push({
      code: 'PASSWORD_WEAK',
      field: 'password',
      message:
        `密码至少${minLength}位，且包含大写字母、小写字母、数字、特殊符号中的至少${minClasses}类` +
        `（当前${length}位，包含${classes.length}类）`,
    });
  }
  const username = policy.username?.trim();
  if (username && password.trim().toLowerCase() === username.toLowerCase()) {
    errors.push({ code: 'PASSWORD_EQUALS_USERNAME', field: 'password', message: '密码不能与用户名相同' });
  }
  return errors;
}

/**
 * 口令历史: a new password may not repeat any of the account's last 5 passwords (the current one and
 * the 4 before it), so a forced change cannot be undone by changing straight back.
 */
export const PASSWORD_HISTORY_DEPTH = 5;

export const passwordReusedError = () =>
  invalid('PASSWORD_REUSED', `新口令不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的口令相同`);
