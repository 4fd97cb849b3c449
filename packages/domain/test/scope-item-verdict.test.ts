import { describe, expect, it } from 'vitest';
import { scopeItemVerdictLabel } from '../src/filing/scope-item-verdict';

describe('审核结论 of a scope item', () => {
  it.each([
    ['recommended', '推荐'],
    ['not_recommended', '不予推荐'],
    ['rejected', '不予通过'],
  ])('%s reads %s', (verdict, label) => expect(scopeItemVerdictLabel(verdict)).toBe(label));

  it('names an unknown value as such instead of showing it bare', () => {
    expect(scopeItemVerdictLabel('withdrawn')).toBe('其他结论（withdrawn）');
  });
});
