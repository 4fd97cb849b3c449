/**
 * Fields the expert pool (专家库) and the inspector pool (督导人员库) check the same way: the employer's
 * credit code (for the own-staff recusal), a mobile number (stored encrypted with its lookup mac) and the
 * city a member belongs to (a 市州 or the 省直 pseudo-city).
 */
import { eq } from 'drizzle-orm';
import { invalid, validateCreditCode, validateMobile } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { divisions } from '../../db/schema';
import type { FieldCrypto } from '../../security/field-crypto';

/** Units owned by the province apply at province level as this pseudo-city (docs/domain.md §2). */
export const PROVINCE_PSEUDO_CITY = '430000';

export function normalizeCreditCode(value: string, field: string): string {
  const r = validateCreditCode(value);
  if (!r.valid) {
    const message = r.errors[0]?.message ?? '统一社会信用代码不正确';
    throw invalid('CREDIT_CODE_INVALID', message, [{ code: 'CREDIT_CODE_INVALID', field, message }]);
  }
  return r.normalized;
}

export function normalizePhone(value: string): string {
  const r = validateMobile(value);
  if (!r.valid) {
    const message = r.errors[0]?.message ?? '手机号格式不正确';
    throw invalid('MOBILE_INVALID', message, [{ code: 'MOBILE_INVALID', field: 'phone', message }]);
  }
  return r.normalized;
}

/** Columns for an edited phone: unchanged (undefined), cleared (null) or encrypted with its mac. */
export function phoneColumns(crypto: FieldCrypto, phone: string | null | undefined) {
  if (phone === undefined) return {};
  if (phone === null) return { phoneEnc: null, phoneMac: null };
  return { phoneEnc: crypto.encrypt(phone), phoneMac: crypto.mac(phone) };
}

export async function assertPoolCity(tx: Executor, cityCode: string): Promise<void> {
  const [city] = await tx.select().from(divisions).where(eq(divisions.code, cityCode));
  if (!city || (city.level !== 'city' && cityCode !== PROVINCE_PSEUDO_CITY)) {
    throw invalid('DIVISION_INVALID', '所选市州不存在（省直单位请选择"430000 省直"）', [
      { code: 'DIVISION_INVALID', field: 'cityCode', message: '所选市州不存在' },
    ]);
  }
}
