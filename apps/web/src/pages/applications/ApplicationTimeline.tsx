/** 时间线: every transition with time, actor, action and reason (from detail.timeline). */
import { Timeline, Typography } from 'antd';
import { ROLE_LABELS, type Role } from '@skillcert/domain/roles';
import type { TimelineEvent } from '../../api/filing-types';
import { formatDateTime } from '../../components/format';

const COLORS: Record<string, string> = {
  withdrawn: 'gray',
  rejected: 'red',
  not_recommended: 'red',
  returned: 'orange',
};

export function ApplicationTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: i,
        color: COLORS[e.toStatus] ?? (e.toStatus === 'draft' ? 'gray' : 'blue'),
        title: formatDateTime(e.at),
        content: (
          <>
            <Typography.Text strong>{e.actionLabel}</Typography.Text> → {e.toStatusLabel}
            <div>
              <Typography.Text type="secondary">
                {e.actorName ?? '系统'}
                {e.actorRole ? `（${ROLE_LABELS[e.actorRole as Role] ?? e.actorRole}）` : ''}
              </Typography.Text>
            </div>
            {e.reason && <div>理由：{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}
