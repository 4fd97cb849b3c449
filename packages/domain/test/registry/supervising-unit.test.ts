import { describe, expect, it } from 'vitest';
import { supervisingUnitName } from '../../src/registry/supervising-unit';

describe('主管单位 (谁推荐、谁监管, 通知§六(二))', () => {
  it('is the recommending city’s 人社局', () => {
    expect(supervisingUnitName('430200', '株洲市')).toBe('株洲市人力资源和社会保障局');
  });
  it('is the province’s 人社厅 for a unit that applied at province level (省直)', () => {
    expect(supervisingUnitName('430000', '省直')).toBe('湖南省人力资源和社会保障厅');
  });
});
