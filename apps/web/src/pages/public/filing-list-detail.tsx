/**
 * 第N批备案名单 (public): GET /api/public/filing-lists/:sequence — the bodies and the occupations they were
 * filed for, with each body's 评价机构序列码 and supervising authority; PDF and Excel downloads.
 */
import { Alert, Breadcrumb, Card, Descriptions, Result, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDateLong, formatDateTime } from '../../components/format';
import { FilingListDownloads } from './filing-lists';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { routeKey } from '../../api/query';
import { errorText, PUBLIC_REQUEST, type FilingListDetail } from './registry-shared';
import { occupationWithJob } from '../../components/occupation-label';

type Row = FilingListDetail['rows'][number];

export default function FilingListDetailPage() {
  const { sequence = '' } = useParams();
  const detail = useQuery({
    queryKey: routeKey('/api/public/filing-lists/:sequence', sequence),
    queryFn: () => api.get('/api/public/filing-lists/:sequence', { params: { sequence } }, PUBLIC_REQUEST),
  });
  const list = detail.data ?? null;
  const error = detail.error ? errorText(detail.error, '该备案名单不存在') : null;

  if (error)
    return (
      <Result
        status="404"
        title="没有找到该批备案名单"
        subTitle={error}
        extra={<Link to="/public/filing-lists">查看全部备案名单</Link>}
      />
    );
  if (!list) return <Skeleton active />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/public">信息公开</Link> },
          { title: <Link to="/public/filing-lists">备案名单</Link> },
          { title: list.label },
        ]}
      />
      <Typography.Title level={2} style={{ margin: 0 }}>
        {list.title}
      </Typography.Title>
      <Card size="small" extra={<FilingListDownloads list={list} />} title="名单信息">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="批次">{list.label}</Descriptions.Item>
          <Descriptions.Item label="生效日期">{formatDateLong(list.effectiveDate)}</Descriptions.Item>
          <Descriptions.Item label="发布时间">{formatDateTime(list.confirmedAt)}</Descriptions.Item>
          <Descriptions.Item label="公示编号">{list.noticeNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="规模">
            {list.bodyCount} 家机构、{list.itemCount} 个职业（工种）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Alert
        type="info"
        showIcon
        title="备案机构应在备案范围内开展职业技能等级认定，接受主管单位的监督管理；机构的最新状态以评价机构名录为准。"
      />
      <Card size="small" title="名单">
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.creditCode}|${r.occupationCode}|${r.jobName}|${r.modeLabel}`}
          dataSource={list.rows}
          pagination={list.rows.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 项` } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '序列码', dataIndex: 'sequenceCode', render: (v: string | null) => v ?? '—' },
            {
              title: '机构名称',
              dataIndex: 'organizationName',
              render: (v: string, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/public/registry/${r.creditCode}`}>{v}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.creditCode}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '市州',
              dataIndex: 'cityName',
              responsive: ['sm'],
              render: (v: string | null, r) => v ?? r.cityCode,
            },
            {
              title: '职业（工种）',
              key: 'occupation',
              render: (_, r) => occupationWithJob(r),
            },
            { title: '等级', dataIndex: 'levelLabels', render: (l: string[]) => l.join('、') },
            { title: '评价方式', dataIndex: 'modeLabel' },
            { title: '主管单位', dataIndex: 'supervisingCityName', responsive: ['md'] },
          ]}
        />
      </Card>
    </Space>
  );
}
