import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar, validateCreditCode } from '../src/credit-code';

/** A valid code from its first 17 characters. */
const withCheck = (first17: string) => first17 + computeCreditCodeCheckChar(first17);
const codes = (r: ReturnType<typeof validateCreditCode>) => r.errors.map((e) => e.code);

describe('computeCreditCodeCheckChar (GB 32100-2015)', () => {
  it.each([
    // Published codes of well-known companies (the 18th character is the check character).
    ['91440300192203821', '6'], // 华为技术有限公司 914403001922038216
    ['9144030071526726X', 'G'], // 深圳市腾讯计算机系统有限公司 9144030071526726XG
    ['91430000712194405', '4'], // 中联重科股份有限公司 914300007121944054 (长沙)
  ])('%s → %s', (first17, check) => {
    expect(computeCreditCodeCheckChar(first17)).toBe(check);
  });

  it('maps a remainder of 31 to "0", never to a 32nd character', () => {
    // Search for a prefix whose weighted sum is ≡ 0 mod 31 and check the result is '0'.
    const found = Array.from({ length: 1000 }, (_, n) => `91430100MA${String(n).padStart(7, '0')}`).filter(
      (p) => computeCreditCodeCheckChar(p) === '0',
    );
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(validateCreditCode(p + '0').valid).toBe(true);
  });
});

describe('validateCreditCode', () => {
  it.each([
    // input, divisionCode, inHunan, registrationType, kindHint
    ['914403001922038216', '440300', false, 'enterprise', '企业'],
    ['9144030071526726XG', '440300', false, 'enterprise', '企业'],
    ['914300007121944054', '430000', true, 'enterprise', '企业'],
    [withCheck('12430100MB1234567'), '430100', true, 'public_institution', '事业单位'],
    [
      withCheck('52430102MJ1234567'),
      '430102',
      true,
      'private_non_enterprise',
      '民办非企业单位（社会服务机构）',
    ],
    [withCheck('51430000MJ0000001'), '430000', true, 'social_group', '社会团体'],
    [withCheck('92430103MA4L12345'), '430103', true, 'individual_business', '个体工商户'],
    [withCheck('93431121MA4P00001'), '431121', true, 'other', '农民专业合作社'],
    [withCheck('51100000500000001'), '100000', false, 'social_group', '社会团体'], // 民政部 registered
  ])('%s is valid', (input, divisionCode, inHunan, registrationType, kindHint) => {
    expect(validateCreditCode(input)).toEqual({
      valid: true,
      normalized: input,
      divisionCode,
      inHunan,
      registrationType,
      kindHint,
      errors: [],
    });
  });

  it('trims, upper-cases and folds full-width characters before checking', () => {
    const r = validateCreditCode('  9144030071526726xg ');
    expect(r).toMatchObject({ valid: true, normalized: '9144030071526726XG' });
    expect(validateCreditCode('９１４４０３００１９２２０３８２１６').valid).toBe(true);
  });

  it('says which check character was expected', () => {
    const r = validateCreditCode('914403001922038217');
    expect(codes(r)).toEqual(['CREDIT_CODE_CHECK']);
    expect(r.errors[0]?.message).toContain('第18位应为"6"');
    expect(r.errors[0]?.message).toContain('实际为"7"');
    expect(r.valid).toBe(false);
  });

  it('catches a single transposition of two characters', () => {
    expect(validateCreditCode('914403001922038126').valid).toBe(false);
  });

  it.each([
    ['', ['CREDIT_CODE_REQUIRED']],
    ['91440300192203821', ['CREDIT_CODE_LENGTH']],
    ['9144030019220382166', ['CREDIT_CODE_LENGTH']],
    ['91440300192203821I', ['CREDIT_CODE_CHARSET']], // I is excluded
    ['9144030019220382O6', ['CREDIT_CODE_CHARSET']], // O is excluded
    ['914403001922038-16', ['CREDIT_CODE_CHARSET']],
    [withCheck('91990000MA1234567'), ['CREDIT_CODE_DIVISION']], // no province 99
    [withCheck('91430012MA1234567'), ['CREDIT_CODE_DIVISION']], // 4300xx is not a division
    [withCheck('91ABCDEFMA1234567'), ['CREDIT_CODE_DIVISION']],
  ])('%s → %j', (input, expected) => {
    const r = validateCreditCode(input);
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(expected);
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the forbidden characters and the rule', () => {
    const r = validateCreditCode('9144030019220382SV');
    expect(r.errors[0]?.message).toContain('"SV"');
    expect(r.errors[0]?.message).toContain('不含I、O、Z、S、V');
  });

  it('still reports the division of a code with a wrong check character (for the city warning)', () => {
    expect(validateCreditCode('914300007121944055')).toMatchObject({
      valid: false,
      divisionCode: '430000',
      inHunan: true,
    });
  });

  it('gives an unknown registration authority a neutral hint rather than an error', () => {
    const r = validateCreditCode(withCheck('Y1430100MA1234567'));
    expect(r).toMatchObject({
      valid: true,
      registrationType: 'other',
      kindHint: '未识别的登记管理部门/机构类别',
    });
  });
});
