import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors';
import {
  allowedActions,
  APPLICATION_ACTIONS,
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  canWithdraw,
  isOpenStatus,
  transition,
  TRANSITIONS,
  type ApplicationAction,
  type ApplicationState,
} from '../../src/filing/application-lifecycle';
import { ROLES, type Role } from '../../src/roles';

/** The legal moves of docs/domain.md §4, written out independently of the table under test. */
const BEFORE_NOTICE: ApplicationState[] = [
  'draft',
  'submitted',
  'returned',
  'verified',
  'recommended',
  'province_review',
  'spot_check_pool',
  'spot_check',
  'cleared',
];
const LEGAL: Record<string, ApplicationState> = {
  'draft:submit': 'submitted',
  'returned:resubmit': 'submitted',
  ...Object.fromEntries(BEFORE_NOTICE.map((s) => [`${s}:withdraw`, 'withdrawn'])),
  'submitted:return_for_correction': 'returned',
  'submitted:pass_verification': 'verified',
  'submitted:reject': 'rejected',
  'verified:recommend': 'recommended',
  'verified:not_recommend': 'not_recommended',
  'verified:send_back_to_center': 'submitted',
  'recommended:forward_to_province': 'province_review',
  'province_review:province_pass': 'spot_check_pool',
  'province_review:province_return': 'verified',
  'province_review:province_reject': 'rejected',
  'spot_check_pool:draw_selected': 'spot_check',
  'spot_check_pool:draw_not_selected': 'cleared',
  'spot_check:spot_check_pass': 'cleared',
  'spot_check:spot_check_fail': 'rejected',
  'cleared:publish_notice': 'in_notice',
  'in_notice:notice_pass': 'notice_passed',
  'in_notice:notice_reject': 'rejected',
  'notice_passed:confirm_filing': 'filed',
};

/** The roles allowed each action; the first is the one the tests act as. */
const ROLE_OF: Record<ApplicationAction, Role | Role[]> = {
  submit: 'applicant',
  resubmit: 'applicant',
  withdraw: 'applicant',
  return_for_correction: 'city_center',
  pass_verification: 'city_center',
  reject: 'city_center',
  recommend: 'city_bureau',
  not_recommend: 'city_bureau',
  send_back_to_center: 'city_bureau',
  forward_to_province: 'city_bureau',
  province_pass: 'province_center',
  province_return: 'province_center',
  province_reject: 'province_center',
  draw_selected: 'province_center',
  draw_not_selected: 'province_center',
  spot_check_pass: ['inspector', 'province_center'],
  spot_check_fail: ['inspector', 'province_center'],
  publish_notice: 'province_bureau',
  notice_pass: ['province_center', 'province_bureau'],
  notice_reject: 'province_center',
  confirm_filing: 'province_bureau',
};

const REASON_REQUIRED: ApplicationAction[] = [
  'return_for_correction',
  'reject',
  'not_recommend',
  'send_back_to_center',
  'province_return',
  'province_reject',
  'spot_check_fail',
  'notice_reject',
];

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

const pairs = APPLICATION_STATES.flatMap((state) =>
  APPLICATION_ACTIONS.map((action) => [state, action] as const),
);

