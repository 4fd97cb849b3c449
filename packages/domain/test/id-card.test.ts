import { describe, expect, it } from 'vitest';
import { computeIdCardCheckChar, validateIdCardNumber } from '../src/id-card';

const codes = (r: ReturnType<typeof validateIdCardNumber>) => r.errors.map((e) => e.code);

describe('validateIdCardNumber (GB 11643, ISO 7064 MOD 11-2)', () => {
  it.each([
    // The two worked examples printed in GB 11643-1999.
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
    ['430103199001011234', '1990-01-01', 'male'],
    [`43010320240229002${computeIdCardCheckChar('43010320240229002')}`, '2024-02-29', 'female'],
  ])('%s is valid, born %s, %s', (id, birthDate, gender) => {
    expect(validateIdCardNumber(id)).toEqual({ valid: true, normalized: id, errors: [], birthDate, gender });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(validateIdCardNumber(' 11010519491231002x ')).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });

  it.each([
    ['', 'ID_CARD_FORMAT'],
    ['430103900101123', 'ID_CARD_FORMAT'], // 15-digit first-generation number
    ['43010319900101123', 'ID_CARD_FORMAT'],
    ['4301031990010112345', 'ID_CARD_FORMAT'],
    ['43010319900101123A', 'ID_CARD_FORMAT'],
    ['030103199001011234', 'ID_CARD_FORMAT'], // address codes never start with 0
  ])('%s → %s', (id, code) => {
    expect(codes(validateIdCardNumber(id))).toEqual([code]);
  });

  it('says which check character was expected', () => {
    const r = validateIdCardNumber('110105194912310021');
    expect(codes(r)).toEqual(['ID_CARD_CHECK']);
    expect(r.errors[0]?.message).toContain('最后一位应为"X"');
  });

  it.each(['19900230', '20230229', '19901301', '19900100'])(
    'refuses the non-existent birth date %s',
    (birth) => {
      const first17 = `430103${birth}123`;
      const r = validateIdCardNumber(first17 + computeIdCardCheckChar(first17));
      expect(codes(r)).toEqual(['ID_CARD_BIRTH_DATE']);
      expect(r.errors[0]?.message).toContain(`"${birth}"不存在`);
      expect(r.birthDate).toBeUndefined();
    },
  );

  it('refuses a birth date after the injected today, and only then', () => {
    const first17 = '43010320261126002';
    const id = first17 + computeIdCardCheckChar(first17);
    expect(codes(validateIdCardNumber(id, { today: '2026-11-25' }))).toEqual(['ID_CARD_BIRTH_DATE']);
    expect(validateIdCardNumber(id, { today: '2026-11-26' }).valid).toBe(true);
  });

  it('reports a bad date and a bad check character together', () => {
    const first17 = '43010319900230123';
    const wrong = computeIdCardCheckChar(first17) === '0' ? '1' : '0';
    expect(codes(validateIdCardNumber(first17 + wrong))).toEqual(['ID_CARD_BIRTH_DATE', 'ID_CARD_CHECK']);
  });
});
