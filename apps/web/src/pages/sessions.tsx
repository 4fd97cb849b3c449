/** 在线会话 (security_admin): GET /api/security/sessions; 强制下线 → DELETE /api/security/sessions/:id. */
import { App, Button, Popconfirm, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROLE_LABELS, isRole } from '@skillcert/domain/roles';
import { api } from '../api/client';
import type { LiveSession as OnlineSession } from '@skillcert/contracts';
import { useMe } from '../auth/session';
import { formatDateTime } from '../components/format';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { usePagedList } from '../components/usePagedList';

export default function SessionsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const list = usePagedList('/api/security/sessions');

  const kick = async (s: OnlineSession) => {
    try {
      await api.del('/api/security/sessions/:id', { params: { id: s.id } });
      void message.success(`已强制 ${s.displayName} 下线`);
    } catch {
      // shown by the API client
    }
    list.reload();
  };

  const columns: ColumnsType<OnlineSession> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (r: string) => <Tag>{isRole(r) ? ROLE_LABELS[r] : r}</Tag> },
    { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
    { title: '登录时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: '最近活动', dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      render: (_, s) => (
        <Popconfirm
          title={`强制 ${s.displayName}（${s.username}）下线？`}
          description={
            s.username === me.username ? '这可能是您当前的会话，下线后须重新登录。' : '该用户须重新登录。'
          }
          okText="强制下线"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => kick(s)}
        >
          <Button type="link" size="small" danger>
            强制下线
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="在线会话"
        description="当前登录的账号。发现异常登录时可强制下线，并在用户管理中停用账号。"
        extra={<Button onClick={list.reload}>刷新</Button>}
      />
      <ListTable<OnlineSession> list={list} rowKey="id" columns={columns} emptyText="当前没有其他在线会话" />
    </>
  );
}
