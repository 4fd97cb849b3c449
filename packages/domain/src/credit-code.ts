/**
 * 统一社会信用代码 (creditCode) validator, GB 32100-2015.
 *
 * Why: R1 (通知 §二(一)) requires an independent legal entity registered in Hunan; the credit code is the
 * organization's identity everywhere (notice, registry, certificates). Layout of the 18 characters:
 *   1    登记管理部门代码 (registration authority)   2    机构类别代码 (kind within that authority)
 *   3–8  登记管理机关行政区划码 (GB/T 2260 division)  9–17 主体标识码 (organization code)   18  校验码
 * The registration type is only a hint (docs/domain.md §3): the chosen city/county is authoritative.
 */
import type { ErrorDetail } from './errors';

/** 31 characters; I, O, Z, S, V are excluded to avoid confusion with 1, 0, 2, 5, U. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i-1) mod 31 for i = 1..17 (docs/domain.md §8). */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** registrationType (登记类型), docs/domain.md §3. */
export type RegistrationType =
  | 'enterprise'
  | 'public_institution'
  | 'private_non_enterprise'
  | 'social_group'
  | 'individual_business'
  | 'other';

interface RegistrationKind {
  type: RegistrationType;
  /** Chinese label shown as a hint beside the code. */
  label: string;
}

/**
 * GB 32100-2015 附录A 登记管理部门和机构类别代码, kept to what a 评价机构 applicant can plausibly be.
 * Anything else known to the standard maps to 'other'; unknown pairs give a hint, not an error,
 * because new 类别 have been added by later notices.
 */
const REGISTRATION_KINDS: Readonly<Record<string, RegistrationKind>> = {
  '11': { type: 'other', label: '机关' },
  '12': { type: 'public_institution', label: '事业单位' },
  '13': { type: 'social_group', label: '中央编办直接管理机构编制的群众团体' },
  '19': { type: 'other', label: '机构编制部门登记的其他机构' },
  '31': { type: 'other', label: '律师执业机构' },
  '32': { type: 'other', label: '公证处' },
  '33': { type: 'other', label: '基层法律服务所' },
  '34': { type: 'other', label: '司法鉴定机构' },
  '35': { type: 'other', label: '仲裁委员会' },
  '39': { type: 'other', label: '司法行政部门登记的其他机构' },
  '51': { type: 'social_group', label: '社会团体' },
  '52': { type: 'private_non_enterprise', label: '民办非企业单位（社会服务机构）' },
  '53': { type: 'other', label: '基金会' },
  '59': { type: 'other', label: '民政部门登记的其他机构' },
  '71': { type: 'other', label: '宗教活动场所' },
  '72': { type: 'other', label: '宗教院校' },
  '81': { type: 'other', label: '基层工会' },
  '91': { type: 'enterprise', label: '企业' },
  '92': { type: 'individual_business', label: '个体工商户' },
  '93': { type: 'other', label: '农民专业合作社' },
  A1: { type: 'public_institution', label: '军队事业单位' },
  N1: { type: 'other', label: '组级集体经济组织' },
  N2: { type: 'other', label: '村级集体经济组织' },
  N3: { type: 'other', label: '乡镇级集体经济组织' },
};

/** GB/T 2260 province-level prefixes (湖南 = 43). */
// prettier-ignore
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export interface CreditCodeResult {
  valid: boolean;
  /** Trimmed, full-width folded and upper-cased input (what to store when valid). */
  normalized: string;
  /** Positions 3–8 when they are 6 digits, else null. */
  divisionCode: string | null;
  /** Registered by a Hunan authority (division 43xxxx): R1's proxy, a mismatch with the chosen city is a warning. */
  inHunan: boolean;
  registrationType: RegistrationType | null;
  /** e.g. '企业', '事业单位'; null when the code is too short to tell. */
  kindHint: string | null;
  errors: ErrorDetail[];
}

/**
 * The check character (校验码) for the first 17 characters: 31 − (Σ cᵢ·wᵢ mod 31), with 31 → '0'.
 * Throws on input that is not 17 characters of the charset, since the result would be meaningless.
 */
export function computeCreditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('computeCreditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`character "${first17.charAt(i)}" is not in the credit-code charset`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

const FIELD = 'creditCode';
const err = (code: string, message: string): ErrorDetail => ({ code, message, field: FIELD });

/**
 * Validates a 统一社会信用代码. Never throws; `errors` carries every problem found, in Chinese, so a form
 * can show them all at once. Accepts lower case and full-width characters (pasted from Word/PDF).
 */
export function validateCreditCode(value: string): CreditCodeResult {
  const normalized = String(value ?? '')
    .normalize('NFKC')
    .trim()
    .toUpperCase();
  const errors: ErrorDetail[] = [];

  const kind = normalized.length >= 2 ? REGISTRATION_KINDS[normalized.slice(0, 2)] : undefined;
  const registrationType = normalized.length >= 2 ? (kind?.type ?? 'other') : null;
  const kindHint = normalized.length >= 2 ? (kind?.label ?? '未识别的登记管理部门/机构类别') : null;
  const divisionPart = normalized.slice(2, 8);
  const divisionCode = /^\d{6}$/.test(divisionPart) ? divisionPart : null;

  if (normalized.length === 0) {
    errors.push(err('CREDIT_CODE_REQUIRED', '请填写统一社会信用代码'));
  } else if (normalized.length !== 18) {
    errors.push(err('CREDIT_CODE_LENGTH', `统一社会信用代码应为18位，当前为${normalized.length}位`));
  }

  const badChars = [...new Set([...normalized].filter((c) => !CREDIT_CODE_CHARSET.includes(c)))];
  if (badChars.length > 0) {
    errors.push(
      err(
        'CREDIT_CODE_CHARSET',
        `统一社会信用代码含非法字符"${badChars.join('')}"：只能由数字和大写字母组成，且不含I、O、Z、S、V`,
      ),
    );
  }

  if (normalized.length === 18 && divisionCode === null) {
    errors.push(err('CREDIT_CODE_DIVISION', `第3至8位应为6位行政区划代码，当前为"${divisionPart}"`));
  } else if (divisionCode !== null && !isPlausibleDivision(divisionCode)) {
    errors.push(err('CREDIT_CODE_DIVISION', `第3至8位"${divisionCode}"不是有效的行政区划代码`));
  }

  if (normalized.length === 18 && badChars.length === 0) {
    const expected = computeCreditCodeCheckChar(normalized.slice(0, 17));
    const actual = normalized.charAt(17);
    if (expected !== actual) {
      errors.push(
        err(
          'CREDIT_CODE_CHECK',
          `统一社会信用代码校验位错误：第18位应为"${expected}"，实际为"${actual}"，请核对是否录入有误`,
        ),
      );
    }
  }

  return {
    valid: errors.length === 0,
    normalized,
    divisionCode,
    inHunan: divisionCode?.startsWith('43') ?? false,
    registrationType,
    kindHint,
    errors,
  };
}

/**
 * A known province prefix, or 100000 (registered by a national authority, e.g. 国家市场监管总局).
 * The full county list is reference data the caller checks; here only the shape is judged.
 */
function isPlausibleDivision(code: string): boolean {
  if (code === '100000') return true;
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return false;
  // Prefecture part 00 with a non-zero county part (e.g. 430012) does not exist in GB/T 2260.
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}
