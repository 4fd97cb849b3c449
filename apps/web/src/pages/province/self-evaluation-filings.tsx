/**
 * 自主评价备案 /self-evaluation-filings (province centre only): the province files enterprises' and
 * schools' self-evaluation (通知第一条第一、二款), so its centre records those filings here — R2 admits a
 * school or 规上 enterprise to this collection only with one. List and search, add one by hand, import
 * the Excel template, correct or revoke a record with a reason (audited).
 */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { FilingItem } from '@skillcert/contracts';
import { api, asPaged, type Paged, type Query } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { cleanQuery, SearchForm } from '../../components/SearchForm';
import { downloadFilingsTemplate, FilingsImportModal } from './FilingsImport';
import { SelfEvaluationFilingFields, type EvidenceFile } from './SelfEvaluationFilingForm';

const PATH = '/api/filings';

interface FormValues {
  organizationName: string;
  creditCode: string;
  cityCode: string;
  mode: 'enterprise_self' | 'school_self';
  occupationCode: string;
  jobName?: string;
  levels: string[];
  documentNumber: string;
  effectiveDate: Dayjs;
  evidenceFile?: EvidenceFile | null;
  selfEvaluationCarriedOut?: boolean;
  sequenceCode?: string;
  reason?: string;
}

const toBody = (v: FormValues) => ({
  organizationName: v.organizationName.trim(),
  creditCode: v.creditCode.trim().toUpperCase(),
  cityCode: v.cityCode,
  mode: v.mode,
  occupationCode: v.occupationCode.trim(),
  jobName: v.jobName?.trim() ?? '',
  levels: v.levels,
  documentNumber: v.documentNumber.trim(),
  effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
  evidenceFileId: v.evidenceFile?.id ?? null,
  selfEvaluationCarriedOut: v.selfEvaluationCarriedOut ?? false,
  sequenceCode: v.sequenceCode?.trim() ?? '',
});

const formOf = (f: FilingItem): Partial<FormValues> => ({
  organizationName: f.organizationName,
  creditCode: f.creditCode,
  cityCode: f.cityCode,
  mode: f.mode as FormValues['mode'],
  occupationCode: f.occupationCode,
  jobName: f.jobName,
  levels: f.levels,
  documentNumber: f.documentNumber ?? '',
  effectiveDate: dayjs(f.effectiveDate),
  evidenceFile: f.evidenceFile,
  selfEvaluationCarriedOut: f.selfEvaluationCarriedOut,
  sequenceCode: f.sequenceCode ?? '',
});

function statusTag(f: FilingItem) {
  const tag = <Tag color={f.status === 'filed' ? 'green' : 'default'}>{f.statusLabel}</Tag>;
  return f.statusReason ? <Tooltip title={f.statusReason}>{tag}</Tooltip> : tag;
}