describe('application lifecycle: every (state, action) pair', () => {
  it.each(pairs)('%s × %s', (state, action) => {
    const actor = { role: [ROLE_OF[action]].flat()[0]! };
    const expected = LEGAL[`${state}:${action}`];
    if (expected) {
      const r = transition(state, action, actor, { reason: '  理由  ' });
      expect(r).toEqual({
        ok: true,
        from: state,
        to: expected,
        event: { action, from: state, to: expected, reason: '理由', backward: TRANSITIONS[action].backward },
      });
    } else {
      const e = caught(() => transition(state, action, actor, { reason: '理由' }));
      expect(e.kind).toBe('conflict');
      expect(e.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(e.message).toBe(
        `当前状态"${APPLICATION_STATE_LABELS[state]}"不能执行"${TRANSITIONS[action].label}"`,
      );
    }
  });

  it('the table has exactly the legal moves of docs/domain.md §4', () => {
    const inTable = APPLICATION_ACTIONS.flatMap((a) => TRANSITIONS[a].from.map((s) => `${s}:${a}`)).sort();
    expect(inTable).toEqual(Object.keys(LEGAL).sort());
  });
});

describe('roles', () => {
  const wrongRoles = APPLICATION_ACTIONS.flatMap((action) =>
    ROLES.filter((r) => ![ROLE_OF[action]].flat().includes(r)).map((role) => [action, role] as const),
  );
  it.each(wrongRoles)('%s by %s → NOT_FOUND (another role’s action is answered 404)', (action, role) => {
    const from = TRANSITIONS[action].from[0]!;
    const e = caught(() => transition(from, action, { role }, { reason: '理由' }));
    expect(e.kind).toBe('not_found');
    expect(e.code).toBe('NOT_FOUND');
  });

  it('the role check comes before the state check', () => {
    expect(caught(() => transition('filed', 'submit', { role: 'city_center' })).code).toBe('NOT_FOUND');
  });
});

describe('reasons', () => {
  it.each(REASON_REQUIRED)('%s needs a reason (blank counts as missing)', (action) => {
    const from = TRANSITIONS[action].from[0]!;
    for (const reason of [undefined, '', '   ']) {
      const e = caught(() => transition(from, action, { role: [ROLE_OF[action]].flat()[0]! }, { reason }));
      expect(e.kind).toBe('invalid');
      expect(e.code).toBe('REASON_REQUIRED');
      expect(e.message).toContain(TRANSITIONS[action].label);
    }
  });

  it('withdraw takes an optional reason', () => {
    expect(transition('submitted', 'withdraw', { role: 'applicant' }).event.reason).toBeNull();
    expect(
      transition('submitted', 'withdraw', { role: 'applicant' }, { reason: '另行申报' }).event.reason,
    ).toBe('另行申报');
  });

  it('backward moves are marked as such', () => {
    const backward = APPLICATION_ACTIONS.filter((a) => TRANSITIONS[a].backward).sort();
    expect(backward).toEqual(['province_return', 'return_for_correction', 'send_back_to_center']);
    expect(
      transition('verified', 'send_back_to_center', { role: 'city_bureau' }, { reason: '材料待复核' }).event,
    ).toMatchObject({ from: 'verified', to: 'submitted', backward: true, reason: '材料待复核' });
  });
});

describe('unknown input', () => {
  it.each([
    ['archived', 'submit'],
    ['draft', 'approve'],
  ])('state %s / action %s → TRANSITION_NOT_ALLOWED', (state, action) => {
    const e = caught(() => transition(state, action, { role: 'applicant' }));
    expect(e.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(e.kind).toBe('conflict');
  });

  it('names states and actions in Chinese', () => {
    expect(caught(() => transition('submitted', 'submit', { role: 'applicant' })).message).toBe(
      '当前状态"已提交"不能执行"提交"',
    );
  });
});

describe('allowedActions / isOpenStatus / canWithdraw', () => {
  it.each([
    ['draft', 'applicant', ['submit', 'withdraw']],
    ['returned', 'applicant', ['resubmit', 'withdraw']],
    ['submitted', 'city_center', ['return_for_correction', 'pass_verification', 'reject']],
    ['verified', 'city_bureau', ['recommend', 'not_recommend', 'send_back_to_center']],
    ['recommended', 'city_bureau', ['forward_to_province']],
    ['province_review', 'province_center', ['province_pass', 'province_return', 'province_reject']],
    ['spot_check_pool', 'province_center', ['draw_selected', 'draw_not_selected']],
    ['cleared', 'province_bureau', ['publish_notice']],
    ['in_notice', 'province_center', ['notice_pass', 'notice_reject']],
    ['spot_check', 'inspector', ['spot_check_pass', 'spot_check_fail']],
    ['in_notice', 'applicant', []],
    ['notice_passed', 'province_bureau', ['confirm_filing']],
    ['filed', 'province_bureau', []],
    ['submitted', 'sys_admin', []],
  ] as const)('%s for %s → %j', (state, role, actions) => {
    expect(allowedActions(state, role)).toEqual(actions);
  });

  it('agrees with transition() for every state and role', () => {
    for (const state of APPLICATION_STATES) {
      for (const role of ROLES) {
        for (const action of allowedActions(state, role)) {
          expect(() => transition(state, action, { role }, { reason: '理由' })).not.toThrow();
        }
      }
    }
  });

  it.each(APPLICATION_STATES)('%s: open unless terminal; withdrawable only before 公示', (state) => {
    const terminal = ['withdrawn', 'rejected', 'not_recommended', 'filed'].includes(state);
    expect(isOpenStatus(state)).toBe(!terminal);
    expect(canWithdraw(state)).toBe(BEFORE_NOTICE.includes(state));
    if (terminal) expect(ROLES.flatMap((r) => allowedActions(state, r))).toEqual([]);
  });
});
