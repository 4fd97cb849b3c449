/** 本单位同事: add a colleague, reset a colleague's password (org admin only). */
import { Form, Input } from 'antd';
import { validateMobile } from '@skillcert/domain';
import { api } from '../../api/client';
import type { Colleague } from '@skillcert/contracts';
import { FormModal } from '../../components/FormModal';
import { PasswordFields } from '../../components/PasswordFields';

interface AddValues {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
}

export function AddColleagueModal({
  orgId,
  open,
  onClose,
  onDone,
}: {
  orgId: string;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <FormModal<AddValues>
      open={open}
      title="添加同事账号"
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post('/api/organizations/:id/colleagues', {
          params: { id: orgId },
          body: {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            password: v.password,
            phone: v.phone ? validateMobile(v.phone).normalized : undefined,
          },
        });
        onDone();
      }}
    >
      <Form.Item
        name="username"
        label="用户名"
        rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机号"
        rules={[
          {
            validator: (_, v: string | undefined) => {
              if (!v) return Promise.resolve();
              const r = validateMobile(v);
              return r.valid
                ? Promise.resolve()
                : Promise.reject(new Error(r.errors[0]?.message ?? '手机号格式不正确'));
            },
          },
        ]}
      >
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <PasswordFields label="初始密码" usernameField="username" />
    </FormModal>
  );
}

export function ResetColleaguePasswordModal({
  orgId,
  colleague,
  onClose,
  onDone,
}: {
  orgId: string;
  colleague: Colleague | null;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <FormModal<{ newPassword: string }>
      open={!!colleague}
      title={colleague ? `重置密码：${colleague.displayName}（${colleague.username}）` : ''}
      okText="重置"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        if (!colleague) return;
        await api.post('/api/organizations/:id/colleagues/:userId/reset-password', {
          params: { id: orgId, userId: colleague.id },
          body: { newPassword: v.newPassword },
        });
        onDone();
      }}
    >
      <PasswordFields name="newPassword" label="新密码" />
    </FormModal>
  );
}
