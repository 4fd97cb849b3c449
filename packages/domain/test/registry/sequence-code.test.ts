import { describe, expect, it } from 'vitest';
import {
  filingListLabel,
  formatSequenceCode,
  isSequenceCode,
  nextSequenceValue,
} from '../../src/registry/sequence-code';
import { DomainError } from '../../src/errors';

describe('评价机构序列码 (6 digits, permanent)', () => {
  it.each([
    [1, '000001'],
    [42, '000042'],
    [123456, '123456'],
    [999999, '999999'],
  ])('counter %i → %s', (value, code) => {
    expect(formatSequenceCode(value)).toBe(code);
    expect(isSequenceCode(code)).toBe(true);
  });

  it.each([0, -1, 1_000_000, 1.5, Number.NaN])('refuses counter value %s', (value) => {
    expect(() => formatSequenceCode(value)).toThrow(DomainError);
    try {
      formatSequenceCode(value);
    } catch (e) {
      expect((e as DomainError).code).toBe('SEQUENCE_CODE_EXHAUSTED');
    }
  });

  it.each(['000000', '12345', '1234567', 'A00001', ''])('%s is not a sequence code', (text) => {
    expect(isSequenceCode(text)).toBe(false);
  });

  it('names the list 第N批', () => {
    expect(filingListLabel(3)).toBe('第3批');
  });
});

describe('nextSequenceValue: a new 序列码 above every code on record', () => {
  it('continues the counter when no recorded code is higher', () => {
    expect(nextSequenceValue(4, 3)).toBe(5);
    expect(nextSequenceValue(0, null)).toBe(1);
  });
  it('jumps above a pre-system code recorded with a self-evaluation filing', () => {
    expect(nextSequenceValue(4, 120)).toBe(121);
    expect(formatSequenceCode(nextSequenceValue(0, 120))).toBe('000121');
  });
});
