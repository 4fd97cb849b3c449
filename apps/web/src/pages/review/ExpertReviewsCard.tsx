/** 专家评审情况: GET /api/applications/:id/expert-reviews — submitted / assigned, each expert's scores, averages. */
import { Card, Space, Table, Tag, Typography } from 'antd';
import type { ExpertReviews } from '../../api/review-types';
import { formatDateTime } from '../../components/format';

type Row = { key: string; name: string; values: Record<string, number | null>; at?: string };

export function ExpertReviewsCard({ reviews }: { reviews: ExpertReviews | null }) {
  if (!reviews) return null;
  const dims = reviews.dimensions;
  const rows: Row[] = [
    ...reviews.items.map((r) => ({
      key: r.id,
      name: `${r.expertCode} ${r.expertName}`,
      values: Object.fromEntries(dims.map((d) => [d.code, r.scores[d.code]?.score ?? null])),
      at: r.submittedAt,
    })),
    ...(reviews.items.length > 0
      ? [{ key: 'avg', name: '平均分', values: Object.fromEntries(dims.map((d) => [d.code, d.average])) }]
      : []),
  ];
  const done = reviews.assigned > 0 && reviews.submitted >= reviews.assigned;
  return (
    <Card
      size="small"
      title="专家评审情况"
      data-testid="expert-reviews-card"
      extra={
        <Space>
          <Typography.Text>
            已提交 {reviews.submitted} / {reviews.assigned}
          </Typography.Text>
          {done ? <Tag color="green">评审完成</Tag> : <Tag color="orange">评审中</Tag>}
        </Space>
      }
    >
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText: '尚无专家提交评审意见' }}
        columns={[
          {
            title: '专家',
            dataIndex: 'name',
            render: (v: string, r) => (r.key === 'avg' ? <Typography.Text strong>{v}</Typography.Text> : v),
          },
          ...dims.map((d) => ({
            title: d.name,
            key: d.code,
            render: (_: unknown, r: Row) => {
              const v = r.values[d.code];
              return v === null || v === undefined ? '—' : Number.isInteger(v) ? v : v.toFixed(1);
            },
          })),
          { title: '提交时间', key: 'at', render: (_, r) => (r.at ? formatDateTime(r.at) : '') },
        ]}
      />
    </Card>
  );
}
