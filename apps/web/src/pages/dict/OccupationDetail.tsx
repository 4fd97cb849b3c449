/** One occupation: GET /api/dict/occupations/:code, with its national skill standards. */
import { Card, Descriptions, Empty, List, Skeleton, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { routeKey } from '../../api/query';
import { levelText, OCCUPATION_LEVELS, OccupationTags } from './occupation-tags';
import { codedOccupation } from '../../components/occupation-label';

export function OccupationDetail({ code }: { code: string | null }) {
  const detail = useQuery({
    queryKey: routeKey('/api/dict/occupations/:code', code),
    queryFn: () => api.get('/api/dict/occupations/:code', { params: { code: code ?? '' } }),
    enabled: !!code,
  });
  const o = detail.data?.occupation ?? null;
  const loading = detail.isFetching;

  if (!code) {
    return (
      <Card>
        <Empty description="在左侧目录中点选职业，或在上方按代码、名称搜索，即可查看详情与对应的国家职业技能标准" />
      </Card>
    );
  }
  if (loading || !o)
    return <Card>{loading ? <Skeleton active /> : <Empty description="未找到该职业" />}</Card>;
  return (
    <Card title={codedOccupation(o.code, o.name)}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="层级">{OCCUPATION_LEVELS[o.level] ?? o.level}</Descriptions.Item>
        <Descriptions.Item label="上级代码">{o.parentCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="标识">
          <OccupationTags o={o} />
          {!o.markers?.length && !o.restrictedByQualification && o.restrictionReview !== 'uncertain' && '—'}
        </Descriptions.Item>
      </Descriptions>
      {o.level === 'occupation' && (
        <>
          <h4 style={{ marginTop: 16 }}>国家职业技能标准</h4>
          <List
            size="small"
            bordered
            dataSource={detail.data?.standards ?? []}
            locale={{ emptyText: '尚无对应的国家职业技能标准：此职业暂不能申报备案（规则R4）' }}
            renderItem={(s) => (
              <List.Item>
                <Space orientation="vertical" size={2}>
                  <span>
                    {s.name}（{s.year}年版）
                  </span>
                  <Space size={2} wrap>
                    {s.levelsStatus === 'recorded' ? (
                      s.levels.map((l) => <Tag key={l}>{levelText(l)}</Tag>)
                    ) : (
                      <Tag color="orange">等级待核对</Tag>
                    )}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