export default function SelfEvaluationFilingsPage() {
  const [form] = Form.useForm();
  const client = useQueryClient();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<FilingItem | null>(null);
  const [revoking, setRevoking] = useState<FilingItem | null>(null);

  const list = useQuery({
    queryKey: ['filings', 'self_evaluation', query, page, pageSize],
    queryFn: async (): Promise<Paged<FilingItem>> =>
      asPaged(
        await api.get(PATH, { query: { ...query, kind: 'self_evaluation', page, pageSize } }),
        page,
        pageSize,
      ),
    placeholderData: keepPreviousData,
  });
  const reload = () => void client.invalidateQueries({ queryKey: ['filings'] });

  const record = useMutation({
    mutationFn: (v: FormValues) => api.post('/api/filings/self-evaluation', { body: toBody(v) }),
    onSuccess: reload,
  });
  const correct = useMutation({
    mutationFn: ({ f, v }: { f: FilingItem; v: FormValues }) =>
      api.put('/api/filings/self-evaluation/:id', {
        params: { id: f.id },
        body: { ...toBody(v), version: f.version, reason: v.reason },
      }),
    onSuccess: reload,
  });
  const revoke = useMutation({
    mutationFn: ({ f, reason }: { f: FilingItem; reason: string }) =>
      api.post('/api/filings/self-evaluation/:id/revoke', {
        params: { id: f.id },
        body: { version: f.version, reason },
      }),
    onSuccess: reload,
  });

  const columns: ColumnsType<FilingItem> = [
    { title: '单位名称', dataIndex: 'organizationName', fixed: 'left' },
    { title: '统一社会信用代码', dataIndex: 'creditCode' },
    { title: '市州', dataIndex: 'cityName' },
    {
      title: '职业（工种）',
      key: 'occupation',
      render: (_: unknown, f) =>
        `${f.occupationCode} ${f.occupationName ?? ''}${f.jobName ? `（${f.jobName}）` : ''}`,
    },
    { title: '评价方式', dataIndex: 'modeLabel' },
    { title: '等级', dataIndex: 'levelLabels', render: (v: string[]) => v.join('、') },
    {
      title: '备案文件文号',
      dataIndex: 'documentNumber',
      render: (v: string | null, f) => v ?? f.sourceNote,
    },
    { title: '备案日期', dataIndex: 'effectiveDate' },
    {
      title: '已开展评价',
      dataIndex: 'selfEvaluationCarriedOut',
      render: (v: boolean) => (v ? '是' : '否'),
    },
    { title: '序列码', dataIndex: 'sequenceCode', render: (v: string | null) => v ?? '—' },
    { title: '来源', dataIndex: 'sourceLabel' },
    { title: '状态', key: 'status', render: (_: unknown, f) => statusTag(f) },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_: unknown, f) => (
        <Space size={0}>
          {f.evidenceFile && (
            <Button
              type="link"
              size="small"
              onClick={() =>
                void api.download(`${PATH}/${f.id}/evidence`, f.evidenceFile!.name).catch(() => undefined)
              }
            >
              备案文件
            </Button>
          )}
          {f.source !== 'confirmation' && f.status === 'filed' && (
            <>
              <Button type="link" size="small" onClick={() => setEditing(f)}>
                修改
              </Button>
              <Button type="link" size="small" danger onClick={() => setRevoking(f)}>
                撤销
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="自主评价备案"
        description="省人社厅对企业、院校的自主评价备案由省鉴定中心在此录入。规模以上企业和院校须有已开展的自主评价备案，方可申报本次征集（通知第一条第一、二款）。"
        extra={
          <Space>
            <Button onClick={downloadFilingsTemplate}>下载导入模板</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              从 Excel 导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              录入备案
            </Button>
          </Space>
        }
      />
      <SearchForm
        form={form}
        onSearch={(v) => {
          setPage(1);
          setQuery(cleanQuery(v));
        }}
      >
        <Form.Item name="q" label="关键字">
          <Input placeholder="单位名称、统一社会信用代码或职业" allowClear />
        </Form.Item>
      </SearchForm>
      {list.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="列表加载失败"
          description={list.error.message}
        />
      )}
      <Table<FilingItem>
        size="middle"
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '还没有自主评价备案记录。点击右上角“录入备案”或“从 Excel 导入”' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      <FormModal<FormValues>
        open={adding}
        title="录入自主评价备案"
        okText="保存"
        width={720}
        initialValues={{ selfEvaluationCarriedOut: true, levels: [] }}
        onClose={() => setAdding(false)}
        onSubmit={(v) => record.mutateAsync(v)}
      >
        <SelfEvaluationFilingFields withReason={false} />
      </FormModal>
      <FormModal<FormValues>
        open={!!editing}
        title={editing ? `修改自主评价备案：${editing.organizationName}` : ''}
        okText="保存修改"
        width={720}
        initialValues={editing ? formOf(editing) : undefined}
        onClose={() => setEditing(null)}
        onSubmit={(v) => correct.mutateAsync({ f: editing!, v })}
      >
        <SelfEvaluationFilingFields withReason />
      </FormModal>
      <FormModal<{ reason: string }>
        open={!!revoking}
        title={revoking ? `撤销自主评价备案记录：${revoking.organizationName}` : ''}
        okText="撤销"
        danger
        onClose={() => setRevoking(null)}
        onSubmit={({ reason }) => revoke.mutateAsync({ f: revoking!, reason })}
      >
        <p>撤销后该记录不再作为申报资格（R2）的依据，且不能恢复；如需恢复请重新录入。</p>
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[
            { required: true, whitespace: true, message: '请填写撤销原因' },
            { min: 2, message: '撤销原因至少2个字' },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：录入错误；备案文件已被撤销，文号……" />
        </Form.Item>
      </FormModal>
      <FilingsImportModal open={importing} onClose={() => setImporting(false)} onImported={reload} />
    </>
  );
}
