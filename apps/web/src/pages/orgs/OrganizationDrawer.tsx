/** 申报单位详情: GET /api/organizations/:id; 激活 (POST …/activate with version) when the server allows it. */
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Skeleton, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { OrganizationSummary as Organization } from '@skillcert/contracts';
import { formatDateTime } from '../../components/format';
import { ORG_KIND, ORG_STATUS } from '../../components/labels';

export function OrganizationDetails({ org }: { org: Organization }) {
  const status = ORG_STATUS[org.status];
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label="单位名称">{org.name}</Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{org.creditCode}</Descriptions.Item>
      <Descriptions.Item label="单位类型">
        {org.kindLabel || ORG_KIND[org.kind]}
        {org.kind === 'enterprise' && org.isAboveScale !== undefined && (
          <Tag style={{ marginLeft: 8 }}>{org.isAboveScale ? '规模以上' : '非规模以上'}</Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="所在地区">
        {org.cityName} {org.countyName}
      </Descriptions.Item>
      {org.address && <Descriptions.Item label="详细地址">{org.address}</Descriptions.Item>}
      <Descriptions.Item label="联系人">{org.contactName}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{org.contactPhoneMasked}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={status?.color}>{org.statusLabel || status?.label || org.status}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="注册时间">{formatDateTime(org.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}

export function OrganizationDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose(): void;
  onChanged(): void;
}) {
  const { message } = App.useApp();
  const [org, setOrg] = useState<Organization | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    setOrg(null);
    if (!id) return;
    let live = true;
    api
      .get('/api/organizations/:id', { params: { id } })
      .then((o) => live && setOrg(o))
      .catch(() => live && onClose());
    return () => {
      live = false;
    };
  }, [id, tick, onClose]);

  const activate = async () => {
    if (!org) return;
    setBusy(true);
    try {
      await api.post('/api/organizations/:id/activate', {
        params: { id: org.id },
        body: { version: org.version },
      });
      void message.success(`已激活：${org.name}`);
      onChanged();
      setTick((t) => t + 1);
    } catch {
      // shown by the API client (e.g. 已被他人处理 → reload)
      setTick((t) => t + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={org ? org.name : '单位详情'}
      extra={
        org?.abilities?.activate && (
          <Popconfirm
            title="确认激活该单位？"
            description="请先核实营业执照与单位信息。激活后该单位即可登录并提交备案申请。"
            okText="激活"
            cancelText="取消"
            onConfirm={activate}
          >
            <Button type="primary" loading={busy}>
              激活
            </Button>
          </Popconfirm>
        )
      }
    >
      {!org && <Skeleton active />}
      {org && (
        <>
          {org.status === 'pending' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                org.abilities?.activate
                  ? '该单位待激活：核实信息后点击右上角“激活”'
                  : '该单位待所在市州鉴定中心激活'
              }
            />
          )}
          <OrganizationDetails org={org} />
          <Timeline
            style={{ marginTop: 24 }}
            items={[
              { content: `注册：${formatDateTime(org.createdAt)}` },
              ...(org.activatedAt
                ? [{ content: `激活：${formatDateTime(org.activatedAt)}`, color: 'green' }]
                : []),
              ...(org.status === 'pending' ? [{ content: '待激活', color: 'gray' }] : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
