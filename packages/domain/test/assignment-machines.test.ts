import { describe, expect, it } from 'vitest';
import {
  DomainError,
  EXPERT_ASSIGNMENT_MACHINE,
  machineTable,
  ROLES,
  SPOT_CHECK_ASSIGNMENT_MACHINE,
  type Role,
} from '../src';

const outcome = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? `${e.kind}:${e.code}` : 'other';
  }
};

describe('expert assignment machine (评审任务)', () => {
  const m = EXPERT_ASSIGNMENT_MACHINE;
  const allowed = new Set(['assigned|submit|expert', 'assigned|replace|city_bureau']);

  it.each(machineTable(m, ROLES))('$state · $action · $role → allowed=$allowed', (row) => {
    const key = `${row.state}|${row.action}|${row.role}`;
    expect(row.allowed).toBe(allowed.has(key));
    const ctx = { isAssignedExpert: true };
    const result = outcome(() =>
      m.transition(row.state, row.action, { role: row.role }, { reason: '出差', ctx }),
    );
    if (row.allowed) expect(result).toBe('ok');
    else if (!m.transitions[row.action].roles.includes(row.role)) expect(result).toBe('not_found:NOT_FOUND');
    else expect(result).toBe('conflict:REVIEW_ALREADY_SUBMITTED');
  });

  it('lets only the assigned expert submit, once', () => {
    const expert = { role: 'expert' as Role };
    expect(m.allowedActions('assigned', expert, { isAssignedExpert: true })).toEqual(['submit']);
    expect(m.allowedActions('assigned', expert, { isAssignedExpert: false })).toEqual([]);
    expect(m.allowedActions('submitted', expert, { isAssignedExpert: true })).toEqual([]);
    expect(
      outcome(() => m.transition('assigned', 'submit', expert, { ctx: { isAssignedExpert: false } })),
    ).toBe('conflict:REVIEW_ALREADY_SUBMITTED');
    expect(m.transition('assigned', 'submit', expert, { ctx: { isAssignedExpert: true } })).toMatchObject({
      to: 'submitted',
      audit: 'expert_review.submitted',
    });
  });

  it('replaces an expert only with a reason, never one who submitted', () => {
    const bureau = { role: 'city_bureau' as Role };
    expect(outcome(() => m.transition('assigned', 'replace', bureau, { reason: ' ' }))).toBe(
      'invalid:REASON_REQUIRED',
    );
    expect(outcome(() => m.transition('submitted', 'replace', bureau, { reason: '出差' }))).toBe(
      'conflict:REVIEW_ALREADY_SUBMITTED',
    );
    expect(m.transition('assigned', 'replace', bureau, { reason: ' 出差 ' })).toMatchObject({
      to: 'replaced',
      reason: '出差',
      audit: 'expert_assignment.replaced',
    });
  });

  it('constrains the status column to its states', () => {
    expect(m.checkSql('status')).toBe("status in ('assigned', 'submitted', 'replaced')");
    expect(m.stateLabel('assigned')).toBe('待评审');
  });
});

describe('spot-check assignment machine (抽查任务)', () => {
  const m = SPOT_CHECK_ASSIGNMENT_MACHINE;

  it.each(machineTable(m, ROLES))('$state · $action · $role → allowed=$allowed', (row) => {
    expect(row.allowed).toBe(row.state === 'assigned' && row.role === 'province_center');
    const result = outcome(() =>
      m.transition(row.state, row.action, { role: row.role }, { reason: '不能参加' }),
    );
    if (row.allowed) expect(result).toBe('ok');
    else if (row.role !== 'province_center') expect(result).toBe('not_found:NOT_FOUND');
    else expect(result).toBe('conflict:SPOT_CHECK_PANEL_CHANGED');
  });

  it('takes an inspector off the panel only with the public reason', () => {
    const centre = { role: 'province_center' as Role };
    expect(m.allowedActions('assigned', centre)).toEqual(['replace']);
    expect(m.allowedActions('replaced', centre)).toEqual([]);
    expect(m.allowedActions('assigned', { role: 'inspector' })).toEqual([]);
    expect(outcome(() => m.transition('assigned', 'replace', centre))).toBe('invalid:REASON_REQUIRED');
    expect(m.checkSql('status')).toBe("status in ('assigned', 'replaced')");
  });
});
