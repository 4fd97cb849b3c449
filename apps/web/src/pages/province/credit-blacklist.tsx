/**
 * 严重失信主体名单 /credit-blacklist (province centre only): R1 "社会信用良好" (通知第二条第一款) refuses
 * a unit listed for a period covering the day of the check. Search, import from Excel (with the list's
 * source and date), and 移出 with a reason (audited). Applicants never see this list.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { cleanQuery, SearchForm } from '../../components/SearchForm';
import { usePagedList } from '../../components/usePagedList';
import { CreditBlacklistImportModal, downloadCreditBlacklistTemplate } from './CreditBlacklistImport';

interface BlacklistEntry {
  id: string;
  creditCode: string;
  unitName: string;
  authority: string;
  listedOn: string;
  until: string | null;
  periodText: string;
  reason: string;
  inForce: boolean;
  importSource: string;
  importSourceDate: string;
  removedAt: string | null;
  removedByName: string | null;
  removalReason: string | null;
}

function stateTag(e: BlacklistEntry) {
  if (e.removedAt)
    return (
      <Tooltip title={`${e.removedByName ?? ''}：${e.removalReason ?? ''}`}>
        <Tag>已移出</Tag>
      </Tooltip>
    );
  return e.inForce ? <Tag color="red">有效期内</Tag> : <Tag>已过期</Tag>;
}

export default function CreditBlacklistPage() {
  const [form] = Form.useForm();
  const list = usePagedList('/api/credit-blacklist');
  const [importing, setImporting] = useState(false);
  const [removing, setRemoving] = useState<BlacklistEntry | null>(null);

  const columns: ColumnsType<BlacklistEntry> = [
    { title: '统一社会信用代码', dataIndex: 'creditCode', fixed: 'left' },
    { title: '单位名称', dataIndex: 'unitName' },
    { title: '列入机关', dataIndex: 'authority' },
    { title: '有效期', dataIndex: 'periodText' },
    { title: '列入事由', dataIndex: 'reason', ellipsis: true },
    {
      title: '名单来源',
      dataIndex: 'importSource',
      render: (v: string, e) => `${v}（${e.importSourceDate}）`,
    },
    { title: '状态', key: 'state', render: (_: unknown, e) => stateTag(e) },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_: unknown, e) =>
        e.removedAt ? null : (
          <Button type="link" size="small" danger onClick={() => setRemoving(e)}>
            移出名单
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="严重失信主体名单"
        description="列入名单且在有效期内的单位不符合“社会信用良好”（通知第二条第一款），预检和提交时将被拒绝；有效期届满或移出后不再拒绝。"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={downloadCreditBlacklistTemplate}>
              下载导入模板
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入名单
            </Button>
          </Space>
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder="单位名称、列入机关或统一社会信用代码" allowClear />
        </Form.Item>
        <Form.Item name="state" label="状态">
          <Select
            allowClear
            placeholder="全部（未移出）"
            style={{ minWidth: 140 }}
            options={[
              { value: 'in_force', label: '有效期内' },
              { value: 'expired', label: '已过期' },
              { value: 'removed', label: '已移出' },
            ]}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<BlacklistEntry>
        list={list}
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        emptyText="名单中还没有记录。点击右上角“导入名单”从 Excel 导入"
      />
      <CreditBlacklistImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={list.reload}
      />
      <FormModal<{ reason: string }>
        open={!!removing}
        title={removing ? `移出严重失信主体名单：${removing.unitName}` : ''}
        okText="移出"
        danger
        onClose={() => setRemoving(null)}
        onSubmit={async ({ reason }) => {
          await api.post('/api/credit-blacklist/:id/remove', {
            params: { id: removing!.id },
            body: { reason },
          });
          list.reload();
        }}
      >
        <Form.Item
          name="reason"
          label="移出原因"
          rules={[
            { required: true, whitespace: true, message: '请填写移出原因' },
            { min: 2, message: '移出原因至少2个字' },
            { max: 500, message: '移出原因不能超过500个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：列入机关已撤销列入决定（信用修复），文号……" />
        </Form.Item>
      </FormModal>
    </>
  );
}
