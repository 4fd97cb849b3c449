/**
 * 专家抽取记录的状态机 (通知第五条第二款; docs/domain.md §6): the commitment (seed hash, pool and recusal
 * hashes) is stored first, then the draw is made from it in the same transaction — a first draw or a
 * replacement (补抽, with its reason). A drawn record is never changed; a new replacement record is made.
 */
import { defineMachine } from '../state-machine';

export const EXPERT_DRAW_STATES = ['committed', 'drawn'] as const;
export type ExpertDrawState = (typeof EXPERT_DRAW_STATES)[number];

export const EXPERT_DRAW_STATE_LABELS: Readonly<Record<ExpertDrawState, string>> = {
  committed: '已承诺，待抽取',
  drawn: '已抽取',
};

export type ExpertDrawAction = 'draw' | 'redraw';

const CLAUSE = '通知第五条第二款';

export const EXPERT_DRAW_MACHINE = defineMachine<ExpertDrawState, ExpertDrawAction>({
  entity: 'draw',
  label: '专家抽取',
  states: EXPERT_DRAW_STATES,
  stateLabels: EXPERT_DRAW_STATE_LABELS,
  terminal: ['drawn'],
  transitions: {
    draw: {
      label: '抽取评审专家',
      from: ['committed'],
      to: 'drawn',
      roles: ['city_bureau'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'expert_draw.drawn',
    },
    redraw: {
      label: '补抽评审专家',
      from: ['committed'],
      to: 'drawn',
      roles: ['city_bureau'],
      // A replacement says why (the replaced experts' panel changes): checked with its own code first.
      reason: 'required',
      clause: CLAUSE,
      audit: 'expert_draw.replaced',
    },
  },
  refusal: { code: 'DRAW_ALREADY_DRAWN', message: () => '该抽取已完成，抽取记录不能修改' },
});
