/**
 * 本单位信息 (applicant): GET /api/organizations/:id, GET …/colleagues; the org admin adds colleagues
 * (POST …/colleagues), resets their passwords and hands the admin role over (POST …/transfer-admin).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Colleague } from '@skillcert/contracts';
import { api, asPaged } from '../api/client';
import { routeKey, useInvalidate } from '../api/query';
import { useCan, useMe, useSession } from '../auth/session';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { OrganizationDetails } from './orgs/OrganizationDrawer';
import { AddColleagueModal, ResetColleaguePasswordModal } from './orgs/ColleagueModals';

export default function MyOrganizationPage() {
  const me = useMe();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const orgId = me.organizationId;
  const isOrgAdmin = useCan()('organization.manageColleagues');
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<Colleague | null>(null);
  const params = { id: orgId ?? '' };
  const org = useQuery({
    queryKey: routeKey('/api/organizations/:id', orgId),
    queryFn: () => api.get('/api/organizations/:id', { params }),
    enabled: !!orgId,
  }).data;
  const colleaguesQuery = { page: 1, pageSize: 100 };
  const colleaguesRead = useQuery({
    queryKey: routeKey('/api/organizations/:id/colleagues', orgId, colleaguesQuery),
    queryFn: () => api.get('/api/organizations/:id/colleagues', { params, query: colleaguesQuery }),
    enabled: !!orgId,
  });
  // A failed read was shown by the client; the table then stands empty rather than loading forever.
  const colleagues = colleaguesRead.isError
    ? []
    : colleaguesRead.data
      ? asPaged(colleaguesRead.data).items
      : null;
  const invalidate = useInvalidate();
  const load = () => void invalidate('/api/organizations/:id', '/api/organizations/:id/colleagues');

  if (!orgId) {
    return <Empty description="当前账号未关联申报单位，请联系系统管理员核实账号信息" />;
  }

  const transfer = async (c: Colleague) => {
    try {
      await api.post('/api/organizations/:id/transfer-admin', {
        params: { id: orgId },
        body: { userId: c.id },
      });
      void message.success(`已将单位管理员移交给 ${c.displayName}`);
      await refresh();
      load();
    } catch {
      // shown by the API client
    }
  };

  return (
    <>
      <PageHeader title="本单位信息" description="单位基本信息与本单位的系统账号" />
      {me.organizationStatus === 'pending' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本单位待激活"
          description="所在市州职业技能鉴定中心核实单位信息后将激活账号；如信息有误，请联系所在市州鉴定中心。"
        />
      )}
      <Card title="单位基本信息" style={{ marginBottom: 16 }}>
        {org ? <OrganizationDetails org={org} /> : <Skeleton active />}
      </Card>
      <Card
        title="本单位账号"
        extra={
          isOrgAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              添加同事
            </Button>
          )
        }
      >
        {!isOrgAdmin && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="添加同事、重置同事密码须由本单位管理员操作。"
          />
        )}
        <Table<Colleague>
          rowKey="id"
          size="middle"
          loading={colleagues === null}
          dataSource={colleagues ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: isOrgAdmin ? '还没有同事账号，点击“添加同事”为经办人开设账号' : '暂无同事账号',
          }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            {
              title: '姓名',
              dataIndex: 'displayName',
              render: (v: string, c) => (
                <Space size={4}>
                  {v}
                  {c.isOrgAdmin && <Tag color="blue">单位管理员</Tag>}
                  {c.id === me.id && <Tag>本人</Tag>}
                </Space>
              ),
            },
            { title: '手机号', dataIndex: 'phoneMasked', render: (v?: string | null) => v || '—' },
            { title: '最近登录', dataIndex: 'lastLoginAt', render: (v?: string | null) => formatDateTime(v) },
            ...(isOrgAdmin
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, c: Colleague) =>
                      c.id === me.id ? null : (
                        <Space size={4}>
                          <Button type="link" size="small" onClick={() => setResetting(c)}>
                            重置密码
                          </Button>
                          <Popconfirm
                            title={`将单位管理员移交给 ${c.displayName}？`}
                            description="移交后您将不再能添加同事或重置同事密码。"
                            okText="移交"
                            cancelText="取消"
                            onConfirm={() => transfer(c)}
                          >
                            <Button type="link" size="small">
                              移交管理员
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <AddColleagueModal
        orgId={orgId}
        open={adding}
        onClose={() => setAdding(false)}
        onDone={() => {
          void message.success('同事账号已添加');
          load();
        }}
      />
      <ResetColleaguePasswordModal
        orgId={orgId}
        colleague={resetting}
        onClose={() => setResetting(null)}
        onDone={() => void message.success('密码已重置，请通知同事使用新密码登录')}
      />
    </>
  );
}
