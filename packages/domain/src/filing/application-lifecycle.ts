/**
 * 备案申请状态机 (docs/domain.md §4, 通知第五条): the ONE transition table of an Application. The server's use
 * cases, the audit trail and the UI's buttons all read it, so a move that is not in this table cannot
 * happen anywhere. Backward moves (省级退回市州, 市州人社局退回鉴定中心) are rows of the table like any
 * other, with a required reason, so nothing is ever edited in place.
 */
import type { Role } from '../roles';
import { defineMachine, type MachineTransition, type ReasonRule } from '../state-machine';

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'verified',
  'rejected',
  'recommended',
  'not_recommended',
  'province_review',
  'spot_check_pool',
  'spot_check',
  'cleared',
  'in_notice',
  'notice_passed',
  'filed',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS: Readonly<Record<ApplicationState, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回补正',
  verified: '已核验',
  rejected: '不予通过',
  recommended: '已推荐',
  not_recommended: '不予推荐',
  province_review: '省级评估中',
  spot_check_pool: '待抽查',
  spot_check: '抽查中',
  // Both drawn-and-passed and not-drawn applications end here, so the label does not say "抽查".
  cleared: '已通过',
  in_notice: '公示中',
  notice_passed: '公示通过',
  filed: '已备案',
  withdrawn: '已撤回',
};

/** Same table under the database's word (applications.status). */
export const APPLICATION_STATUS_LABELS = APPLICATION_STATE_LABELS;
export type ApplicationStatus = ApplicationState;

export const APPLICATION_ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'return_for_correction',
  'pass_verification',
  'reject',
  'recommend',
  'not_recommend',
  'send_back_to_center',
  'forward_to_province',
  'province_pass',
  'province_return',
  'province_reject',
  'draw_selected',
  'draw_not_selected',
  'spot_check_pass',
  'spot_check_fail',
  'publish_notice',
  'notice_pass',
  'notice_reject',
  'confirm_filing',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export interface TransitionRule extends MachineTransition<ApplicationState, undefined> {
  action: ApplicationAction;
  /** Moves the application back to an earlier stage (logged as such, docs/domain.md §4). */
  backward: boolean;
}

/**
 * 撤回 is possible in any state before 公示 (docs/domain.md §4): once the province has published the notice
 * the public may be objecting, so the application must run to its end. Terminal states are excluded.
 */
