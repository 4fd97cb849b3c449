/**
 * 会签 of a joint on-site spot-check result (通知§五(三)): who signed or dissented, who has not yet, and
 * the province centre's decision as one line. Shared by the inspector's page and the province's detail.
 */
import { Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../components/format';
import type { JointResult } from './types';

export function JointSignatures({
  result,
  withTimes = false,
}: {
  result: Pick<JointResult, 'signatures' | 'awaiting' | 'status'>;
  /** The inspector's page shows when each member acted and that a draft is not yet out for signing. */
  withTimes?: boolean;
}) {
  return (
    <Space orientation="vertical" size={2}>
      {result.signatures.map((s) => (
        <div key={s.inspectorName}>
          <Tag color={s.kind === 'sign' ? 'green' : 'orange'}>{s.kindLabel}</Tag>
          {s.inspectorName}
          {withTimes ? (
            <>
              <Typography.Text type="secondary"> · {formatDateTime(s.createdAt)}</Typography.Text>
              {s.reason ? <div>异议理由：{s.reason}</div> : null}
            </>
          ) : s.reason ? (
            `：${s.reason}`
          ) : (
            ''
          )}
        </div>
      ))}
      {result.awaiting.length > 0 && (
        <Typography.Text type="secondary">待签字：{result.awaiting.join('、')}</Typography.Text>
      )}
      {withTimes && result.status === 'draft' && (
        <Typography.Text type="secondary">草稿尚未提交会签</Typography.Text>
      )}
    </Space>
  );
}

/** The province centre's decision on a disputed result, as one line. */
export const decisionText = (d: NonNullable<JointResult['decision']>) =>
  `${d.outcomeLabel}：${d.reason}（${d.decidedByName}，${formatDateTime(d.decidedAt)}）`;
