/** Public pages: title bar, links, 大字模式; readable on a phone. */
import { Layout, Space } from 'antd';
import { Link, Outlet } from 'react-router';
import { FontToggle } from './FontToggle';

export function PublicLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-title">
          湖南省职业技能等级认定监管系统
        </Link>
        <Space size="middle" wrap className="app-header-right">
          <Link to="/public" className="header-link">
            信息公开
          </Link>
          <Link to="/public/notices" className="header-link">
            公示公告
          </Link>
          <Link to="/public/registry" className="header-link">
            评价机构名录
          </Link>
          <Link to="/public/draws" className="header-link">
            抽查公开
          </Link>
          <Link to="/login" className="header-link">
            登录
          </Link>
          <Link to="/register" className="header-link">
            单位注册
          </Link>
          <Link to="/tools/working-days" className="header-link">
            工作日计算
          </Link>
          <FontToggle />
        </Space>
      </Layout.Header>
      {/* antd's Layout.Content is already the page's one <main> landmark. */}
      <Layout.Content className="public-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>湖南省人力资源和社会保障厅</Layout.Footer>
    </Layout>
  );
}
