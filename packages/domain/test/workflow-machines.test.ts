import { describe, expect, it } from 'vitest';
import {
  DomainError,
  EXPERT_DRAW_MACHINE,
  JOINT_RESULT_MACHINE,
  NOTICE_ITEM_MACHINE,
  NOTICE_MACHINE,
  OBJECTION_MACHINE,
  ORGANIZATION_MACHINE,
  ROLES,
  ROUND_MACHINE,
  SPOT_CHECK_DRAW_MACHINE,
  jointResultAllowedActions,
  machineTable,
  type StateMachine,
} from '../src';

const outcome = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.kind}:${e.code}` : 'other';
  }
  return 'ok';
};

/**
 * Walks a machine's whole table: every allowed (state, action, role) moves to the row's target state,
 * every other is refused — 404 for a role the action does not name, the machine's 409 for a wrong state.
 */
function walk<S extends string, A extends string, Ctx>(machine: StateMachine<S, A, Ctx>, ctx?: Ctx) {
  for (const row of machineTable(machine, ROLES)) {
    const label = `${machine.entity}: ${row.state} ${row.action} ${row.role}`;
    const t = machine.transitions[row.action];
    const result = outcome(() =>
      machine.transition(row.state, row.action, { role: row.role }, { reason: '理由充分', ctx }),
    );
    if (row.allowed) {
      expect(result, label).toBe('ok');
      expect(machine.transition(row.state, row.action, { role: row.role }, { reason: '理由', ctx }).to).toBe(
        t.to,
      );
      expect(machine.allowedActions(row.state, { role: row.role }, ctx), label).toContain(row.action);
    } else {
      expect(result, label).toMatch(t.roles.includes(row.role) ? /^conflict:/ : /^not_found:/);
      expect(machine.allowedActions(row.state, { role: row.role }, ctx), label).not.toContain(row.action);
    }
  }
}

describe('workflow machines', () => {
  it('collection rounds: draft → open → closed by the province centre, each wrong state with its own code', () => {
    walk(ROUND_MACHINE);
    const pc = { role: 'province_center' } as const;
    expect(outcome(() => ROUND_MACHINE.transition('open', 'open', pc))).toBe('conflict:ROUND_NOT_DRAFT');
    expect(outcome(() => ROUND_MACHINE.transition('closed', 'close', pc))).toBe('conflict:ROUND_NOT_OPEN');
    expect(outcome(() => ROUND_MACHINE.transition('draft', 'close', pc))).toBe('conflict:ROUND_NOT_OPEN');
    expect(ROUND_MACHINE.checkSql('status')).toBe(`status in ('draft', 'open', 'closed')`);
  });

  it('notices: published by the bureau, passed by either province unit; a passed one says so', () => {
    walk(NOTICE_MACHINE);
    const pb = { role: 'province_bureau' } as const;
    expect(outcome(() => NOTICE_MACHINE.transition('passed', 'pass', pb))).toBe(
      'conflict:NOTICE_ALREADY_PASSED',
    );
    expect(outcome(() => NOTICE_MACHINE.transition('draft', 'pass', pb))).toBe(
      'conflict:NOTICE_NOT_PUBLISHED',
    );
    expect(() => NOTICE_MACHINE.transition('published', 'publish', pb)).toThrow('不能发布（仅草稿可以修改）');
    expect(NOTICE_MACHINE.transitions.publish.audit).toBe('notice.published');
    expect(NOTICE_MACHINE.transitions.pass.audit).toBe('notice.passed');
  });

  it('notice items: an upheld objection removes a listed item once, with its reason', () => {
    walk(NOTICE_ITEM_MACHINE);
    const pc = { role: 'province_center' } as const;
    expect(outcome(() => NOTICE_ITEM_MACHINE.transition('listed', 'remove', pc))).toBe(
      'invalid:REASON_REQUIRED',
    );
    expect(outcome(() => NOTICE_ITEM_MACHINE.transition('rejected', 'remove', pc, { reason: '理由' }))).toBe(
      'conflict:OBJECTION_ITEM_REMOVED',
    );
  });

  it('objections: answered once, upheld or dismissed, by the province centre', () => {
    walk(OBJECTION_MACHINE);
    const pc = { role: 'province_center' } as const;
    expect(outcome(() => OBJECTION_MACHINE.transition('upheld', 'dismiss', pc, { reason: '答复' }))).toBe(
      'conflict:OBJECTION_ALREADY_HANDLED',
    );
    expect(OBJECTION_MACHINE.allowedActions('open', { role: 'province_bureau' })).toEqual([]);
  });

  it('spot-check draws: a drawn record is never drawn again, a void one is closed, naming the record', () => {
    walk(SPOT_CHECK_DRAW_MACHINE);
    const pc = { role: 'province_center' } as const;
    expect(() => SPOT_CHECK_DRAW_MACHINE.transition('drawn', 'draw', pc, { subject: 'CC2026-01' })).toThrow(
      /^CC2026-01已抽取，抽取记录不能再次抽取或修改/,
    );
    expect(outcome(() => SPOT_CHECK_DRAW_MACHINE.transition('drawn', 'void', pc, { reason: '理由' }))).toBe(
      'conflict:SPOT_CHECK_ALREADY_DRAWN',
    );
    expect(outcome(() => SPOT_CHECK_DRAW_MACHINE.transition('void', 'draw', pc))).toBe(
      'conflict:SPOT_CHECK_DRAW_VOID',
    );
    expect(outcome(() => SPOT_CHECK_DRAW_MACHINE.transition('committed', 'void', pc))).toBe(
      'invalid:REASON_REQUIRED',
    );
  });

  it('expert draws: committed then drawn by the city bureau; a replacement needs its reason', () => {
    walk(EXPERT_DRAW_MACHINE);
    const cb = { role: 'city_bureau' } as const;
    expect(outcome(() => EXPERT_DRAW_MACHINE.transition('committed', 'redraw', cb))).toBe(
      'invalid:REASON_REQUIRED',
    );
    expect(outcome(() => EXPERT_DRAW_MACHINE.transition('drawn', 'draw', cb))).toBe(
      'conflict:DRAW_ALREADY_DRAWN',
    );
  });

  it('organizations: the city centre activates a pending registration; an active one needs none', () => {
    walk(ORGANIZATION_MACHINE);
    expect(() => ORGANIZATION_MACHINE.transition('active', 'activate', { role: 'city_center' })).toThrow(
      '该单位当前状态为"已激活"，无需激活',
    );
    expect(
      outcome(() => ORGANIZATION_MACHINE.transition('disabled', 'activate', { role: 'city_center' })),
    ).toBe('conflict:ORGANIZATION_NOT_PENDING');
  });

  it('joint spot-check results: the table with a drafter who has not acted, and the relation rows', () => {
    walk(JOINT_RESULT_MACHINE, { isDrafter: true, hasActed: false });
    const inspector = { role: 'inspector' } as const;
    expect(
      outcome(() =>
        JOINT_RESULT_MACHINE.transition('draft', 'submit', inspector, {
          ctx: { isDrafter: false, hasActed: false },
        }),
      ),
    ).toBe('conflict:SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED');
    expect(
      outcome(() =>
        JOINT_RESULT_MACHINE.transition('signing', 'sign', inspector, {
          ctx: { isDrafter: false, hasActed: true },
        }),
      ),
    ).toBe('conflict:SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED');
    expect(
      jointResultAllowedActions('signing', { kind: 'panel_member', isDrafter: false, hasActed: true }),
    ).toEqual([]);
    expect(jointResultAllowedActions('disputed', { kind: 'other' })).toEqual([]);
  });
});
