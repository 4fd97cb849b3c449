/**
 * 抽查公开 (public, no login): GET /api/public/draws — every spot-check draw of the province: the
 * commitment as soon as it is made, the draw, the results once published. Readable on a phone.
 */
import { Alert, Card, Empty, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, type Paged } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { DRAW_STATUS_COLOR, type PublicDrawSummary } from '../province/types';

function DrawCard({ d }: { d: PublicDrawSummary }) {
  return (
    <Card
      size="small"
      title={
        <Link to={`/public/draws/${d.id}`} style={{ whiteSpace: 'normal' }}>
          {d.number} {d.kindLabel}
        </Link>
      }
      extra={<Tag color={DRAW_STATUS_COLOR[d.status]}>{d.statusLabel}</Tag>}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{d.roundTitle}</Typography.Text>
        {d.kind === 'round' ? (
          <span>
            从 {d.poolSize} 个省级评估通过的申请中抽取 {d.sampleSize} 个，每个对象 {d.inspectorsPerTarget}{' '}
            名督导人员
          </span>
        ) : (
          <span>替换抽查对象的督导人员 {d.inspectorsPerTarget} 名</span>
        )}
        <span>承诺公布：{formatDateTime(d.committedAt)}</span>
        {d.drawnAt && <span>抽取时间：{formatDateTime(d.drawnAt)}</span>}
        {d.resultsPublishedAt && (
          <span>
            <Tag color="green">复核结果已公开</Tag>
            {formatDateTime(d.resultsPublishedAt)}
          </span>
        )}
        <Link to={`/public/draws/${d.id}`}>
          {d.status === 'committed' ? '查看承诺 ›' : '查看结果并复现 ›'}
        </Link>
      </Space>
    </Card>
  );
}

export default function PublicDrawsPage() {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Paged<PublicDrawSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    setData(null);
    api
      .get('/api/public/draws', { query: { page, pageSize: 10 } }, { silent: true, noAuthRedirect: true })
      .then(
        (d) => !stale && setData(d),
        (e: unknown) => !stale && setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
      );
    return () => {
      stale = true;
    };
  }, [page]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          抽查复核公开（双随机、一公开）
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          湖南省职业技能鉴定中心按照“双随机、一公开”原则，从省级评估通过的申请中随机抽取实地抽查复核对象，并从督导人员库中随机抽取督导人员。
          抽取前先公布承诺（抽查对象名单、督导人员名单、回避名单的哈希值和随机种子的哈希值），抽取后公布种子与结果，任何人都可以在页面上复现核对。
          名单只显示申请编号和督导人员编号，不公开个人信息。
        </Typography.Paragraph>
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {!data && !error && <Skeleton active />}
      {data && data.items.length === 0 && (
        <Card>
          <Empty description="暂无抽查复核抽取记录" />
        </Card>
      )}
      {data?.items.map((d) => (
        <DrawCard key={d.id} d={d} />
      ))}
      {data && data.total > data.pageSize && (
        <Pagination
          current={page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </Space>
  );
}
