/**
 * 工作流状态机 — the one way a workflow is written down (ARCHITECTURE.md "State changes"): its states, its
 * actions, who may take each action (a role, and where it matters a relation to the record such as "the
 * drafter" or "a member of the panel"), whether a reason is required, the clause that gives the step, and
 * the audit action it records. `allowedActions` (the UI's buttons) and `transition` (the server's check)
 * read the same table, and the database's CHECK constraint on the status column is generated from it, so a
 * state or move that is not in the table cannot happen anywhere.
 */
import { conflict, invalid, notFound } from './errors';
import type { Role } from './roles';
import type { AuditAction } from './audit-labels';
import type { ErrorCode } from './error-codes';

/** Whether the actor must give a reason: every negative or backward move must, so letters can cite it. */
export type ReasonRule = 'required' | 'optional' | 'none';

export interface MachineActor {
  role: Role;
}

export interface MachineTransition<S extends string, Ctx> {
  /** Chinese label of the action (buttons, timeline, error messages). */
  label: string;
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  reason: ReasonRule;
  /** The clause (or docs/domain.md section) that gives this step; kept so the audit trail can name it. */
  clause: string;
  /** The audit action written for this move (`<entity>.<past tense>`, labelled in audit-labels.ts). */
  audit: AuditAction;
  /** Moves the record back to an earlier stage (logged as such). */
  backward?: boolean;
  /**
   * A relation the actor must have beyond the role (the drafter, a panel member who has not signed yet).
   * When it does not hold the move is refused as not allowed in this state (409), like a wrong state:
   * the actor can see the record, so a 404 would be a lie.
   */
  when?: (ctx: Ctx) => boolean;
  /**
   * How this action is refused in a wrong state, when that must say more than the machine's refusal:
   * `refusal` for every wrong state, `refusals` for one (公示已办结 → "不能重复办结", 草稿 → "尚未发布"),
   * so the codes and wording users and clients already know stay.
   */
  refusal?: MachineRefusal;
  refusals?: Partial<Readonly<Record<S, MachineRefusal>>>;
}

export interface MachineRefusal {
  /** Stable code of the 409 answer for a move not allowed in the current state. */
  code: ErrorCode;
  /**
   * Chinese message; gets the state's and the action's labels, and the record's public name when the
   * caller gave one (`subject`: a draw's number, so the answer names the record).
   */
  message?: (stateLabel: string, actionLabel: string, subject: string) => string;
}

export interface MachineSpec<S extends string, A extends string, Ctx> {
  /** English name of the record (audit target type, timeline key): 'round', 'notice', … */
  entity: string;
  /** Chinese name of the record, for messages. */
  label: string;
  states: readonly S[];
  stateLabels: Readonly<Record<S, string>>;
  /** States no action leaves. */
  terminal: readonly S[];
  transitions: Readonly<Record<A, MachineTransition<S, Ctx>>>;
  refusal?: MachineRefusal;
}

export interface MachineMove<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
  /** Trimmed; null when none was given. */
  reason: string | null;
  backward: boolean;
  audit: AuditAction;
  clause: string;
}

export interface StateMachine<S extends string, A extends string, Ctx> extends MachineSpec<S, A, Ctx> {
  actions: readonly A[];
  isState(value: unknown): value is S;
  isAction(value: unknown): value is A;
  stateLabel(state: string): string;
  actionLabel(action: string): string;
  /** The actions `actor` may take on a record in `state` (relations checked against `ctx`). */
  allowedActions(state: S, actor: MachineActor, ctx?: Ctx): A[];
  /**
   * Decides one move. In this order, because each answers a different caller mistake: an unknown state
   * or action, or a state the action does not start from → 409 (the machine's refusal code); the role is
   * not one of the action's roles → 404 (another role's endpoint is answered 404, docs/domain.md §4
   * "Access"); the relation does not hold → 409; a required reason is blank → 400 REASON_REQUIRED.
   */
  transition(
    state: string,
    action: string,
    actor: MachineActor,
    input?: { reason?: string | null | undefined; ctx?: Ctx; subject?: string },
  ): MachineMove<S, A>;
  /**
   * Refuses (the machine's 409) a state `action` does not start from, whoever asks: for a rule that
   * checks the state before anything else, in the order its callers' answers depend on.
   */
  assertFrom(state: string, action: A, subject?: string): void;
  /** SQL of the CHECK constraint on the status column (`<column> in ('a', 'b', …)`). */
  checkSql(column: string): string;
}

