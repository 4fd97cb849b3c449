/**
 * 异议处理 /objections (province centre handles, bureau reads): GET /api/objections?noticeId&status — the
 * inbox of objections with the contact's phone masked; open ones first to handle.
 */
import { Form, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { NoticeSummaryDto, ObjectionSummaryDto } from '@skillcert/contracts';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { cleanQuery, SearchForm } from '../../components/SearchForm';
import { usePagedList } from '../../components/usePagedList';
import { OBJECTION_STATUS_COLOR } from '../public/notice-parts';

export default function ObjectionsPage() {
  const [params] = useSearchParams();
  const initial = cleanQuery({
    noticeId: params.get('noticeId') ?? undefined,
    status: params.get('status') ?? undefined,
  });
  const [form] = Form.useForm();
  const list = usePagedList('/api/objections', { initialQuery: initial });
  const [notices, setNotices] = useState<NoticeSummaryDto[]>([]);

  useEffect(() => {
    api.get('/api/notices', { query: { pageSize: 200 } }).then(
      (d) => setNotices(d.items.filter((n) => n.status !== 'draft')),
      () => undefined,
    );
  }, []);

  return (
    <>
      <PageHeader
        title="异议处理"
        description="公示期内社会各方提出的异议：逐件核查，答复“异议成立”或“异议不成立”，答复意见在回执查询页公开。"
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="noticeId" label="公示" initialValue={initial.noticeId}>
          <Select
            allowClear
            placeholder="全部公示"
            style={{ width: 260 }}
            options={notices.map((n) => ({ value: n.id, label: `${n.number} ${n.title}` }))}
          />
        </Form.Item>
        <Form.Item name="status" label="状态" initialValue={initial.status}>
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            options={[
              { value: 'open', label: '处理中' },
              { value: 'upheld', label: '异议成立' },
              { value: 'dismissed', label: '异议不成立' },
            ]}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<ObjectionSummaryDto>
        list={list}
        rowKey="id"
        emptyText="没有符合条件的异议"
        columns={[
          {
            title: '回执号',
            dataIndex: 'receiptNumber',
            render: (v: string, o) => <Link to={`/objections/${o.id}`}>{v}</Link>,
          },
          { title: '公示', dataIndex: 'noticeNumber' },
          { title: '申报单位', dataIndex: 'organizationName' },
          { title: '异议对象', dataIndex: 'subject' },
          { title: '异议人', key: 'contact', render: (_v, o) => `${o.contactName} ${o.contactPhoneMasked}` },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            render: (v: string, o) => <Tag color={OBJECTION_STATUS_COLOR[o.status]}>{v}</Tag>,
          },
          { title: '提交时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '答复时间', dataIndex: 'handledAt', render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
