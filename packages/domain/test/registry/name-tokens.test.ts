import { describe, expect, it } from 'vitest';
import { nameMatches, nameQuery, nameTokens, normalizeRegistryText } from '../../src/registry/name-tokens';

describe('名录名称分词 (1–2 character Chinese search)', () => {
  it('holds every character and every two-character window of the name', () => {
    expect(nameTokens('湘钢技校')).toEqual(['校', '湘', '湘钢', '钢', '钢技', '技', '技校'].sort());
  });

  it.each([
    ['full-width letters and brackets fold', 'ＡＢＣ（湖南）', 'abc(湖南)'],
    ['white space goes', ' 湖南 长沙\t职院 ', '湖南长沙职院'],
    ['upper case folds', 'XCMG湖南', 'xcmg湖南'],
  ])('normalizes: %s', (_case, input, expected) => {
    expect(normalizeRegistryText(input)).toBe(expected);
  });

  it('deduplicates repeated characters and windows', () => {
    const tokens = nameTokens('长长长');
    expect(tokens).toEqual(['长', '长长']);
  });

  it('treats a character outside the BMP as one character', () => {
    expect(nameTokens('𠀋湘')).toEqual(['湘', '𠀋', '𠀋湘'].sort());
  });

  it.each([
    ['1 character', '湘', ['湘'], false],
    ['2 characters', '湘钢', ['湘钢'], false],
    ['3 characters: its bigrams, with a recheck', '湘钢技', ['湘钢', '钢技'], true],
    ['a repeated bigram once', '长长长', ['长长'], true],
    ['blank', '  ', [], false],
  ])('query %s', (_case, q, tokens, recheck) => {
    const nq = nameQuery(q);
    expect(nq.tokens).toEqual(tokens);
    expect(nq.needsRecheck).toBe(recheck);
  });

  // The index (tokens ⊆ name tokens) never misses a match: every query a name matches has its tokens.
  it.each([
    ['湖南长沙技师学院', '长'],
    ['湖南长沙技师学院', '技师'],
    ['湖南长沙技师学院', '长沙技师'],
    ['ＸＣＭＧ湖南分公司', 'xcmg'],
    ['湖南 长沙技师学院', '南长'],
  ])('index covers every match: %s ∋ %s', (name, q) => {
    expect(nameMatches(name, q)).toBe(true);
    const tokens = new Set(nameTokens(name));
    expect(nameQuery(q).tokens.every((t) => tokens.has(t))).toBe(true);
  });

  it('needs the recheck: bigrams present apart do not make a match', () => {
    const name = '湘潭电机潭钢厂';
    const q = '湘潭钢';
    const tokens = new Set(nameTokens(name));
    expect(nameQuery(q).tokens.every((t) => tokens.has(t))).toBe(true);
    expect(nameMatches(name, q)).toBe(false);
  });
});
