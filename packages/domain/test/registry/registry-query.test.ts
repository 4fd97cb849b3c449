import { describe, expect, it } from 'vitest';
import {
  creditCodeCriterion,
  prefixUpperBound,
  registryNameCriterion,
} from '../../src/registry/registry-query';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return null;
};

describe('名录查询条件', () => {
  it.each([
    ['91430100MA4L12345X', { kind: 'exact', code: '91430100MA4L12345X' }],
    [' 9143 0100ma4l12345x ', { kind: 'exact', code: '91430100MA4L12345X' }],
    ['９１４３', { kind: 'prefix', prefix: '9143', from: '9143', to: '9144' }],
    ['52430', { kind: 'prefix', prefix: '52430', from: '52430', to: '52431' }],
    ['9', { kind: 'prefix', prefix: '9', from: '9', to: 'A' }],
    ['12Y', { kind: 'prefix', prefix: '12Y', from: '12Y', to: '12Z' }],
  ])('credit code %s', (input, expected) => {
    expect(creditCodeCriterion(input)).toEqual(expected);
  });

  it('a blank credit code is no criterion', () => {
    expect(creditCodeCriterion('  ')).toBeNull();
  });

  it.each(['9143-01', '91430100MA4L12345X0', '湖南', '914I'])('refuses credit code %s', (input) => {
    expect(codeOf(() => creditCodeCriterion(input))).toBe('REGISTRY_CREDIT_CODE_INVALID');
  });

  it.each([
    ['0', '1'],
    ['09', '0A'],
    ['AZ', 'B'],
    ['ZZ', null],
  ])('upper bound of prefix %s is %s', (prefix, bound) => {
    expect(prefixUpperBound(prefix)).toBe(bound);
  });

  it('every code with the prefix lies in [from, to) in byte order', () => {
    const c = creditCodeCriterion('9143')!;
    if (c.kind !== 'prefix') throw new Error('prefix expected');
    for (const code of ['9143', '91430100MA4L12345X', '9143ZZZZ']) {
      expect(code >= c.from && (c.to === null || code < c.to)).toBe(true);
    }
    for (const code of ['9142Z', '9144', '915']) {
      expect(code >= c.from && (c.to === null || code < c.to)).toBe(false);
    }
  });

  it('name: normalized, capped at 50 characters', () => {
    expect(registryNameCriterion(' 湘钢 ')).toEqual({ text: '湘钢', tokens: ['湘钢'], needsRecheck: false });
    expect(registryNameCriterion('')).toBeNull();
    expect(codeOf(() => registryNameCriterion('湘'.repeat(51)))).toBe('REGISTRY_NAME_TOO_LONG');
  });
});
