/**
 * 评价机构名录 (public, no login): GET /api/public/registry — search by name (one or two characters
 * work), credit code (whole or its first characters), occupation, level, mode, city and status; stable
 * pages; CSV / JSON / Excel export of the filtered result. The criteria live in the address, so a
 * search can be shared or bookmarked. Readable on a phone.
 */
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import { routeKey } from '../../api/query';
import { formatDate } from '../../components/format';
import {
  errorText,
  exportUrl,
  LEVEL_OPTIONS,
  MODE_OPTIONS,
  PUBLIC_REQUEST,
  RegistryStatusTag,
  STATUS_OPTIONS,
  useCityOptions,
  type RegistryBody,
} from './registry-shared';
import { codedOccupation } from '../../components/occupation-label';

const FIELDS = ['name', 'creditCode', 'occupationCode', 'level', 'mode', 'cityCode', 'status'] as const;

function useOccupationOptions(text: string) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const t = setTimeout(() => {
      api.get('/api/public/occupations', { query: { q: text } }, PUBLIC_REQUEST).then(
        (d) => setOptions(d.items.map((o) => ({ value: o.code, label: codedOccupation(o.code, o.name) }))),
        () => setOptions([]),
      );
    }, 250);
    return () => clearTimeout(t);
  }, [text]);
  return options;
}

export default function RegistrySearchPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const cities = useCityOptions();
  const [occupationText, setOccupationText] = useState(params.get('occupationCode') ?? '');
  const occupations = useOccupationOptions(occupationText);

  const query = useMemo(() => {
    const q: Query = {};
    for (const f of FIELDS) {
      const v = params.get(f);
      if (v) q[f] = v;
    }
    q.page = Number(params.get('page') ?? 1) || 1;
    q.pageSize = Number(params.get('pageSize') ?? 20) || 20;
    return q;
  }, [params]);

  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? undefined])));
  }, [form, params]);

  const result = useQuery({
    queryKey: routeKey('/api/public/registry', query),
    queryFn: () => api.get('/api/public/registry', { query }, PUBLIC_REQUEST),
    placeholderData: keepPreviousData,
  });
  const data = result.data ?? null;
  const error = result.error ? errorText(result.error) : null;
  const loading = result.isFetching;

  const search = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const f of FIELDS) {
      const v = values[f]?.trim();
      if (v) next.set(f, v);
    }
    if (query.pageSize !== 20) next.set('pageSize', String(query.pageSize));
    setParams(next);
  };
  const reset = () => {
    form.resetFields();
    setOccupationText('');
    setParams(new URLSearchParams());
  };
  const goTo = (page: number, pageSize: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(pageSize !== query.pageSize ? 1 : page));
    next.set('pageSize', String(pageSize));
    setParams(next);
  };

  const hasCriteria = FIELDS.some((f) => params.get(f));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          评价机构名录
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          经湖南省人力资源和社会保障厅备案的职业技能等级认定评价机构：备案社会评价的为社会培训评价组织，仅备案自主评价的为企业、院校自主评价机构。可按名称（输入一两个字即可）、统一社会信用代码、职业、等级、评价方式、所在市州和状态查询。
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={search} role="search" aria-label="名录查询条件">
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="name" label="机构名称">
                <Input allowClear placeholder="如：湘钢、技师学院" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="creditCode" label="统一社会信用代码">
                <Input allowClear placeholder="完整代码或开头几位" maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="occupationCode" label="职业（工种）">
                <AutoComplete
                  allowClear
                  options={occupations}
                  onSearch={setOccupationText}
                  placeholder="输入职业名称或编码，如 焊工、6-18"
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="level" label="等级">
                <Select allowClear placeholder="全部" options={LEVEL_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="mode" label="评价方式">
                <Select allowClear placeholder="全部" options={MODE_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="cityCode" label="所在市州">
                <Select allowClear placeholder="全部" options={cities} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="status" label="状态">
                <Select allowClear placeholder="全部" options={STATUS_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Form.Item style={{ width: '100%' }}>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    查询
                  </Button>
                  <Button icon={<ReloadOutlined />} onClick={reset}>
                    重置
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title="查询失败" description={error} role="alert" />}
      <Card
        size="small"
        title={
          data ? (
            <span aria-live="polite">
              共 {data.total}
              {data.totalCapped ? '+' : ''} 家{hasCriteria ? '符合条件的' : ''}评价机构
            </span>
          ) : (
            '查询结果'
          )
        }
        extra={
          <Space wrap size={4}>
            <Typography.Text type="secondary">导出：</Typography.Text>
            {(['xlsx', 'csv', 'json'] as const).map((f) => (
              <Button key={f} size="small" icon={<DownloadOutlined />} href={exportUrl(f, query)} download>
                {f === 'xlsx' ? 'Excel' : f.toUpperCase()}
              </Button>
            ))}
          </Space>
        }
      >
        {data?.totalCapped && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`符合条件的机构超过 ${data.total} 家，仅可翻阅前 ${data.total} 家；请增加查询条件（如市州、职业）缩小范围。`}
          />
        )}
        <Table<RegistryBody>
          rowKey="creditCode"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  hasCriteria ? '没有符合条件的评价机构，请减少或修改查询条件' : '名录中暂无评价机构'
                }
              />
            ),
          }}
          pagination={{
            current: Number(query.page),
            pageSize: Number(query.pageSize),
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t}${data?.totalCapped ? '+' : ''} 家`,
            onChange: goTo,
          }}
          columns={[
            {
              title: '评价机构序列码',
              dataIndex: 'sequenceCode',
              responsive: ['md'],
              render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            {
              title: '机构名称',
              dataIndex: 'name',
              render: (v: string, b) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/public/registry/${b.creditCode}`}>{v}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {b.creditCode}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '所在市州', dataIndex: 'cityName', render: (v: string | null, b) => v ?? b.cityCode },
            {
              title: '评价方式',
              dataIndex: 'modeLabels',
              responsive: ['sm'],
              render: (labels: string[]) => (
                <Space size={[0, 4]} wrap>
                  {labels.map((l) => (
                    <Tag key={l}>{l}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '备案职业（工种）',
              dataIndex: 'itemCount',
              responsive: ['md'],
              render: (n: number, b) => `${b.occupationCount} 个职业 / ${n} 项`,
            },
            {
              title: '首次备案',
              dataIndex: 'firstFiledOn',
              responsive: ['lg'],
              render: (v: string) => formatDate(v),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string, b) => <RegistryStatusTag status={v} label={b.statusLabel} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
