/**
 * 我的申请 (applicant) / 备案申请 (city and province staff): GET /api/applications?roundId&status&q — the
 * server scopes the list (own organization; own city without drafts; the province). 新建申请 for applicants.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { APPLICATION_STATUS_LABELS } from '@skillcert/domain';
import type { ApplicationSummary } from '../api/filing-types';
import { useCan, useMe } from '../auth/session';
import { formatDateTime } from '../components/format';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import { NewApplicationModal } from './applications/NewApplicationModal';
import { StatusTag } from './applications/StatusTag';
import { useRounds } from '../api/useRounds';

const EDITABLE = ['draft', 'returned'];

export default function ApplicationsPage() {
  const me = useMe();
  const can = useCan();
  const applicant = can('application.edit');
  const [form] = Form.useForm();
  const list = usePagedList('/api/applications');
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);

  const statusOptions = Object.entries(APPLICATION_STATUS_LABELS)
    .filter(([s]) => applicant || s !== 'draft')
    .map(([value, label]) => ({ value, label }));

  const columns: ColumnsType<ApplicationSummary> = [
    {
      title: '申请编号',
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string | null, a) => <Link to={`/applications/${a.id}`}>{v ?? '草稿（提交后编号）'}</Link>,
    },
    ...(applicant
      ? []
      : [
          { title: '申报单位', dataIndex: 'organizationName' },
          { title: '市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
        ]),
    { title: '征集批次', dataIndex: 'roundTitle' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string, a) => <StatusTag status={s} label={a.statusLabel} />,
    },
    { title: '申报项', dataIndex: 'scopeCount', render: (n: number) => `${n} 项` },
    { title: '提交时间', dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
    { title: '最后修改', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, a) => (
        <Space size={4}>
          <Link to={`/applications/${a.id}`}>查看</Link>
          {applicant && EDITABLE.includes(a.status) && (
            <Link to={`/applications/${a.id}/edit`}>继续编辑</Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={applicant ? '我的申请' : '备案申请'}
        description={
          applicant
            ? '本单位的评价机构备案申请。每个征集批次只能有一份未结束的申请。'
            : me.cityName
              ? `${me.cityName}申报单位已提交的备案申请`
              : '全省申报单位已提交的备案申请'
        }
        extra={
          applicant && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建申请
            </Button>
          )
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        {!applicant && (
          <Form.Item name="q" label="关键字">
            <Input placeholder="单位名称或申请编号" allowClear />
          </Form.Item>
        )}
        <Form.Item name="roundId" label="征集批次">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 200 }}
            options={rounds.map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" style={{ minWidth: 120 }} options={statusOptions} />
        </Form.Item>
      </SearchForm>
      <ListTable<ApplicationSummary>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={
          applicant
            ? '还没有备案申请。点击右上角“新建申请”，选择正在征集的批次开始填写'
            : '没有符合条件的备案申请'
        }
      />
      {applicant && <NewApplicationModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
