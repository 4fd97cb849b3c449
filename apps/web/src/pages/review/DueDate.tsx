/** A stage due date with 暂定 (provisional: the year's holidays are not entered yet) and 已超期 tags. */
import { Space, Tag, Typography } from 'antd';
import { formatDate } from '../../components/format';

export function DueDate({
  date,
  provisional,
  overdue,
  daysRemaining,
}: {
  date: string | null;
  provisional?: boolean;
  overdue?: boolean;
  daysRemaining?: number | null;
}) {
  if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
  const late = overdue ?? (daysRemaining !== undefined && daysRemaining !== null && daysRemaining < 0);
  return (
    <Space size={4} wrap>
      <span>{formatDate(date)}</span>
      {daysRemaining !== undefined && daysRemaining !== null && daysRemaining >= 0 && (
        <Typography.Text type="secondary">（剩余 {daysRemaining} 个工作日）</Typography.Text>
      )}
      {provisional && (
        <Tag color="gold" title="该年度节假日数据尚未录入，按仅排除周末暂定">
          暂定
        </Tag>
      )}
      {late && <Tag color="red">已超期</Tag>}
    </Space>
  );
}
