/**
 * The round's targeted shortage occupations (紧缺职业（工种）目录) in the applicant's city, shown above the
 * scope items: the city's market counts decide R7 (通知第三条第二款), and the list tells the applicant
 * where the round expects demand.
 */
import { Alert, Space, Tag } from 'antd';
import { codedOccupation } from '../../../components/occupation-label';

export function TargetedOccupations({
  list,
  cityName,
}: {
  list: readonly { code: string; name: string | null }[];
  cityName: string | null;
}) {
  if (list.length === 0) return null;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="targeted-occupations"
      title={`本批次${cityName ?? '本市州'}紧缺职业（工种）目录`}
      description={
        <Space size={4} wrap>
          {list.map((t) => (
            <Tag key={t.code} color="green">
              {codedOccupation(t.code, t.name)}
            </Tag>
          ))}
        </Space>
      }
    />
  );
}
