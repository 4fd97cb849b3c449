import { describe, expect, it } from 'vitest';
import { checkIndustryLink } from '../../src/filing/rules/r6-industry-link';
import { codesOf, item, withItems } from './precheck-fixture';

const LOCAL = {
  chainIds: [],
  localIndustry: '浏阳花炮',
  localIndustryJustification: '浏阳市委市政府产业规划',
};

describe('R6 服务产业发展 (通知第三条第一款；通知第二条第一款)', () => {
  it.each([
    ['an active chain', item()],
    ['a local industry with its justification', item(LOCAL)],
    ['an active chain beside a local industry', item({ ...LOCAL, chainIds: [2] })],
  ])('passes: %s', (_case, it_) => {
    expect(checkIndustryLink(withItems(it_))).toEqual([]);
  });

  it.each([
    ['neither chain nor local industry', item({ chainIds: [] }), ['CHAIN_OR_LOCAL_INDUSTRY_REQUIRED']],
    [
      'local industry without justification',
      item({ ...LOCAL, localIndustryJustification: ' ' }),
      ['CHAIN_OR_LOCAL_INDUSTRY_REQUIRED'],
    ],
    [
      'an inactive chain only',
      item({ chainIds: [99] }),
      ['CHAIN_INACTIVE', 'CHAIN_OR_LOCAL_INDUSTRY_REQUIRED'],
    ],
    ['an inactive chain beside an active one', item({ chainIds: [1, 99] }), ['CHAIN_INACTIVE']],
    ['no business link', item({ businessLink: '' }), ['BUSINESS_LINK_REQUIRED']],
  ])('%s → %j', (_case, it_, codes) => {
    const findings = checkIndustryLink(withItems(it_));
    expect(codesOf(findings)).toEqual(codes);
    for (const f of findings) {
      expect(f).toMatchObject({ rule: 'R6', severity: 'error', scopeItemIndex: 0 });
      expect(f.clause).toBe(f.code === 'BUSINESS_LINK_REQUIRED' ? '通知第二条第一款' : '通知第三条第一款');
    }
  });

  it('names the inactive chain ids', () => {
    expect(checkIndustryLink(withItems(item({ chainIds: [1, 98, 99] })))[0]!.message).toContain('98、99');
  });
});
