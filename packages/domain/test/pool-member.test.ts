import { describe, expect, it } from 'vitest';
import { declaredConflictWith, worksFor } from '../src';

const member = {
  code: 'DC0001',
  unitCreditCode: '91430100MA4L0000XA',
  conflicts: [{ creditCode: '91430100ma4l0001xa', reason: '曾任该单位顾问' }],
};

describe('pool member recusal reasons every pool shares', () => {
  it('recognizes own staff by the employer credit code, whatever its case or spacing', () => {
    expect(worksFor(member, ' 91430100ma4l0000xa ')).toBe(true);
    expect(worksFor(member, '91430100MA4L0001XA')).toBe(false);
    expect(worksFor({ ...member, unitCreditCode: null }, '')).toBe(false);
  });

  it('finds a declared conflict with the unit, and none with another or a blank code', () => {
    expect(declaredConflictWith(member, '91430100MA4L0001XA')?.reason).toBe('曾任该单位顾问');
    expect(declaredConflictWith(member, '91430100MA4L0000XA')).toBeUndefined();
    expect(
      declaredConflictWith({ ...member, conflicts: [{ creditCode: '', reason: 'x' }] }, ''),
    ).toBeUndefined();
  });
});
