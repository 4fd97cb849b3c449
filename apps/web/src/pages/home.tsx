/** 首页: GET /api/home/stats cards, and shortcuts to this role's pages. */
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { routeKey } from '../api/query';
import { useMe } from '../auth/session';
import { todayInShanghai, formatDateLong } from '../components/format';
import { isGroup, menuFor } from '../shell/menu';

export default function HomePage() {
  const me = useMe();
  const stats = useQuery({
    queryKey: routeKey('/api/home/stats'),
    queryFn: () => api.get('/api/home/stats'),
  });
  const cards = stats.data?.cards ?? null;
  const failed = stats.isError;

  const shortcuts = menuFor(me.abilities)
    .flatMap((e) => (isGroup(e) ? e.children : [e]))
    .filter((l) => l.path !== '/');

  return (
    <>
      <Typography.Title level={3}>{me.displayName}，您好</Typography.Title>
      <Typography.Paragraph type="secondary">
        今天是 {formatDateLong(todayInShanghai())}。您的身份：{me.roleLabel}
        {me.cityName ? `（${me.cityName}）` : ''}
        {me.organizationName ? `，${me.organizationName}` : ''}。
      </Typography.Paragraph>
      {me.role === 'applicant' && me.organizationStatus === 'pending' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本单位账号待激活"
          description="所在市州职业技能鉴定中心核实单位信息后将激活账号，激活后才能提交备案申请。"
        />
      )}
      {failed && (
        <Alert
          type="error"
          showIcon
          title="统计数据加载失败，请稍后刷新页面重试"
          style={{ marginBottom: 16 }}
        />
      )}
      {!cards && !failed && <Skeleton active />}
      {cards && cards.length === 0 && (
        <Empty description="暂无需要关注的统计数据，可从下方常用功能开始工作" style={{ margin: '24px 0' }} />
      )}
      {cards && cards.length > 0 && (
        <Row gutter={[16, 16]}>
          {cards.map((c) => (
            <Col key={c.key} xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title={c.label} value={c.value} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        常用功能
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {shortcuts.map((l) => (
          <Col key={l.path} xs={12} sm={8} lg={4}>
            <Link to={l.path}>
              <Card hoverable size="small" style={{ textAlign: 'center' }}>
                {l.label}
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={12} sm={8} lg={4}>
          <Link to="/tools/working-days">
            <Card hoverable size="small" style={{ textAlign: 'center' }}>
              工作日计算
            </Card>
          </Link>
        </Col>
      </Row>
    </>
  );
}
