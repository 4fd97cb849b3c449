/** Layout after login: role menu, header with the user, breadcrumbs, watermark on staff pages. */
import { LogoutOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Layout, Menu, Result, Space, Spin, Tag, Typography, Watermark } from 'antd';
import type { MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { FontToggle } from './FontToggle';
import { MessageBell } from './MessageBell';
import { MENU_ICONS } from './icons';
import { breadcrumbFor, canOpen, isGroup, leafFor, menuFor } from './menu';

export function AppLayout() {
  const { me, loading, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    if (!me) return [];
    return menuFor(me.abilities).map((e) =>
      isGroup(e)
        ? {
            key: e.key,
            label: e.label,
            icon: MENU_ICONS[e.icon],
            children: e.children.map((c) => ({ key: c.path, label: <Link to={c.path}>{c.label}</Link> })),
          }
        : {
            key: e.path,
            icon: e.icon ? MENU_ICONS[e.icon] : undefined,
            label: <Link to={e.path}>{e.label}</Link>,
          },
    );
  }, [me]);

  if (loading) {
    return (
      <div className="center-fill">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (!me) {
    // A visitor who opens the site's address lands on the public pages, not on a login form.
    if (location.pathname === '/') return <Navigate to="/public" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }

  const current = leafFor(location.pathname, me.abilities);
  const selected = current ? [current.leaf.path] : [];
  const openKeys = current?.group ? [current.group.key] : [];
  const allowed = canOpen(me.abilities, location.pathname);
  const isStaff = me.role !== 'applicant';
  const where = me.role === 'applicant' ? me.organizationName : me.cityName;

  const onLogout = async () => {
    await logout().catch(() => undefined);
    void navigate('/login', { replace: true });
  };

  const content = allowed ? (
    <Outlet />
  ) : (
    <Result
      status="403"
      title="无权访问此页面"
      subTitle={`当前角色（${me.roleLabel}）不能使用此功能。请从左侧菜单进入可用的功能，如需权限请联系系统管理员。`}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-title">
          湖南省职业技能等级认定监管系统
        </Link>
        <Space size="middle" wrap className="app-header-right" data-testid="current-user">
          <Typography.Text style={{ color: '#fff' }}>{me.displayName}</Typography.Text>
          <Tag color="gold" data-testid="current-role">
            {me.roleLabel}
          </Tag>
          {where && <Typography.Text style={{ color: '#dbe6f5' }}>{where}</Typography.Text>}
          <MessageBell />
          <FontToggle />
          <Button size="small" ghost icon={<LogoutOutlined />} onClick={onLogout}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          width={208}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="app-sider"
        >
          <nav aria-label="功能菜单">
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected}
              defaultOpenKeys={openKeys}
              key={openKeys.join()}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Breadcrumb
            className="app-breadcrumb"
            items={breadcrumbFor(location.pathname, me.abilities).map((c) => ({
              title: c.path && c.path !== location.pathname ? <Link to={c.path}>{c.label}</Link> : c.label,
            }))}
          />
          {/* Layout.Content is the page's one <main> landmark; a nested <main> would be a second one. */}
          <div>
            {isStaff ? (
              <Watermark
                content={[me.displayName, me.username]}
                font={{ color: 'rgba(0,0,0,0.06)', fontSize: 14 }}
                gap={[120, 120]}
              >
                <div className="page-body">{content}</div>
              </Watermark>
            ) : (
              <div className="page-body">{content}</div>
            )}
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
