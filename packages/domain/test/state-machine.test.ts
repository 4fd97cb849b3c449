import { describe, expect, it } from 'vitest';
import { APPLICATION_MACHINE, DomainError, defineMachine, machineTable, type ErrorCode } from '../src';

type S = 'draft' | 'signing' | 'done';
type A = 'submit' | 'sign';
const machine = defineMachine<S, A, { isDrafter: boolean }>({
  entity: 'sample',
  label: '样例',
  states: ['draft', 'signing', 'done'],
  stateLabels: { draft: '草稿', signing: '会签中', done: '已完成' },
  terminal: ['done'],
  transitions: {
    submit: {
      label: '提交',
      from: ['draft'],
      to: 'signing',
      roles: ['inspector'],
      reason: 'none',
      clause: '测试',
      audit: 'spot_check.result_submitted',
      when: (ctx) => ctx.isDrafter,
    },
    sign: {
      label: '签字',
      from: ['signing'],
      to: 'done',
      roles: ['inspector', 'province_center'],
      reason: 'required',
      clause: '测试',
      audit: 'spot_check.result_signed',
    },
  },
  refusal: { code: 'SAMPLE_NOT_ALLOWED' as ErrorCode },
});

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.kind}:${e.code}` : 'other';
  }
  return 'ok';
};

describe('state machine definition', () => {
  it('offers an action only in its states, to its roles, where the relation holds', () => {
    expect(machine.allowedActions('draft', { role: 'inspector' }, { isDrafter: true })).toEqual(['submit']);
    expect(machine.allowedActions('draft', { role: 'inspector' }, { isDrafter: false })).toEqual([]);
    expect(machine.allowedActions('draft', { role: 'inspector' })).toEqual([]);
    expect(machine.allowedActions('signing', { role: 'province_center' })).toEqual(['sign']);
    expect(machine.allowedActions('done', { role: 'inspector' })).toEqual([]);
  });

  it('refuses a wrong state 409 with the machine code, another role 404, a missing relation 409, no reason 400', () => {
    expect(
      codeOf(() =>
        machine.transition('signing', 'submit', { role: 'inspector' }, { ctx: { isDrafter: true } }),
      ),
    ).toBe('conflict:SAMPLE_NOT_ALLOWED');
    expect(codeOf(() => machine.transition('draft', 'submit', { role: 'city_center' }))).toBe(
      'not_found:NOT_FOUND',
    );
    expect(
      codeOf(() =>
        machine.transition('draft', 'submit', { role: 'inspector' }, { ctx: { isDrafter: false } }),
      ),
    ).toBe('conflict:SAMPLE_NOT_ALLOWED');
    expect(codeOf(() => machine.transition('signing', 'sign', { role: 'inspector' }, { reason: '  ' }))).toBe(
      'invalid:REASON_REQUIRED',
    );
    expect(codeOf(() => machine.transition('nowhere', 'sign', { role: 'inspector' }))).toBe(
      'conflict:SAMPLE_NOT_ALLOWED',
    );
  });

  it('returns the move with its audit action and trimmed reason', () => {
    const move = machine.transition('signing', 'sign', { role: 'province_center' }, { reason: ' 同意 ' });
    expect(move).toMatchObject({
      from: 'signing',
      to: 'done',
      reason: '同意',
      audit: 'spot_check.result_signed',
      backward: false,
    });
  });

  it('names every state in the CHECK constraint and refuses a table that leaves a terminal state', () => {
    expect(machine.checkSql('status')).toBe(`status in ('draft', 'signing', 'done')`);
    expect(() =>
      defineMachine<S, A, { isDrafter: boolean }>({
        ...machine,
        transitions: { ...machine.transitions, submit: { ...machine.transitions.submit, from: ['done'] } },
      }),
    ).toThrow(/terminal/);
  });

  it('the application lifecycle is such a machine: every allowed row of its table transitions, every other refuses', () => {
    for (const row of machineTable(APPLICATION_MACHINE, ['applicant', 'city_center', 'province_bureau'])) {
      const result = codeOf(() =>
        APPLICATION_MACHINE.transition(row.state, row.action, { role: row.role }, { reason: '理由' }),
      );
      expect(result === 'ok', `${row.state} ${row.action} ${row.role}`).toBe(row.allowed);
    }
  });
});
