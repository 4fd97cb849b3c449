/**
 * 用户管理 under 三员分立: sys_admin creates/edits business staff accounts, resets passwords, reveals
 * phones; security_admin resets, unlocks, disables and re-enables the system and audit admins' accounts.
 * The server lists each only the accounts in its reach; the buttons follow the same domain rule.
 * GET/POST /api/admin/users, PATCH …/:id, POST …/:id/{reset-password,unlock,reveal-phone}.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ROLE_LABELS } from '@skillcert/domain/roles';
import {
  mayAdministerAccount,
  rolesInReach,
  type AccountOperation,
} from '@skillcert/domain/admin-separation';
import { api } from '../api/client';
import type { StaffUser } from '@skillcert/contracts';
import { useCan, useMe } from '../auth/session';
import { CitySelect } from '../components/divisions';
import { formatDateTime } from '../components/format';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import {
  CreateUserModal,
  EditUserModal,
  ResetPasswordModal,
  RevealPhoneModal,
  USER_STATUS_LABELS,
} from './users/UserModals';

export default function AdminUsersPage() {
  const me = useMe();
  const can = useCan();
  const { message, modal } = App.useApp();
  const isSysAdmin = can('user.create');
  const may = (u: StaffUser, op: AccountOperation) =>
    mayAdministerAccount({ userId: me.id, role: me.role }, u, op);
  const [form] = Form.useForm();
  const list = usePagedList('/api/admin/users');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const [revealing, setRevealing] = useState<StaffUser | null>(null);

  const unlock = async (u: StaffUser) => {
    try {
      await api.post('/api/admin/users/:id/unlock', { params: { id: u.id } });
      void message.success(`已解锁 ${u.displayName}`);
      list.reload();
    } catch {
      // shown by the API client
    }
  };

  const setStatus = async (u: StaffUser, status: 'active' | 'disabled') => {
    try {
      await api.patch('/api/admin/users/:id', { params: { id: u.id }, body: { status, version: u.version } });
      void message.success(status === 'disabled' ? `已停用 ${u.displayName}` : `已启用 ${u.displayName}`);
      list.reload();
    } catch {
      // shown by the API client
    }
  };

  const columns: ColumnsType<StaffUser> = [
    { title: '用户名', dataIndex: 'username', fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'roleLabel', render: (v: string, u) => v || ROLE_LABELS[u.role] },
    { title: '所属市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string, u) => (
        <Space size={4}>
          <Tag color={s === 'active' ? 'green' : 'default'}>{USER_STATUS_LABELS[s] ?? s}</Tag>
          {u.locked && <Tag color="red">已锁定</Tag>}
        </Space>
      ),
    },
    {
      title: '手机号',
      dataIndex: 'phoneMasked',
      render: (v: string | null, u) =>
        v ? (
          <Space size={4}>
            <span>{v}</span>
            {may(u, 'revealPersonalData') && (
              <Typography.Link
                onClick={() => setRevealing(u)}
                aria-label={`查看${u.displayName}的完整手机号`}
              >
                查看
              </Typography.Link>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '电子邮箱', dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={4} wrap>
          {may(u, 'edit') && (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              编辑
            </Button>
          )}
          {may(u, 'resetPassword') && (
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              重置密码
            </Button>
          )}
          {!may(u, 'edit') && may(u, 'setStatus') && (
            <Popconfirm
              title={
                u.status === 'active'
                  ? `停用 ${u.displayName} 的账号？其在线会话将立即结束。`
                  : `重新启用 ${u.displayName} 的账号？`
              }
              okText={u.status === 'active' ? '停用' : '启用'}
              okButtonProps={{ danger: u.status === 'active' }}
              cancelText="取消"
              onConfirm={() => setStatus(u, u.status === 'active' ? 'disabled' : 'active')}
            >
              <Button type="link" size="small" danger={u.status === 'active'}>
                {u.status === 'active' ? '停用' : '启用'}
              </Button>
            </Popconfirm>
          )}
          {u.locked && may(u, 'unlock') && (
            <Popconfirm
              title={`解除 ${u.displayName} 的登录锁定？`}
              okText="解锁"
              cancelText="取消"
              onConfirm={() => unlock(u)}
            >
              <Button type="link" size="small">
                解锁
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        description={
          isSysAdmin
            ? '业务工作人员账号的开设、停用与密码重置；三员账号只能在服务器命令行创建'
            : '三员分立：重置系统管理员、安全审计员的密码，解除锁定，停用或启用其账号'
        }
        extra={
          isSysAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建账号
            </Button>
          )
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder="用户名或姓名" allowClear />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select
            allowClear
            placeholder="全部角色"
            style={{ minWidth: 150 }}
            options={rolesInReach(me.role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item name="cityCode" label="市州">
          <CitySelect />
        </Form.Item>
      </SearchForm>
      <ListTable<StaffUser>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={
          isSysAdmin
            ? '没有符合条件的账号。可调整查询条件，或点击“新建账号”开设工作人员账号'
            : '没有符合条件的系统管理员或安全审计员账号，请调整查询条件'
        }
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          void message.success('账号已创建');
          list.reload();
        }}
      />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          void message.success('已保存');
          list.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => void message.success('密码已重置，请通过安全渠道告知本人')}
      />
      <RevealPhoneModal
        user={revealing}
        onClose={() => setRevealing(null)}
        onRevealed={(phone, u) =>
          void modal.info({
            title: `${u.displayName} 的手机号`,
            content: <Typography.Text copyable>{phone}</Typography.Text>,
            okText: '关闭',
          })
        }
      />
    </>
  );
}
