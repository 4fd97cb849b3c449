/**
 * 评价机构详情 (public, stable URL /public/registry/{统一社会信用代码}): GET /api/public/registry/:creditCode —
 * the body's 评价机构序列码, supervising authority, filed scope and its status history. No personal data.
 */
import {
  Alert,
  Breadcrumb,
  Card,
  Descriptions,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { supervisingUnitName } from '@skillcert/domain';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateLong, formatDateTime } from '../../components/format';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { routeKey } from '../../api/query';
import { errorText, PUBLIC_REQUEST, RegistryStatusTag, type RegistryBodyDetail } from './registry-shared';
import { occupationNameOf } from '../../components/occupation-label';

type Item = RegistryBodyDetail['items'][number];

export default function RegistryBodyPage() {
  const { creditCode = '' } = useParams();
  const detail = useQuery({
    queryKey: routeKey('/api/public/registry/:creditCode', creditCode),
    queryFn: () => api.get('/api/public/registry/:creditCode', { params: { creditCode } }, PUBLIC_REQUEST),
  });
  const body = detail.data ?? null;
  const error = detail.error ? errorText(detail.error, '名录中没有该机构') : null;

  if (error)
    return (
      <Result
        status="404"
        title="名录中没有该评价机构"
        subTitle={error}
        extra={<Link to="/public/registry">返回名录查询</Link>}
      />
    );
  if (!body) return <Skeleton active />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/public">信息公开</Link> },
          { title: <Link to="/public/registry">评价机构名录</Link> },
          { title: body.name },
        ]}
      />
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {body.name}
        </Typography.Title>
        <RegistryStatusTag status={body.status} label={body.statusLabel} />
      </div>
      {body.status !== 'filed' && (
        <Alert
          type="warning"
          showIcon
          title={`该机构当前状态为"${body.statusLabel}"，不得以评价机构名义开展职业技能等级认定。`}
        />
      )}
      <Card size="small" title="基本信息">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
          <Descriptions.Item label="统一社会信用代码">{body.creditCode}</Descriptions.Item>
          <Descriptions.Item label="评价机构序列码">
            {body.sequenceCode ?? (
              <Typography.Text type="secondary">尚未分配（历史备案数据）</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="所在市州">{body.cityName ?? body.cityCode}</Descriptions.Item>
          <Descriptions.Item label="主管单位">
            {body.supervisingCityCode
              ? supervisingUnitName(body.supervisingCityCode, body.supervisingCityName)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="首次备案日期">{formatDateLong(body.firstFiledOn)}</Descriptions.Item>
          <Descriptions.Item label="备案职业（工种）">
            {body.occupationCount} 个职业，{body.itemCount} 项
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="备案范围">
        <Table<Item>
          size="small"
          rowKey={(i) => `${i.occupationCode}|${i.jobName}|${i.mode}`}
          dataSource={body.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无备案职业（工种）' }}
          columns={[
            {
              title: '职业（工种）',
              key: 'occupation',
              render: (_, i) => (
                <Space orientation="vertical" size={0}>
                  <span>
                    {occupationNameOf(i)}
                    {i.jobName ? `（${i.jobName}）` : ''}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.occupationCode}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '等级', dataIndex: 'levelLabels', render: (l: string[]) => l.join('、') },
            { title: '评价方式', dataIndex: 'modeLabel' },
            { title: '生效日期', dataIndex: 'effectiveDate', render: (v: string) => formatDate(v) },
            {
              title: '来源',
              dataIndex: 'sourceLabel',
              render: (v: string, i) =>
                i.filingListSequence ? (
                  <Link to={`/public/filing-lists/${i.filingListSequence}`}>{v}</Link>
                ) : (
                  v
                ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string, i) => <RegistryStatusTag status={v} label={i.statusLabel} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title="状态记录">
        {body.events.length === 0 ? (
          <Typography.Text type="secondary">暂无记录</Typography.Text>
        ) : (
          <Timeline
            items={body.events.map((e) => ({
              key: `${e.at}-${e.event}-${e.note ?? ''}`,
              content: (
                <Space orientation="vertical" size={0}>
                  <Space size={8} wrap>
                    <Typography.Text strong>{e.eventLabel}</Typography.Text>
                    <Tag>{e.toStatusLabel}</Tag>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                  </Space>
                  {e.note && <span>{e.note}</span>}
                  {e.filingListSequence && (
                    <Link to={`/public/filing-lists/${e.filingListSequence}`}>
                      查看第{e.filingListSequence}批备案名单
                    </Link>
                  )}
                </Space>
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
}
