/**
 * 公示 and its items as state machines (通知第五条第四款, docs/domain.md §7). The province centre prepares
 * a notice (draft, editable), the bureau publishes it (the window starts), and after the window, with no
 * open objection, it passes — by hand or by the scheduled job, which acts as province_bureau. An item is
 * listed until an upheld objection removes it (rejected, with the reply as reason).
 */
import { defineMachine } from '../state-machine';
import { NOTICE_CLAUSE, NOTICE_STATUSES, NOTICE_STATUS_LABELS, type NoticeStatus } from './notice-window';

export type NoticeAction = 'publish' | 'pass';

export const NOTICE_MACHINE = defineMachine<NoticeStatus, NoticeAction>({
  entity: 'public_notice',
  label: '公示',
  states: NOTICE_STATUSES,
  stateLabels: NOTICE_STATUS_LABELS,
  terminal: ['passed'],
  transitions: {
    publish: {
      label: '发布',
      from: ['draft'],
      to: 'published',
      roles: ['province_bureau'],
      reason: 'none',
      clause: NOTICE_CLAUSE,
      audit: 'notice.published',
    },
    pass: {
      label: '办结',
      from: ['published'],
      to: 'passed',
      roles: ['province_center', 'province_bureau'],
      reason: 'none',
      clause: NOTICE_CLAUSE,
      audit: 'notice.passed',
      refusals: {
        draft: { code: 'NOTICE_NOT_PUBLISHED', message: () => '公示尚未发布，不能办结' },
        passed: { code: 'NOTICE_ALREADY_PASSED', message: () => '本次公示已办结，不能重复办结' },
      },
    },
  },
  refusal: {
    code: 'NOTICE_NOT_DRAFT',
    message: (state, action) => `公示已${state}，不能${action}（仅草稿可以修改）`,
  },
});

export const NOTICE_ITEM_STATES = ['listed', 'rejected'] as const;
export type NoticeItemState = (typeof NOTICE_ITEM_STATES)[number];

export const NOTICE_ITEM_STATE_LABELS: Readonly<Record<NoticeItemState, string>> = {
  listed: '公示中',
  rejected: '异议成立，已移出',
};

export type NoticeItemAction = 'remove';

export const NOTICE_ITEM_MACHINE = defineMachine<NoticeItemState, NoticeItemAction>({
  entity: 'public_notice_item',
  label: '公示条目',
  states: NOTICE_ITEM_STATES,
  stateLabels: NOTICE_ITEM_STATE_LABELS,
  terminal: ['rejected'],
  transitions: {
    // An upheld objection removes the item; the objection's reply is the reason the organization reads.
    remove: {
      label: '异议成立，移出公示',
      from: ['listed'],
      to: 'rejected',
      roles: ['province_center'],
      reason: 'required',
      clause: NOTICE_CLAUSE,
      audit: 'notice_item.removed',
    },
  },
  refusal: { code: 'OBJECTION_ITEM_REMOVED', message: () => '该条目已因异议成立移出公示' },
});
