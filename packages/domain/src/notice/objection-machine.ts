/**
 * 异议状态机 (通知第五条第四款, docs/domain.md §7): an objection is open until the province centre answers
 * it — upheld (异议成立) or dismissed (异议不成立), once, with a reply the objector reads. Both answers are
 * recorded as `objection.answered`; what an upheld one removes is decided by `objectionEffects`.
 */
import { defineMachine } from '../state-machine';
import { NOTICE_CLAUSE } from './notice-window';

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Readonly<Record<ObjectionStatus, string>> = {
  open: '处理中',
  upheld: '异议成立',
  dismissed: '异议不成立',
};

export type ObjectionAction = 'uphold' | 'dismiss';

export const OBJECTION_MACHINE = defineMachine<ObjectionStatus, ObjectionAction>({
  entity: 'objection',
  label: '异议',
  states: OBJECTION_STATUSES,
  stateLabels: OBJECTION_STATUS_LABELS,
  terminal: ['upheld', 'dismissed'],
  transitions: {
    uphold: {
      label: '异议成立',
      from: ['open'],
      to: 'upheld',
      roles: ['province_center'],
      reason: 'required',
      clause: NOTICE_CLAUSE,
      audit: 'objection.answered',
    },
    dismiss: {
      label: '异议不成立',
      from: ['open'],
      to: 'dismissed',
      roles: ['province_center'],
      reason: 'required',
      clause: NOTICE_CLAUSE,
      audit: 'objection.answered',
    },
  },
  refusal: {
    code: 'OBJECTION_ALREADY_HANDLED',
    message: (state) => `该异议已办结（${state}），不能重复处理`,
  },
});

/** The move that records an answer. */
export const objectionAnswerAction = (outcome: 'upheld' | 'dismissed'): ObjectionAction =>
  outcome === 'upheld' ? 'uphold' : 'dismiss';
