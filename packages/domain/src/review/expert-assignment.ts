/**
 * 评审任务 — one expert's assignment to review one application (通知第五条第二款 "组织专家"; docs/domain.md §6):
 * drawn as 待评审; the assigned expert submits their scoring once (已提交, locked: the review row is
 * unique per assignment); until then the city bureau may replace them by a new draw with a reason
 * (已替换), which the replacement draw record carries. A submitted review is never replaced.
 */
import { defineMachine } from '../state-machine';

export const EXPERT_ASSIGNMENT_STATES = ['assigned', 'submitted', 'replaced'] as const;
export type ExpertAssignmentState = (typeof EXPERT_ASSIGNMENT_STATES)[number];
export type ExpertAssignmentAction = 'submit' | 'replace';

export interface ExpertAssignmentRelation {
  /** The actor is the expert this assignment was drawn for. */
  isAssignedExpert: boolean;
}

export const EXPERT_ASSIGNMENT_MACHINE = defineMachine<
  ExpertAssignmentState,
  ExpertAssignmentAction,
  ExpertAssignmentRelation
>({
  entity: 'expert_assignment',
  label: '评审任务',
  states: EXPERT_ASSIGNMENT_STATES,
  stateLabels: { assigned: '待评审', submitted: '已提交', replaced: '已替换' },
  terminal: ['submitted', 'replaced'],
  transitions: {
    submit: {
      label: '提交评审意见',
      from: ['assigned'],
      to: 'submitted',
      roles: ['expert'],
      reason: 'none',
      clause: '通知第五条第二款',
      audit: 'expert_review.submitted',
      when: (ctx) => ctx.isAssignedExpert,
    },
    replace: {
      label: '替换专家',
      from: ['assigned'],
      to: 'replaced',
      roles: ['city_bureau'],
      reason: 'required',
      clause: '通知第五条第二款',
      audit: 'expert_assignment.replaced',
    },
  },
  refusal: {
    code: 'REVIEW_ALREADY_SUBMITTED',
    message: () => '评审意见已提交并锁定，不能再次提交或修改',
  },
});