export function defineMachine<S extends string, A extends string, Ctx = undefined>(
  spec: MachineSpec<S, A, Ctx>,
): StateMachine<S, A, Ctx> {
  const actions = Object.keys(spec.transitions) as A[];
  for (const action of actions) {
    const t = spec.transitions[action];
    for (const s of [...t.from, t.to]) {
      if (!spec.states.includes(s)) throw new Error(`${spec.entity}.${action}: unknown state ${s}`);
    }
    if (t.from.some((s) => spec.terminal.includes(s))) {
      throw new Error(`${spec.entity}.${action}: starts from a terminal state`);
    }
  }
  const isState = (v: unknown): v is S =>
    typeof v === 'string' && (spec.states as readonly string[]).includes(v);
  const isAction = (v: unknown): v is A => typeof v === 'string' && (actions as string[]).includes(v);
  const stateLabel = (s: string) => (isState(s) ? spec.stateLabels[s] : s);
  const actionLabel = (a: string) => (isAction(a) ? spec.transitions[a].label : a);
  const refuse = (state: string, action: string, subject = '') => {
    const t = isAction(action) ? spec.transitions[action] : undefined;
    const refusal = (isState(state) ? t?.refusals?.[state] : undefined) ?? t?.refusal ?? spec.refusal;
    return conflict(
      refusal?.code ?? 'TRANSITION_NOT_ALLOWED',
      refusal?.message?.(stateLabel(state), actionLabel(action), subject) ??
        `${spec.label}当前为"${stateLabel(state)}"，不能执行"${actionLabel(action)}"`,
    );
  };
  const relationHolds = (t: MachineTransition<S, Ctx>, ctx: Ctx | undefined) =>
    t.when === undefined || (ctx !== undefined && t.when(ctx));

  return {
    ...spec,
    actions,
    isState,
    isAction,
    stateLabel,
    actionLabel,
    allowedActions(state, actor, ctx) {
      return actions.filter((a) => {
        const t = spec.transitions[a];
        return t.from.includes(state) && t.roles.includes(actor.role) && relationHolds(t, ctx);
      });
    },
    transition(state, action, actor, input = {}) {
      if (!isAction(action) || !isState(state)) throw refuse(state, action, input.subject);
      const t = spec.transitions[action];
      if (!t.roles.includes(actor.role)) throw notFound();
      if (!t.from.includes(state)) throw refuse(state, action, input.subject);
      if (!relationHolds(t, input.ctx)) throw refuse(state, action, input.subject);
      const reason = input.reason?.trim() || null;
      if (t.reason === 'required' && reason === null) {
        const message = `执行"${t.label}"须填写理由`;
        throw invalid('REASON_REQUIRED', message, [{ code: 'REASON_REQUIRED', message, field: 'reason' }]);
      }
      return {
        action,
        from: state,
        to: t.to,
        reason,
        backward: t.backward ?? false,
        audit: t.audit,
        clause: t.clause,
      };
    },
    assertFrom(state, action, subject) {
      if (!isState(state) || !spec.transitions[action].from.includes(state)) {
        throw refuse(state, action, subject);
      }
    },
    checkSql(column) {
      return `${column} in (${spec.states.map((s) => `'${s}'`).join(', ')})`;
    },
  };
}

/** Every (state, action, role) of a machine with whether it is allowed: what a table test walks. */
export function machineTable<S extends string, A extends string, Ctx>(
  machine: StateMachine<S, A, Ctx>,
  roles: readonly Role[],
): { state: S; action: A; role: Role; allowed: boolean }[] {
  const rows: { state: S; action: A; role: Role; allowed: boolean }[] = [];
  for (const state of machine.states) {
    for (const action of machine.actions) {
      const t = machine.transitions[action];
      for (const role of roles) {
        rows.push({ state, action, role, allowed: t.from.includes(state) && t.roles.includes(role) });
      }
    }
  }
  return rows;
}
