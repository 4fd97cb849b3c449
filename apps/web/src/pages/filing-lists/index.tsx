/**
 * 备案确认 /filing-lists (province bureau confirms; province centre and other staff read): passed notices
 * awaiting confirmation (GET /api/filing-lists/pending) and the published 第N批 lists (GET /api/filing-lists).
 */
import { Alert, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useCan } from '../../auth/session';
import { formatDate, formatDateTime } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { usePagedList } from '../../components/usePagedList';
import type { FilingListSummary, PendingConfirmation } from './types';

function Pending({ canConfirm }: { canConfirm: boolean }) {
  const navigate = useNavigate();
  const [items, setItems] = useState<PendingConfirmation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get('/api/filing-lists/pending', undefined, { silent: true }).then(
      (d) => setItems(d.items),
      (e: Error) => {
        setItems([]);
        setError(e.message);
      },
    );
  }, []);
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<PendingConfirmation>
        rowKey="noticeId"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有待备案确认的公示：公示期满且无未办结异议的公示办结后出现在这里' }}
        columns={[
          { title: '公示编号', dataIndex: 'number' },
          { title: '公示标题', dataIndex: 'title' },
          {
            title: '公示期',
            key: 'window',
            render: (_, n) => `${formatDate(n.startDate)} 至 ${formatDate(n.endDate)}`,
          },
          { title: '办结时间', dataIndex: 'passedAt', render: (v: string | null) => formatDateTime(v) },
          { title: '申请', dataIndex: 'applicationCount', render: (v: number) => `${v} 份` },
          { title: '公示职业（工种）', dataIndex: 'itemCount', render: (v: number) => `${v} 项` },
          {
            title: '操作',
            key: 'actions',
            render: (_, n) => (
              <Button
                type={canConfirm ? 'primary' : 'default'}
                size="small"
                onClick={() => navigate(`/filing-lists/confirm/${n.noticeId}`)}
              >
                {canConfirm ? '备案确认' : '查看'}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function Published() {
  const list = usePagedList('/api/filing-lists', { pageSize: 10 });
  return (
    <ListTable<FilingListSummary>
      list={list}
      rowKey="id"
      emptyText="尚未发布备案名单"
      columns={[
        {
          title: '批次',
          dataIndex: 'label',
          render: (v: string, l) => <Link to={`/filing-lists/${l.id}`}>{v}</Link>,
        },
        { title: '名单', dataIndex: 'title' },
        { title: '公示编号', dataIndex: 'noticeNumber', render: (v: string | null) => v ?? '—' },
        { title: '生效日期', dataIndex: 'effectiveDate', render: (v: string) => formatDate(v) },
        { title: '机构', dataIndex: 'bodyCount', render: (v: number) => `${v} 家` },
        { title: '职业（工种）', dataIndex: 'itemCount', render: (v: number) => `${v} 项` },
        { title: '确认时间', dataIndex: 'confirmedAt', render: (v: string) => formatDateTime(v) },
        {
          title: '下载',
          key: 'files',
          render: (_, l) => (
            <Space size={4}>
              <a href={l.pdfUrl} download>
                PDF
              </a>
              <a href={l.xlsxUrl} download>
                Excel
              </a>
            </Space>
          ),
        },
      ]}
    />
  );
}

export default function FilingListsStaffPage() {
  const can = useCan();
  const canConfirm = can('filingList.confirm');
  return (
    <>
      <PageHeader
        title="备案确认"
        description={
          canConfirm
            ? '对公示通过的名单进行备案确认：发布第N批备案名单，为首次备案的机构分配评价机构序列码，生成备案确认通知书'
            : '公示通过待备案确认的名单和已发布的第N批备案名单（只读）'
        }
        extra={
          <Link to="/public/registry" target="_blank">
            公开的评价机构名录 ›
          </Link>
        }
      />
      <Card>
        <Tabs
          items={[
            { key: 'pending', label: '待备案确认', children: <Pending canConfirm={canConfirm} /> },
            { key: 'lists', label: '已发布名单', children: <Published /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          第N批与评价机构序列码由全省统一的连续计数器在确认时分配，序列码一经分配永久不变。
        </Typography.Paragraph>
      </Card>
    </>
  );
}
