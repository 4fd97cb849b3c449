import { Tag } from 'antd';
import { APPLICATION_STATUS_LABELS } from '@skillcert/domain';
import { APPLICATION_STATUS_COLOR } from '../../components/labels';

/** An application's state as a coloured tag. */
export function StatusTag({ status, label }: { status: string; label?: string }) {
  return (
    <Tag color={APPLICATION_STATUS_COLOR[status]}>
      {label || APPLICATION_STATUS_LABELS[status as keyof typeof APPLICATION_STATUS_LABELS] || status}
    </Tag>
  );
}
