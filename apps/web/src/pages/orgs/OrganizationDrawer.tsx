/**
 * 申报单位详情: GET /api/organizations/:id, with the business licence shown inline (what the city center
 * checks); 激活 (POST …/activate with version and what was checked as the reason) when the server allows it.
 */
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
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

  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [asking, setAsking] = useState(false);

  const activate = async () => {
    if (!org) return;
    const { reason } = await reasonForm.validateFields();
    setBusy(true);
    try {
      await api.post('/api/organizations/:id/activate', {
        params: { id: org.id },
        body: { version: org.version, reason },
      });
      setAsking(false);
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
          <Button type="primary" loading={busy} onClick={() => setAsking(true)}>
            激活
          </Button>
        )
      }
    >
      <Modal
        open={asking}
        title={org ? `确认激活“${org.name}”？` : '确认激活'}
        okText="激活"
        cancelText="取消"
        confirmLoading={busy}
        onOk={activate}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="激活后该单位即可登录并提交备案申请，激活不能撤销。核对内容将记入审计日志。"
        />
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="核对情况"
            rules={[{ required: true, min: 2, whitespace: true, message: '请填写核对情况（至少2个字）' }]}
            initialValue="已核对营业执照，单位名称、统一社会信用代码与注册信息一致"
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
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
          {org.licenceFileId ? (
            <LicencePreview organizationId={org.id} />
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 16 }}
              title="该单位没有在本系统注册时上传的营业执照（导入或演示数据），请核对原件"
            />
          )}
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

/**
 * The licence inline: an image as an image, a PDF in the browser's own viewer (the server lets only this
 * answer be framed by the UI's pages); a link opens it whole in a new tab either way.
 */
function LicencePreview({ organizationId }: { organizationId: string }) {
  const url = `/api/organizations/${encodeURIComponent(organizationId)}/licence`;
  const [type, setType] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Only the type is wanted here (the viewer loads the file itself), so the body is not read.
    fetch(url, { credentials: 'same-origin' })
      .then((r) => {
        void r.body?.cancel();
        if (live) setType(r.ok ? (r.headers.get('content-type') ?? '') : 'missing');
      })
      .catch(() => live && setType('missing'));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <section style={{ marginTop: 24 }} data-testid="licence-preview">
      <Typography.Title level={5}>
        营业执照{' '}
        <Typography.Link href={url} target="_blank" rel="noreferrer" style={{ fontSize: 14 }}>
          在新窗口打开
        </Typography.Link>
      </Typography.Title>
      {type === null && <Skeleton.Image active />}
      {type === 'missing' && <Alert type="error" showIcon title="营业执照文件无法读取，请联系系统管理员" />}
      {type?.startsWith('image/') && (
        <img src={url} alt="营业执照" style={{ maxWidth: '100%', border: '1px solid #f0f0f0' }} />
      )}
      {type === 'application/pdf' && (
        <iframe
          src={url}
          title="营业执照"
          style={{ width: '100%', height: 560, border: '1px solid #f0f0f0' }}
        />
      )}
    </section>
  );
}
