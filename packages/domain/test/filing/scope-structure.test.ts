import { describe, expect, it } from 'vitest';
import { checkScopeStructure, scopeItemKey } from '../../src/filing/rules/scope-structure';
import { codesOf, COOK, item, withItems } from './precheck-fixture';

describe('scope structure (通知第三条)', () => {
  it('passes distinct items (same occupation, different mode or 工种)', () => {
    const ctx = withItems(
      item(),
      item({ mode: 'social' }),
      item({ jobName: '电焊工' }),
      item({ occupationCode: COOK }),
    );
    expect(checkScopeStructure(ctx)).toEqual([]);
  });

  it('an empty application → EMPTY_APPLICATION', () => {
    const findings = checkScopeStructure(withItems());
    expect(codesOf(findings)).toEqual(['EMPTY_APPLICATION']);
    expect(findings[0]).toMatchObject({ rule: 'SCOPE', clause: '通知第三条', severity: 'error' });
  });

  it('duplicate items (occupation + 工种 + mode, 工种 trimmed) → DUPLICATE_SCOPE_ITEM on each repeat', () => {
    const ctx = withItems(
      item({ jobName: '电焊工' }),
      item({ jobName: ' 电焊工 ', levels: ['level3'] }),
      item({ occupationCode: COOK }),
      item({ jobName: '电焊工' }),
    );
    const findings = checkScopeStructure(ctx);
    expect(findings.map((f) => [f.code, f.scopeItemIndex])).toEqual([
      ['DUPLICATE_SCOPE_ITEM', 1],
      ['DUPLICATE_SCOPE_ITEM', 3],
    ]);
    expect(findings[0]!.message).toContain('与第1项重复');
  });

  it('scopeItemKey', () => {
    expect(scopeItemKey({ occupationCode: '6-18-02-04', jobName: ' 电焊工', mode: 'social' })).toBe(
      '6-18-02-04|电焊工|social',
    );
  });
});
