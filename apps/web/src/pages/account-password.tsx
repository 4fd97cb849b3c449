/** 修改密码: POST /api/auth/password; forced after first login or a reset (mustChangePassword). */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useMe, useSession } from '../auth/session';
import { PasswordFields } from '../components/PasswordFields';

export default function AccountPasswordPage() {
  const me = useMe();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await api.post('/api/auth/password', {
        body: {
          currentPassword: v.currentPassword,
          newPassword: v.newPassword,
        },
      });
      void message.success('密码已修改，下次登录请使用新密码');
      form.resetFields();
      const user = await refresh().catch(() => null);
      if (user) void navigate('/', { replace: true });
      else void navigate('/login', { replace: true });
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="为了账号安全，首次登录或密码被重置后须先修改密码，修改后才能使用其他功能。"
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="username" hidden initialValue={me.username}>
          <Input />
        </Form.Item>
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields name="newPassword" label="新密码" usernameField="username" />
        <Form.Item noStyle dependencies={['currentPassword', 'newPassword']}>
          {({ getFieldValue }) =>
            getFieldValue('newPassword') &&
            getFieldValue('newPassword') === getFieldValue('currentPassword') ? (
              <Alert type="error" showIcon title="新密码不能与当前密码相同" style={{ marginBottom: 16 }} />
            ) : null
          }
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
