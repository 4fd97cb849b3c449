/**
 * 征集批次状态机 (通知第五条第一款 组织申报): the province centre drafts a round, opens it (its policy and
 * material slots freeze, applications may start) and closes it. Editing is possible only while draft.
 */
import { defineMachine } from '../state-machine';

export const ROUND_STATES = ['draft', 'open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_LABELS: Readonly<Record<RoundState, string>> = {
  draft: '草稿',
  open: '征集中',
  closed: '已截止',
};

export type RoundAction = 'open' | 'close';

const CLAUSE = '通知第五条第一款';

export const ROUND_MACHINE = defineMachine<RoundState, RoundAction>({
  entity: 'collection_round',
  label: '征集批次',
  states: ROUND_STATES,
  stateLabels: ROUND_STATE_LABELS,
  terminal: ['closed'],
  transitions: {
    open: {
      label: '开启',
      from: ['draft'],
      to: 'open',
      roles: ['province_center'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'round.opened',
      refusal: { code: 'ROUND_NOT_DRAFT', message: () => '只有草稿状态的征集批次可以开启' },
    },
    close: {
      label: '截止',
      from: ['open'],
      to: 'closed',
      roles: ['province_center'],
      reason: 'none',
      clause: CLAUSE,
      audit: 'round.closed',
      refusal: { code: 'ROUND_NOT_OPEN', message: () => '只有征集中的批次可以截止' },
    },
  },
});

/** 修改 is not a move: the round stays draft, and only a draft may be edited (its policy is not frozen). */
export const roundIsEditable = (state: RoundState): boolean => state === 'draft';
