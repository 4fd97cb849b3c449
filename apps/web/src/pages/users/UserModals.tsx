/** Dialogs of 用户管理: create, edit (incl. the e-mail for reminders), reset password, reveal phone. */
import { Alert, Form, Input, Select } from 'antd';
import { validateMobile } from '@skillcert/domain';
import { CITY_ROLES, ROLE_LABELS, type Role } from '@skillcert/domain/roles';
import { BUSINESS_STAFF_ROLES } from '@skillcert/domain/admin-separation';
import { api } from '../../api/client';
import type { StaffUser } from '@skillcert/contracts';
import { CitySelect } from '../../components/divisions';
import { FormModal } from '../../components/FormModal';
import { PasswordFields } from '../../components/PasswordFields';

export const USER_STATUS_LABELS: Record<string, string> = { active: '正常', disabled: '停用' };

const mobileRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return Promise.resolve();
    const r = validateMobile(v);
    return r.valid
      ? Promise.resolve()
      : Promise.reject(new Error(r.errors[0]?.message ?? '手机号格式不正确'));
  },
};

const emailRule = { type: 'email' as const, message: '电子邮箱格式不正确，例如 zhangsan@hrss.hunan.gov.cn' };

function EmailField() {
  return (
    <Form.Item
      name="email"
      label="电子邮箱"
      rules={[emailRule]}
      extra="用于接收到期提醒等邮件；不填则只收站内信"
    >
      <Input type="email" inputMode="email" maxLength={254} autoComplete="off" />
    </Form.Item>
  );
}

const cityRule = (getRole: () => Role | undefined) => ({
  validator: (_: unknown, v: string | undefined) =>
    getRole() && CITY_ROLES.includes(getRole()!) && !v
      ? Promise.reject(new Error('市州鉴定中心和市州人社局的账号必须选择所属市州'))
      : Promise.resolve(),
});

function RoleDependentCity() {
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>('role', form);
  const needsCity = role ? CITY_ROLES.includes(role) : false;
  return (
    <Form.Item
      name="cityCode"
      label="所属市州"
      dependencies={['role']}
      required={needsCity}
      extra={needsCity ? '市州账号只能看到本市州的数据' : '省级人员与管理员不属于市州，可不选'}
      rules={[cityRule(() => form.getFieldValue('role') as Role | undefined)]}
    >
      <CitySelect style={{ width: '100%' }} />
    </Form.Item>
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  role: Role;
  cityCode?: string;
  phone?: string;
  email?: string;
  password: string;
}

export function CreateUserModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <FormModal<CreateValues>
      open={open}
      title="新建工作人员账号"
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post('/api/admin/users', {
          body: {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            role: v.role,
            cityCode: CITY_ROLES.includes(v.role) ? v.cityCode : undefined,
            phone: v.phone ? validateMobile(v.phone).normalized : undefined,
            email: v.email?.trim() || undefined,
            password: v.password,
          },
        });
        onDone();
      }}
    >
      <Alert
        type="info"
        showIcon
        title="申报单位账号由单位自行注册；系统管理员、安全管理员、安全审计员账号只在服务器命令行创建。这里只创建业务工作人员账号。"
        style={{ marginBottom: 16 }}
      />
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
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          options={BUSINESS_STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          placeholder="选择角色"
        />
      </Form.Item>
      <RoleDependentCity />
      <Form.Item name="phone" label="手机号" rules={[mobileRule]}>
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <EmailField />
      <PasswordFields label="初始密码" usernameField="username" />
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  status: string;
  cityCode?: string;
  email?: string;
  role: Role;
}

export function EditUserModal({
  user,
  onClose,
  onDone,
}: {
  user: StaffUser | null;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <FormModal<EditValues>
      open={!!user}
      title={user ? `编辑账号：${user.username}` : ''}
      onClose={onClose}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              status: user.status,
              cityCode: user.cityCode ?? undefined,
              email: user.email ?? undefined,
              role: user.role,
            }
          : {}
      }
      onSubmit={async (v) => {
        if (!user) return;
        await api.patch('/api/admin/users/:id', {
          params: { id: user.id },
          body: {
            displayName: v.displayName.trim(),
            status: v.status,
            cityCode: CITY_ROLES.includes(user.role) ? v.cityCode : undefined,
            email: v.email?.trim() ?? '',
            version: user.version,
          },
        });
        onDone();
      }}
    >
      <Form.Item name="role" hidden>
        <Input />
      </Form.Item>
      <Form.Item label="角色">{user ? ROLE_LABELS[user.role] : ''}</Form.Item>
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
        <Select options={Object.entries(USER_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {user && CITY_ROLES.includes(user.role) && <RoleDependentCity />}
      <EmailField />
    </FormModal>
  );
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: StaffUser | null;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <FormModal<{ newPassword: string; reason: string }>
      open={!!user}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : ''}
      okText="重置"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        if (!user) return;
        await api.post('/api/admin/users/:id/reset-password', {
          params: { id: user.id },
          body: {
            newPassword: v.newPassword,
            reason: v.reason.trim(),
          },
        });
        onDone();
      }}
    >
      <Alert
        type="warning"
        showIcon
        title="重置后该用户下次登录须修改密码，本操作记入审计日志。"
        style={{ marginBottom: 16 }}
      />
      <PasswordFields name="newPassword" label="新密码" />
      <Form.Item
        name="reason"
        label="重置原因"
        rules={[{ required: true, whitespace: true, message: '请填写重置原因' }]}
      >
        <Input.TextArea rows={2} maxLength={200} placeholder="例如：本人电话申请，已核实身份" />
      </Form.Item>
    </FormModal>
  );
}

export function RevealPhoneModal({
  user,
  onClose,
  onRevealed,
}: {
  user: StaffUser | null;
  onClose(): void;
  onRevealed(phone: string, user: StaffUser): void;
}) {
  return (
    <FormModal<{ reason: string }>
      open={!!user}
      title={user ? `查看完整手机号：${user.displayName}` : ''}
      okText="查看"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!user) return;
        const a = await api.post('/api/admin/users/:id/reveal-phone', {
          params: { id: user.id },
          body: {
            reason: v.reason.trim(),
          },
        });
        onRevealed(a.phone, user);
      }}
    >
      <Alert
        type="info"
        showIcon
        title="查看个人信息须说明用途，查看行为将记入审计日志。"
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="reason"
        label="查看原因"
        rules={[{ required: true, whitespace: true, message: '请填写查看原因' }]}
      >
        <Input.TextArea rows={2} maxLength={200} placeholder="例如：电话通知账号开通事宜" />
      </Form.Item>
    </FormModal>
  );
}
