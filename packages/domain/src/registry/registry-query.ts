/**
 * 评价机构名录的查询条件 (docs/domain.md §7: search by name, credit code, occupation, level, mode, city and
 * status). Normalizes what a member of the public typed into criteria the store can answer with its
 * indexes, or refuses it with a stable code and a message that says how to fix it.
 */
import { invalid } from '../errors';
import { nameQuery, type NameQuery } from './name-tokens';

export const REGISTRY_NAME_QUERY_MAX = 50;

/** Characters of a 统一社会信用代码 (GB 32100-2015), for a partial code as typed. */
const CREDIT_CODE_CHARS = /^[0-9A-HJ-NPQRTUWXY]{1,18}$/;
/** Order of alphanumerics in every collation PostgreSQL uses (digits before letters). */
const ORDER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type CreditCodeCriterion =
  | { kind: 'exact'; code: string }
  /** Range [from, to) that holds every code starting with `prefix` (to = null: no upper bound). */
  | { kind: 'prefix'; prefix: string; from: string; to: string | null };

/**
 * The smallest alphanumeric string above every string that starts with `prefix`: the last character
 * increased, carrying over 'Z'. Expressed as a range, a prefix search can use the primary-key B-tree
 * under any collation (LIKE 'x%' needs the C collation or a pattern operator class).
 */
export function prefixUpperBound(prefix: string): string | null {
  const c = prefix.split('');
  while (c.length > 0) {
    const i = ORDER.indexOf(c[c.length - 1]!);
    if (i >= 0 && i < ORDER.length - 1) {
      c[c.length - 1] = ORDER[i + 1]!;
      return c.join('');
    }
    c.pop();
  }
  return null;
}

export function creditCodeCriterion(text: string): CreditCodeCriterion | null {
  const code = text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  if (code === '') return null;
  if (!CREDIT_CODE_CHARS.test(code)) {
    throw invalid(
      'REGISTRY_CREDIT_CODE_INVALID',
      '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），最多18位；可输入完整代码或开头几位',
    );
  }
  if (code.length === 18) return { kind: 'exact', code };
  return { kind: 'prefix', prefix: code, from: code, to: prefixUpperBound(code) };
}

export function registryNameCriterion(text: string): NameQuery | null {
  const q = nameQuery(text);
  if (q.text === '') return null;
  if (Array.from(q.text).length > REGISTRY_NAME_QUERY_MAX) {
    throw invalid('REGISTRY_NAME_TOO_LONG', `机构名称检索词不能超过${REGISTRY_NAME_QUERY_MAX}个字`);
  }
  return q;
}