export const WITHDRAWABLE_STATES: readonly ApplicationState[] = [
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

/** No transition leaves these states; an organization may then start a new application. */
export const TERMINAL_STATES: readonly ApplicationState[] = [
  'rejected',
  'not_recommended',
  'filed',
  'withdrawn',
];

const row = (
  action: ApplicationAction,
  label: string,
  from: readonly ApplicationState[],
  to: ApplicationState,
  roles: readonly Role[],
  reason: ReasonRule,
  clause: string,
  backward = false,
): TransitionRule => ({
  action,
  label,
  from,
  to,
  roles,
  reason,
  backward,
  clause,
  audit: `application.${action}`,
});

const T = {
  applying: '通知第五条第一款',
  city: '通知第五条第二款',
  province: '通知第五条第三款',
  notice: '通知第五条第四款',
  filing: '通知第五条第五款',
};

/** The transition table. One row per action; `from` lists every state it may start in. */
export const TRANSITIONS: Readonly<Record<ApplicationAction, TransitionRule>> = {
  submit: row('submit', '提交', ['draft'], 'submitted', ['applicant'], 'none', T.applying),
  resubmit: row('resubmit', '补正后重新提交', ['returned'], 'submitted', ['applicant'], 'none', T.applying),
  withdraw: row('withdraw', '撤回', WITHDRAWABLE_STATES, 'withdrawn', ['applicant'], 'optional', T.applying),
  return_for_correction: row(
    'return_for_correction',
    '退回补正',
    ['submitted'],
    'returned',
    ['city_center'],
    'required',
    T.applying,
    true,
  ),
  pass_verification: row(
    'pass_verification',
    '核验通过',
    ['submitted'],
    'verified',
    ['city_center'],
    'none',
    T.applying,
  ),
  reject: row('reject', '不予通过', ['submitted'], 'rejected', ['city_center'], 'required', T.applying),
  recommend: row('recommend', '推荐', ['verified'], 'recommended', ['city_bureau'], 'none', T.city),
  not_recommend: row(
    'not_recommend',
    '不予推荐',
    ['verified'],
    'not_recommended',
    ['city_bureau'],
    'required',
    T.city,
  ),
  send_back_to_center: row(
    'send_back_to_center',
    '退回鉴定中心重新核验',
    ['verified'],
    'submitted',
    ['city_bureau'],
    'required',
    T.city,
    true,
  ),
  forward_to_province: row(
    'forward_to_province',
    '汇总报送省级',
    ['recommended'],
    'province_review',
    ['city_bureau'],
    'none',
    T.city,
  ),
  province_pass: row(
    'province_pass',
    '省级评估通过',
    ['province_review'],
    'spot_check_pool',
    ['province_center'],
    'none',
    T.province,
  ),
  province_return: row(
    'province_return',
    '退回市州',
    ['province_review'],
    'verified',
    ['province_center'],
    'required',
    T.province,
    true,
  ),
  province_reject: row(
    'province_reject',
    '省级评估不予通过',
    ['province_review'],
    'rejected',
    ['province_center'],
    'required',
    T.province,
  ),
  draw_selected: row(
    'draw_selected',
    '抽中复核',
    ['spot_check_pool'],
    'spot_check',
    ['province_center'],
    'none',
    T.province,
  ),
  draw_not_selected: row(
    'draw_not_selected',
    '未抽中',
    ['spot_check_pool'],
    'cleared',
    ['province_center'],
    'none',
    T.province,
  ),
  spot_check_pass: row(
    'spot_check_pass',
    '抽查复核通过',
    ['spot_check'],
    'cleared',
    ['inspector', 'province_center'],
    'none',
    T.province,
  ),
  // The drawn panel's joint result moves the application once every member signed; with a dissent the
  // province centre decides (通知§五(三), R11). A failed spot check is a negative outcome with a decision
  // letter, so it needs its reasons too.
  spot_check_fail: row(
    'spot_check_fail',
    '抽查复核不通过',
    ['spot_check'],
    'rejected',
    ['inspector', 'province_center'],
    'required',
    T.province,
  ),
  publish_notice: row(
    'publish_notice',
    '发布公示',
    ['cleared'],
    'in_notice',
    ['province_bureau'],
    'none',
    T.notice,
  ),
  notice_pass: row(
    'notice_pass',
    '公示期满无异议',
    ['in_notice'],
    'notice_passed',
    // Closed by the scheduled job after the end date (as province_bureau) or by either province unit.
    ['province_center', 'province_bureau'],
    'none',
    T.notice,
  ),
  // The province centre handles objections (docs/domain.md §2); when every item's objection is upheld the
  // whole application ends here (a single upheld item is handled on the item, not by this row).
  notice_reject: row(
    'notice_reject',
    '异议成立，不予备案',
    ['in_notice'],
    'rejected',
    ['province_center'],
    'required',
    T.notice,
  ),
  confirm_filing: row(
    'confirm_filing',
    '备案确认',
    ['notice_passed'],
    'filed',
    ['province_bureau'],
    'none',
    T.filing,
  ),
};

export const APPLICATION_ACTION_LABELS: Readonly<Record<ApplicationAction, string>> = Object.fromEntries(
  APPLICATION_ACTIONS.map((a) => [a, TRANSITIONS[a].label]),
) as Record<ApplicationAction, string>;

/** The application lifecycle on the shared state-machine definition (one module for every workflow). */
export const APPLICATION_MACHINE = defineMachine<ApplicationState, ApplicationAction>({
  entity: 'application',
  label: '备案申请',
  states: APPLICATION_STATES,
  stateLabels: APPLICATION_STATE_LABELS,
  terminal: TERMINAL_STATES,
  transitions: TRANSITIONS,
  refusal: {
    code: 'TRANSITION_NOT_ALLOWED',
    message: (state, action) => `当前状态"${state}"不能执行"${action}"`,
  },
});

export const isApplicationState = APPLICATION_MACHINE.isState;
export const isApplicationAction = APPLICATION_MACHINE.isAction;
export const applicationStateLabel = APPLICATION_MACHINE.stateLabel;

export interface TransitionInput {
  reason?: string | null | undefined;
}

/** What the server appends to the audit trail / status history. */
export interface TransitionEvent {
  action: ApplicationAction;
  from: ApplicationState;
  to: ApplicationState;
  /** Trimmed; null when none was given (a comment given on a move that needs none is kept). */
  reason: string | null;
  backward: boolean;
}

export interface TransitionResult {
  ok: true;
  from: ApplicationState;
  to: ApplicationState;
  event: TransitionEvent;
}

/** Decides one move (the order of the checks: see `StateMachine.transition`). */
export function transition(
  state: string,
  action: string,
  actor: { role: Role },
  input: TransitionInput = {},
): TransitionResult {
  const move = APPLICATION_MACHINE.transition(state, action, actor, { reason: input.reason });
  const event: TransitionEvent = {
    action: move.action,
    from: move.from,
    to: move.to,
    reason: move.reason,
    backward: move.backward,
  };
  return { ok: true, from: move.from, to: move.to, event };
}

/** The actions a role may take in a state: the UI's buttons come from the same table as the server's checks. */
export function allowedActions(state: ApplicationState, role: Role): ApplicationAction[] {
  return APPLICATION_MACHINE.allowedActions(state, { role });
}

/** Still under way (not withdrawn, rejected, not recommended or filed): one open application per round. */
export const isOpenStatus = (state: ApplicationState): boolean => !TERMINAL_STATES.includes(state);

/** Whether the applicant may still withdraw (any state before 公示, docs/domain.md §4). */
export const canWithdraw = (state: ApplicationState): boolean => WITHDRAWABLE_STATES.includes(state);
