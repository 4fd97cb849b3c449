import { Layout, Typography } from 'antd';

export function App() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ color: '#fff', fontSize: 18 }}>湖南省职业技能等级认定监管系统</Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Typography.Paragraph>系统建设中。</Typography.Paragraph>
      </Layout.Content>
    </Layout>
  );
}
