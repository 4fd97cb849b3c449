/**
 * 实地抽查复核的联合结果 (通知§五(三) "按照'双随机、一公开'的原则开展实地抽查复核"; domain.md §5 R11):
 * the result of a target is recorded **on site** — the visit date (not in the future, not before the
 * draw), the place, who was present and at least one piece of evidence — and it is **joint**: one panel
 * member drafts it, then every panel member of the target signs it off or records a dissent with a reason.
 * It takes effect only when every member has signed; with a dissent the province centre decides.
 *
 *   draft ──submit (drafter)──▶ signing ──every member signed──▶ agreed
 *                                   └──all acted, ≥ 1 dissent──▶ disputed ──decide (province centre)──▶ decided
 */
import { conflict, invalid } from '../errors';
import type { ErrorCode } from '../error-codes';
import type { Role } from '../roles';
import { defineMachine } from '../state-machine';

export const JOINT_RESULT_STATES = ['draft', 'signing', 'agreed', 'disputed', 'decided'] as const;
export type JointResultState = (typeof JOINT_RESULT_STATES)[number];

export const JOINT_RESULT_STATE_LABELS: Readonly<Record<JointResultState, string>> = {
  draft: '草稿',
  signing: '会签中',
  agreed: '全员签字确认',
  disputed: '有异议，待省鉴定中心裁决',
  decided: '省鉴定中心已裁决',
};

export const JOINT_RESULT_ACTIONS = ['submit', 'sign', 'dissent', 'decide'] as const;
export type JointResultAction = (typeof JOINT_RESULT_ACTIONS)[number];

/** Who looks at a result: a member of the target's panel (the drafter or not), the province centre, anyone else. */
export type JointResultActor =
  | { kind: 'panel_member'; isDrafter: boolean; hasActed: boolean }
  | { kind: 'province_center' }
  | { kind: 'other' };

/** A panel member's relation to the result (the `when` of the machine's rows). */
export interface JointResultRelation {
  isDrafter: boolean;
  hasActed: boolean;
}

const CLAUSE = '通知第五条第三款';

/**
 * The table. A signature or dissent keeps the result in 会签 while a member has not acted; once every
 * current member acted, `stateAfterSignatures` settles it (agreed, or disputed on any dissent) — the
 * `to` of those rows is the state the member's own act leaves it in before that settling.
 */
