/**
 * 审计日志 (audit_admin, read-only): GET /api/audit (action, actor, targetType, targetId, from, to) with
 * before/after JSON per entry; 校验日志链 → GET /api/audit/verify.
 */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ROLE_LABELS, isRole } from '@skillcert/domain/roles';
import { api } from '../api/client';
import type { AuditEntry, ChainVerification as AuditVerify } from '@skillcert/contracts';
import { formatDateTime } from '../components/format';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';

const json = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));

function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json">{json(value)}</pre>
    </>
  );
}

export default function AuditPage() {
  const [form] = Form.useForm();
  const list = usePagedList('/api/audit');
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    try {
      setVerify(await api.get('/api/audit/verify'));
    } catch {
      // shown by the API client
    } finally {
      setVerifying(false);
    }
  };

  const onSearch = (v: Record<string, unknown>) => {
    const range = v.range as [Dayjs, Dayjs] | undefined;
    const q = cleanQuery({ ...v, range: undefined });
    if (range?.[0]) q.from = range[0].startOf('day').format();
    if (range?.[1]) q.to = range[1].endOf('day').format();
    list.search(q);
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: '编号', dataIndex: 'id', width: 90 },
    { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: '操作人',
      key: 'actor',
      render: (_, e) => (
        <>
          {e.actorName ?? '（系统）'}
          {e.actorRole && (
            <Tag style={{ marginLeft: 4 }}>
              {isRole(e.actorRole) ? ROLE_LABELS[e.actorRole] : e.actorRole}
            </Tag>
          )}
        </>
      ),
    },
    { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'action',
      render: (_, e) => (
        <>
          {e.actionLabel}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.action}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '对象',
      key: 'target',
      render: (_, e) =>
        e.targetLabel
          ? `${e.targetLabel}${e.targetName || e.targetId ? '：' : ''}${e.targetName ?? e.targetId ?? ''}`
          : '—',
    },
    { title: '原因', dataIndex: 'reason', render: (v: string | null) => v || '—' },
  ];

  return (
    <>
      <PageHeader
        title="审计日志"
        description="所有业务操作与登录、查看个人信息等安全事件的留痕记录，只读。日志按哈希链串联，可校验是否被篡改。"
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={async () => {
                setExporting(true);
                await api
                  .download('/api/audit/export.csv', '审计日志.csv', list.query)
                  .catch(() => undefined);
                setExporting(false);
              }}
            >
              导出 CSV
            </Button>
            <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verifying}>
              校验日志链
            </Button>
          </Space>
        }
      />
      {verify && (
        <Alert
          closable={{ onClose: () => setVerify(null) }}
          style={{ marginBottom: 12 }}
          showIcon
          type={verify.ok ? 'success' : 'error'}
          title={
            verify.ok
              ? `日志链完整：已校验 ${verify.checked} 条记录，未发现篡改`
              : `日志链断裂：第一条异常记录编号 ${verify.firstBrokenId ?? '未知'}`
          }
          description={
            verify.ok
              ? undefined
              : `${verify.message}（已校验 ${verify.checked} 条）。请立即报告安全管理员并保全数据库备份。`
          }
        />
      )}
      <SearchForm form={form} onSearch={onSearch}>
        <Form.Item name="action" label="操作">
          <Input placeholder="如 organization.activate" allowClear />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input placeholder="用户名或姓名" allowClear />
        </Form.Item>
        <Form.Item name="targetType" label="对象类型">
          <Input placeholder="如 organization" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="targetId" label="对象编号">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker format="YYYY-MM-DD" />
        </Form.Item>
      </SearchForm>
      <ListTable<AuditEntry>
        list={list}
        rowKey={(e) => String(e.id)}
        columns={columns}
        emptyText="没有符合条件的日志记录，请放宽时间范围或减少查询条件"
        expandable={{
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Snapshot title="操作前" value={e.before} />
              </Col>
              <Col xs={24} md={12}>
                <Snapshot title="操作后" value={e.after} />
              </Col>
            </Row>
          ),
        }}
      />
    </>
  );
}
