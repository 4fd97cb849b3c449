/**
 * 抽查任务 — one inspector's place on one target's panel (R11, 通知第五条第三款 "双随机"; docs/domain.md §6):
 * drawn as 已分配; an inspector who cannot attend is taken off by a replacement draw, whose public
 * reason the assignment keeps (已替换). The panel's findings are the joint result's own workflow.
 */
import { defineMachine } from '../state-machine';

export const SPOT_CHECK_ASSIGNMENT_STATES = ['assigned', 'replaced'] as const;
export type SpotCheckAssignmentState = (typeof SPOT_CHECK_ASSIGNMENT_STATES)[number];
export type SpotCheckAssignmentAction = 'replace';

export const SPOT_CHECK_ASSIGNMENT_MACHINE = defineMachine<
  SpotCheckAssignmentState,
  SpotCheckAssignmentAction
>({
  entity: 'spot_check_assignment',
  label: '抽查任务',
  states: SPOT_CHECK_ASSIGNMENT_STATES,
  stateLabels: { assigned: '已分配', replaced: '已替换' },
  terminal: ['replaced'],
  transitions: {
    replace: {
      label: '替换督导人员',
      from: ['assigned'],
      to: 'replaced',
      roles: ['province_center'],
      reason: 'required',
      clause: '通知第五条第三款',
      audit: 'spot_check_assignment.replaced',
    },
  },
  refusal: {
    code: 'SPOT_CHECK_PANEL_CHANGED',
    message: () => '该对象的抽查组在承诺后已变化，替换抽取无法进行；请作废本承诺后重新发起',
  },
});
