import { Space, Tag, Tooltip, Typography } from 'antd';

const VERDICT: Record<string, { color: string; label: string }> = {
  ok: { color: 'green', label: '当地紧缺' },
  warn: { color: 'orange', label: '非紧缺（须确认）' },
  refuse: { color: 'red', label: '非紧缺（不予受理）' },
};

/**
 * 本市已备案 N 家 / 全省 M 家 (bodies filed for social evaluation of the occupation, the applicant not
 * counted) with the R7 verdict (规则R7, 通知第三条第二款).
 */
export function ShortageTag({
  city,
  province,
  verdict,
  message,
}: {
  city: number;
  province: number;
  verdict: string;
  message: string;
}) {
  const v = VERDICT[verdict];
  return (
    <Space size={4} wrap>
      <Tooltip title="已备案社会评价机构（不含本单位）">
        <Typography.Text type="secondary">
          本市已备案 {city} 家 / 全省 {province} 家
        </Typography.Text>
      </Tooltip>
      <Tooltip title={`${message}（规则R7）`}>
        <Tag color={v?.color}>{v?.label ?? verdict}</Tag>
      </Tooltip>
    </Space>
  );
}
