/**
 * 抽查复核抽取的状态机 (通知第五条第三款 "双随机、一公开", R11; docs/domain.md §6): a draw is committed (the
 * seed's hash published before anyone knows the outcome), then drawn — once, never edited — or voided with
 * a public reason (its seed is then published too). A replacement draw is a new record with the same
 * life; its draw is recorded under its own audit name. A drawn record is never changed: a new
 * replacement record is made instead, and a void one is closed.
 */
import { defineMachine, type MachineRefusal } from '../state-machine';

export const SPOT_CHECK_DRAW_STATES = ['committed', 'drawn', 'void'] as const;
export type SpotCheckDrawState = (typeof SPOT_CHECK_DRAW_STATES)[number];

export const SPOT_CHECK_DRAW_STATE_LABELS: Readonly<Record<SpotCheckDrawState, string>> = {
  committed: '已公布承诺，待抽取',
  drawn: '已抽取',
  void: '已作废',
};

export type SpotCheckDrawAction = 'draw' | 'draw_replacement' | 'void';

const CLAUSE = '通知第五条第三款';

/** The refusals of a move on a record that is no longer committed; `what` is the move as users say it. */
function closedDrawRefusals(what: string): Partial<Record<SpotCheckDrawState, MachineRefusal>> {
  return {
    drawn: {
      code: 'SPOT_CHECK_ALREADY_DRAWN',
      message: (_s, _a, number) =>
        `${number}已抽取，抽取记录不能${what}或修改；如需替换督导人员，请对该对象发起替换抽取（新记录）`,
    },
    void: { code: 'SPOT_CHECK_DRAW_VOID', message: (_s, _a, number) => `${number}已作废，不能${what}` },
  };
}

export const SPOT_CHECK_DRAW_MACHINE = defineMachine<SpotCheckDrawState, SpotCheckDrawAction>({
  entity: 'spot_check_draw',
  label: '抽查复核抽取',
  states: SPOT_CHECK_DRAW_STATES,
  stateLabels: SPOT_CHECK_DRAW_STATE_LABELS,
  terminal: ['drawn', 'void'],
  transitions: {
    draw: {
      label: '抽取',
      from: ['committed'],
      to: 'drawn',
      roles: ['province_center'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'spot_check.drawn',
      refusals: closedDrawRefusals('再次抽取'),
    },
    // The reason of a replacement was given (and published) with its commitment.
    draw_replacement: {
      label: '替换抽取',
      from: ['committed'],
      to: 'drawn',
      roles: ['province_center'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'spot_check.replacement_drawn',
      refusals: closedDrawRefusals('再次抽取'),
    },
    void: {
      label: '作废',
      from: ['committed'],
      to: 'void',
      roles: ['province_center'],
      reason: 'required',
      clause: CLAUSE,
      audit: 'spot_check.voided',
      refusals: closedDrawRefusals('作废'),
    },
  },
});

/** The draw move of a committed record: a round draw or a replacement draw. */
export const spotCheckDrawAction = (kind: 'round' | 'replacement'): SpotCheckDrawAction =>
  kind === 'round' ? 'draw' : 'draw_replacement';
