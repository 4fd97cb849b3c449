/**
 * 公示公告 (public, no login): GET /api/public/notices?scope=current|archive — notices being published (with
 * the countdown to 23:59:59 of the end date) and the archive of passed ones. Readable on a phone.
 */
import { Alert, Button, Card, Empty, Pagination, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PublicNoticeSummaryDto } from '@skillcert/contracts';
import { api, ApiError, type Paged } from '../../api/client';
import { formatDateLong } from '../../components/format';
import { Countdown, PHASE_COLOR } from './notice-parts';

type Scope = 'current' | 'archive';
type Answer = Paged<PublicNoticeSummaryDto> & { serverNow: string };

function msLeft(n: PublicNoticeSummaryDto, serverNow: string): number {
  // 23:59:59.999 of the end date in Beijing = the next day's 00:00 at UTC+8.
  const end = Date.parse(`${n.endDate}T00:00:00+08:00`) + 86_400_000;
  return Math.max(0, end - Date.parse(serverNow));
}

function NoticeCard({ n, serverNow }: { n: PublicNoticeSummaryDto; serverNow: string }) {
  return (
    <Card
      size="small"
      title={
        <Link to={`/public/notices/${n.id}`} style={{ whiteSpace: 'normal' }}>
          {n.title}
        </Link>
      }
      extra={<Tag color={PHASE_COLOR[n.phase]}>{n.status === 'passed' ? '已办结' : n.phaseLabel}</Tag>}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">公示编号：{n.number}</Typography.Text>
        <span>
          公示期：{formatDateLong(n.startDate)} 至 {formatDateLong(n.endDate)} 23:59:59（{n.workingDays}{' '}
          个工作日）{n.endDateProvisional && <Tag color="gold">暂定</Tag>}
        </span>
        <span>
          共 {n.organizationCount} 家单位、{n.itemCount} 个职业（工种）
        </span>
        {n.status === 'published' && n.phase === 'open' && <Countdown msRemaining={msLeft(n, serverNow)} />}
        {n.status === 'published' && n.phase === 'upcoming' && (
          <Typography.Text type="warning">
            尚未开始：自 {formatDateLong(n.startDate)} 0:00 起公示并受理异议
          </Typography.Text>
        )}
        {n.status === 'published' && n.phase === 'closed' && (
          <Typography.Text type="secondary">公示期已满，正在办结</Typography.Text>
        )}
        <Link to={`/public/notices/${n.id}`}>
          <Button size="small" type="link" style={{ padding: 0 }}>
            查看名单{n.status === 'published' && n.phase === 'open' ? '、提出异议' : ''} ›
          </Button>
        </Link>
      </Space>
    </Card>
  );
}

function NoticeList({ scope }: { scope: Scope }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    setData(null);
    api
      .get(
        '/api/public/notices',
        { query: { scope, page, pageSize: 10 } },
        { silent: true, noAuthRedirect: true },
      )
      .then(
        (d) => !stale && setData(d),
        (e: unknown) => !stale && setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
      );
    return () => {
      stale = true;
    };
  }, [scope, page]);

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!data) return <Skeleton active />;
  if (data.items.length === 0)
    return <Empty description={scope === 'current' ? '目前没有正在公示的名单' : '暂无往期公示'} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {data.items.map((n) => (
        <NoticeCard key={n.id} n={n} serverNow={data.serverNow} />
      ))}
      {data.total > data.pageSize && (
        <Pagination
          current={page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={setPage}
          showTotal={(t) => `共 ${t} 条`}
          size="small"
        />
      )}
    </Space>
  );
}

export default function PublicNoticesPage() {
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get('scope') === 'archive' ? 'archive' : 'current';
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        公示公告
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        拟纳入备案管理的职业技能等级认定评价机构名单，公示期不少于5个工作日。公示期内对名单有异议的，可在名单页面实名提出，凭回执号
        <Link to="/public/objections">查询办理结果</Link>。
      </Typography.Paragraph>
      <Tabs
        activeKey={scope}
        onChange={(k) => setParams(k === 'archive' ? { scope: 'archive' } : {})}
        items={[
          { key: 'current', label: '正在公示', children: <NoticeList scope="current" /> },
          { key: 'archive', label: '往期公示', children: <NoticeList scope="archive" /> },
        ]}
      />
    </Card>
  );
}
