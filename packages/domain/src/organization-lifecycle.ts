/**
 * 申报单位账号的状态机 (通知第五条第一款 "属地管理"): a registration waits (待激活) until the city centre of
 * its city activates it; a disabled one (已停用) takes no step here. A registration dispute changes the
 * accounts, not the organization's state.
 */
import { defineMachine } from './state-machine';

export const ORGANIZATION_STATES = ['pending', 'active', 'disabled'] as const;
export type OrganizationState = (typeof ORGANIZATION_STATES)[number];

export const ORGANIZATION_STATE_LABELS: Readonly<Record<OrganizationState, string>> = {
  pending: '待激活',
  active: '已激活',
  disabled: '已停用',
};

export const ORGANIZATION_MACHINE = defineMachine<OrganizationState, 'activate'>({
  entity: 'organization',
  label: '单位',
  states: ORGANIZATION_STATES,
  stateLabels: ORGANIZATION_STATE_LABELS,
  terminal: [],
  transitions: {
    activate: {
      label: '激活',
      from: ['pending'],
      to: 'active',
      roles: ['city_center'],
      reason: 'none',
      clause: '通知第五条第一款',
      audit: 'organization.activated',
    },
  },
  refusal: { code: 'ORGANIZATION_NOT_PENDING', message: (state) => `该单位当前状态为"${state}"，无需激活` },
});