export const JOINT_RESULT_MACHINE = defineMachine<JointResultState, JointResultAction, JointResultRelation>({
  entity: 'spot_check_result',
  label: '复核结果',
  states: JOINT_RESULT_STATES,
  stateLabels: JOINT_RESULT_STATE_LABELS,
  terminal: ['agreed', 'decided'],
  transitions: {
    submit: {
      label: '提交会签',
      from: ['draft'],
      to: 'signing',
      roles: ['inspector'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'spot_check.result_submitted',
      when: (r) => r.isDrafter,
    },
    sign: {
      label: '签字确认',
      from: ['signing'],
      to: 'signing',
      roles: ['inspector'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'spot_check.result_signed',
      when: (r) => !r.hasActed,
    },
    dissent: {
      label: '提出异议',
      from: ['signing'],
      to: 'signing',
      roles: ['inspector'],
      reason: 'required',
      clause: CLAUSE,
      audit: 'spot_check.result_dissented',
      when: (r) => !r.hasActed,
    },
    decide: {
      label: '裁决',
      from: ['disputed'],
      to: 'decided',
      roles: ['province_center'],
      reason: 'required',
      clause: CLAUSE,
      audit: 'spot_check.result_decided',
    },
  },
  refusal: {
    code: 'SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED',
    message: (state, action) => `复核结果当前为"${state}"，不能${action}（或您已签字、提出异议）`,
  },
});

export const JOINT_RESULT_ACTION_LABELS: Readonly<Record<JointResultAction, string>> = {
  submit: JOINT_RESULT_MACHINE.transitions.submit.label,
  sign: JOINT_RESULT_MACHINE.transitions.sign.label,
  dissent: JOINT_RESULT_MACHINE.transitions.dissent.label,
  decide: JOINT_RESULT_MACHINE.transitions.decide.label,
};

/** The results that count: the application moves and the result may be published (一公开). */
export function jointResultIsEffective(state: JointResultState): boolean {
  return state === 'agreed' || state === 'decided';
}

/** The machine's actor and relation for one who looks at a result; null for anyone else (no action). */
function machineActorOf(
  actor: JointResultActor,
): { role: Role; relation: JointResultRelation | undefined } | null {
  if (actor.kind === 'province_center') return { role: 'province_center', relation: undefined };
  if (actor.kind === 'panel_member') {
    return { role: 'inspector', relation: { isDrafter: actor.isDrafter, hasActed: actor.hasActed } };
  }
  return null;
}

/** What `actor` may do with a result in `state` (the buttons a user sees; the server checks the same). */
export function jointResultAllowedActions(
  state: JointResultState,
  actor: JointResultActor,
): JointResultAction[] {
  const a = machineActorOf(actor);
  return a ? JOINT_RESULT_MACHINE.allowedActions(state, { role: a.role }, a.relation) : [];
}

/** Refuses an action the actor may not take now (409 `SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED`). */
export function assertJointResultAction(
  state: JointResultState,
  actor: JointResultActor,
  action: JointResultAction,
): void {
  if (!jointResultAllowedActions(state, actor).includes(action)) {
    throw conflict(
      'SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED',
      `复核结果当前为"${JOINT_RESULT_STATE_LABELS[state]}"，不能${JOINT_RESULT_ACTION_LABELS[action]}（或您已签字、提出异议）`,
    );
  }
}

export interface PanelSignature {
  inspectorId: string;
  kind: 'sign' | 'dissent';
}

/**
 * The state after a signature: still signing while a current panel member has not acted; then agreed
 * when everyone signed, disputed when anyone dissented. Only signatures of current members count.
 */
export function stateAfterSignatures(
  panelInspectorIds: readonly string[],
  signatures: readonly PanelSignature[],
): 'signing' | 'agreed' | 'disputed' {
  const of = new Map(signatures.map((s) => [s.inspectorId, s.kind]));
  if (panelInspectorIds.some((id) => !of.has(id))) return 'signing';
  return panelInspectorIds.some((id) => of.get(id) === 'dissent') ? 'disputed' : 'agreed';
}

export interface OnSiteRecordInput {
  /** YYYY-MM-DD, Beijing time. */
  visitDate: string;
  place: string;
  present: string;
  attachmentCount: number;
}

/**
 * The on-site facts of a draft: errors 400 `VISIT_DATE_INVALID`, `VISIT_DATE_IN_FUTURE`,
 * `VISIT_DATE_BEFORE_DRAW`, `VISIT_PLACE_REQUIRED`, `VISIT_PRESENT_REQUIRED`, `EVIDENCE_REQUIRED`.
 * `today` and `drawnOn` (the day of the draw) are Beijing calendar dates, passed in.
 */
export function checkOnSiteRecord(
  input: OnSiteRecordInput,
  context: { today: string; drawnOn: string },
): { visitDate: string; place: string; present: string } {
  const visitDate = input.visitDate.trim();
  const field = (code: ErrorCode, name: string, message: string) =>
    invalid(code, message, [{ code, field: name, message }]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(visitDate) || Number.isNaN(Date.parse(`${visitDate}T00:00:00Z`))) {
    throw field('VISIT_DATE_INVALID', 'visitDate', '请填写实地复核日期（年-月-日）');
  }
  if (visitDate > context.today) {
    throw field('VISIT_DATE_IN_FUTURE', 'visitDate', '实地复核日期不能晚于今天');
  }
  if (visitDate < context.drawnOn) {
    throw field('VISIT_DATE_BEFORE_DRAW', 'visitDate', `实地复核日期不能早于抽取日期（${context.drawnOn}）`);
  }
  const place = input.place.trim();
  if (!place) throw field('VISIT_PLACE_REQUIRED', 'place', '请填写实地复核地点');
  const present = input.present.trim();
  if (!present)
    throw field('VISIT_PRESENT_REQUIRED', 'present', '请填写在场人员（被复核单位人员及复核组成员）');
  if (input.attachmentCount < 1) {
    throw field('EVIDENCE_REQUIRED', 'attachmentFileIds', '请至少上传一份现场证据（照片或扫描件）');
  }
  return { visitDate, place, present };
}

/** A dissent needs its reason (400 `DISSENT_REASON_REQUIRED`). */
export function checkDissentReason(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) {
    throw invalid('DISSENT_REASON_REQUIRED', '提出异议须填写理由', [
      { code: 'DISSENT_REASON_REQUIRED', field: 'reason', message: '请填写异议理由' },
    ]);
  }
  return r;
}

/** The province centre's decision needs its reason (400 `DECISION_REASON_REQUIRED`). */
export function checkDecisionReason(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) {
    throw invalid('DECISION_REASON_REQUIRED', '裁决须填写理由', [
      { code: 'DECISION_REASON_REQUIRED', field: 'reason', message: '请填写裁决理由' },
    ]);
  }
  return r;
}

/** Timeline lines of the joint result's steps (the application's status does not change with them). */
export const SPOT_CHECK_RESULT_EVENT_LABELS: Readonly<Record<string, string>> = {
  spot_check_result_drafted: '起草抽查复核结果',
  spot_check_result_submitted: '抽查复核结果提交会签',
  spot_check_result_signed: '复核组成员签字确认',
  spot_check_result_dissented: '复核组成员提出异议',
};
