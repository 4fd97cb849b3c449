import { describe, expect, it } from 'vitest';
import { maskIdCard, maskMobile } from '../src/mask';
import { isMobile, validateMobile } from '../src/mobile';

describe('validateMobile', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['19912345678', '19912345678'],
    [' 138 1234 1234 ', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['１３８１２３４１２３４', '13812341234'], // full-width digits from an IME
  ])('%s is valid as %s', (input, normalized) => {
    expect(validateMobile(input)).toEqual({ valid: true, normalized, errors: [] });
  });

  it.each(['', '12812341234', '10012341234', '1381234123', '138123412345', '0731-88888888', '1381234123a'])(
    '%s is refused with MOBILE_INVALID',
    (input) => {
      const r = validateMobile(input);
      expect(r.valid).toBe(false);
      expect(r.errors.map((e) => e.code)).toEqual(['MOBILE_INVALID']);
      expect(isMobile(input)).toBe(false);
    },
  );
});

describe('masking personal data (docs/domain.md §10)', () => {
  it.each([
    ['13812341234', '138****1234'],
    [' 13812341234 ', '138****1234'],
    ['1381234', '*******'], // too short to keep both ends: show nothing
    ['', ''],
  ])('maskMobile(%j) = %j', (input, expected) => {
    expect(maskMobile(input)).toBe(expected);
  });

  it.each([
    ['430103199001011234', '430103********1234'],
    ['11010519491231002X', '110105********002X'],
    ['4301031990', '**********'],
  ])('maskIdCard(%j) = %j', (input, expected) => {
    expect(maskIdCard(input)).toBe(expected);
  });

  it('never reveals the birth date part of an ID number', () => {
    expect(maskIdCard('430103199001011234')).not.toContain('19900101');
  });
});
