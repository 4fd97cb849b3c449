import { describe, expect, it } from 'vitest';
import { checkOccupationCategory } from '../../src/filing/rules/r3-occupation-category';
import { codesOf, COOK, ENGINEER, item, MINOR_GROUP, WELDER, withItems } from './precheck-fixture';

describe('R3 职业大类 (通知第三条)', () => {
  it.each([
    ['category 6', item({ occupationCode: WELDER })],
    [
      'category 4 with a justification',
      item({ occupationCode: COOK, categoryJustification: '本地湘菜产业' }),
    ],
  ])('passes: %s', (_case, it_) => {
    expect(checkOccupationCategory(withItems(it_))).toEqual([]);
  });

  it.each([
    ['not in the catalogue', item({ occupationCode: '9-99-99-99' }), 'OCCUPATION_NOT_FOUND', 'error'],
    ['a 小类, not an occupation', item({ occupationCode: MINOR_GROUP }), 'OCCUPATION_NOT_FOUND', 'error'],
    [
      'category 2 (outside 3–6)',
      item({ occupationCode: ENGINEER }),
      'OCCUPATION_CATEGORY_NOT_ALLOWED',
      'error',
    ],
    [
      'category 4 without a justification',
      item({ occupationCode: COOK }),
      'CATEGORY_JUSTIFICATION_MISSING',
      'warning',
    ],
  ])('%s → %s', (_case, it_, code, severity) => {
    const findings = checkOccupationCategory(withItems(item(), it_));
    expect(codesOf(findings)).toEqual([code]);
    expect(findings[0]).toMatchObject({ rule: 'R3', clause: '通知第三条', severity, scopeItemIndex: 1 });
  });

  it('the category-justification warning says why', () => {
    expect(checkOccupationCategory(withItems(item({ occupationCode: COOK })))[0]!.message).toContain(
      '非第六大类职业需说明理由',
    );
  });
});
