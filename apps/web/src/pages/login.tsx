/** 登录: POST /api/auth/login; the server's message (wrong password, 账号已锁定…) is shown inline. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';

const REASONS: Record<string, string> = {
  SESSION_EXPIRED: '登录已超时，请重新登录。',
  AUTH_REQUIRED: '请先登录。',
};

/** Only same-site paths are followed after login. */
const safeNext = (next: string | null) =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

export default function LoginPage() {
  const { me, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');

  if (me) return <Navigate to={me.mustChangePassword ? '/account/password' : next} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      void navigate(user.mustChangePassword ? '/account/password' : next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '40px auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        用户登录
      </Typography.Title>
      {reason && REASONS[reason] && !error && (
        <Alert type="warning" showIcon title={REASONS[reason]} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          登录
        </Button>
      </Form>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Link to="/register">申报单位注册</Link>
        <Typography.Text type="secondary">忘记密码请联系本单位管理员或系统管理员重置</Typography.Text>
      </Space>
    </Card>
  );
}
