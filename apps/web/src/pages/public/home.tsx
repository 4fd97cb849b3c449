/**
 * 信息公开 (public portal home, /public): collection rounds open for applications, links to the current
 * notices (公示) and the draws (抽查公开), the latest 第N批 lists and a registry search box. No login.
 */
import {
  FileSearchOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Input,
  List,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { routeKey } from '../../api/query';
import { formatDateLong } from '../../components/format';
import { errorText, PUBLIC_REQUEST } from './registry-shared';

/** A section's answer, or the error it failed with (shown in the section). */
const section = <T,>(q: UseQueryResult<T>) => ({
  data: q.data ?? null,
  error: q.error ? errorText(q.error) : null,
});

export default function PublicHomePage() {
  const navigate = useNavigate();
  const rounds = section(
    useQuery({
      queryKey: routeKey('/api/public/rounds'),
      queryFn: () => api.get('/api/public/rounds', undefined, PUBLIC_REQUEST),
    }),
  );
  const listsQuery = { pageSize: 5 };
  const lists = section(
    useQuery({
      queryKey: routeKey('/api/public/filing-lists', listsQuery),
      queryFn: () => api.get('/api/public/filing-lists', { query: listsQuery }, PUBLIC_REQUEST),
    }),
  );
  const registryQuery = { pageSize: 1, status: 'filed' };
  const registry = section(
    useQuery({
      queryKey: routeKey('/api/public/registry', registryQuery),
      queryFn: () => api.get('/api/public/registry', { query: registryQuery }, PUBLIC_REQUEST),
    }),
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          信息公开
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          湖南省职业技能等级认定评价机构（企业、院校自主评价机构和社会培训评价组织）的征集、公示、抽查与备案信息，无需登录即可查阅。
        </Typography.Paragraph>
      </div>

      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <FileSearchOutlined /> 评价机构名录查询
        </Typography.Title>
        <Input.Search
          size="large"
          allowClear
          enterButton="查询"
          placeholder="输入机构名称（一两个字即可）或统一社会信用代码"
          aria-label="评价机构名称或统一社会信用代码"
          onSearch={(v) => {
            const text = v.trim();
            const isCode = /^[0-9A-Za-z]{6,18}$/.test(text);
            navigate(
              text
                ? `/public/registry?${isCode ? 'creditCode' : 'name'}=${encodeURIComponent(text)}`
                : '/public/registry',
            );
          }}
        />
        {registry.data && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            目前已备案 {registry.data.total}
            {registry.data.totalCapped ? '+' : ''} 家评价机构。
            <Link to="/public/registry">按职业、等级、市州查询 ›</Link>
          </Typography.Paragraph>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="正在征集" size="small" style={{ height: '100%' }}>
            {rounds.error && <Alert type="error" showIcon title={rounds.error} />}
            {!rounds.data && !rounds.error && <Skeleton active />}
            {rounds.data && rounds.data.items.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有正在征集的批次" />
            )}
            {rounds.data && rounds.data.items.length > 0 && (
              <Collapse
                items={rounds.data.items.map((r) => ({
                  key: r.id,
                  label: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                        {r.title}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        申报时间：{formatDateLong(r.windowStart)} 至 {formatDateLong(r.windowEnd)}
                      </Typography.Text>
                    </Space>
                  ),
                  children: (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {r.noticeText}
                      </Typography.Paragraph>
                      <Space wrap>
                        <Link to="/register">
                          <Button type="primary">单位注册</Button>
                        </Link>
                        <Link to="/login">
                          <Button>登录申报</Button>
                        </Link>
                      </Space>
                    </Space>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title="最新备案名单"
            size="small"
            style={{ height: '100%' }}
            extra={<Link to="/public/filing-lists">全部名单 ›</Link>}
          >
            {lists.error && <Alert type="error" showIcon title={lists.error} />}
            {!lists.data && !lists.error && <Skeleton active />}
            {lists.data && lists.data.items.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未发布备案名单" />
            )}
            {lists.data && lists.data.items.length > 0 && (
              <List
                size="small"
                dataSource={lists.data.items}
                renderItem={(l) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Link to={`/public/filing-lists/${l.sequence}`}>{l.label}备案名单</Link>}
                      description={`${formatDateLong(l.effectiveDate)}起生效 · ${l.bodyCount} 家机构、${l.itemCount} 个职业（工种）`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" style={{ height: '100%' }}>
            <Space orientation="vertical">
              <Typography.Title level={5} style={{ margin: 0 }}>
                <NotificationOutlined /> 公示公告
              </Typography.Title>
              <Typography.Text type="secondary">
                拟备案的评价机构名单在公示期内接受社会监督，任何单位和个人均可提出异议。
              </Typography.Text>
              <Link to="/public/notices">查看正在公示的名单 ›</Link>
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" style={{ height: '100%' }}>
            <Space orientation="vertical">
              <Typography.Title level={5} style={{ margin: 0 }}>
                <SafetyCertificateOutlined /> 抽查公开（双随机、一公开）
              </Typography.Title>
              <Typography.Text type="secondary">
                抽查对象与检查人员随机抽取，抽取前公布承诺、抽取后公布种子与结果，任何人可复核。
              </Typography.Text>
              <Link to="/public/draws">查看抽取记录 ›</Link>
            </Space>
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">
        <TeamOutlined /> 申报单位请先<Link to="/register">注册</Link>
        ，由所在市州职业技能鉴定中心激活后登录申报。
      </Typography.Text>
    </Space>
  );
}
