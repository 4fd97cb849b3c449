/**
 * 待办 /inbox and 已办 /inbox/done (city and province staff): GET /api/inbox[/done]?roundId&status&
 * occupationCode&overdue&sort — the applications the role acts on, due dates in working days (暂定 when
 * the year's holidays are missing, 已超期 in red); a row opens the application.
 */
import { Form, Input, Select, Space, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useLocation, useNavigate } from 'react-router';
import { APPLICATION_STATUS_LABELS } from '@skillcert/domain';
import type { InboxItem } from '../api/review-types';
import { formatDateTime } from '../components/format';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import { StatusTag } from './applications/StatusTag';
import { DueDate } from './review/DueDate';
import { useRounds } from '../api/useRounds';

export default function InboxPage() {
  const done = useLocation().pathname.startsWith('/inbox/done');
  return <InboxList key={done ? 'done' : 'todo'} done={done} />;
}

function InboxList({ done }: { done: boolean }) {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const list = usePagedList(done ? '/api/inbox/done' : '/api/inbox', {
    initialQuery: { sort: done ? 'updated' : 'due' },
  });
  const rounds = useRounds();

  const columns: ColumnsType<InboxItem> = [
    {
      title: '申请编号',
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string | null, a) => <Link to={`/applications/${a.id}`}>{v ?? '—'}</Link>,
    },
    { title: '申报单位', dataIndex: 'organizationName' },
    { title: '市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
    { title: '征集批次', dataIndex: 'roundTitle' },
    {
      title: '申报职业',
      dataIndex: 'occupations',
      render: (v: string[]) => (
        <Space size={2} wrap>
          {v.map((o) => (
            <Tag key={o}>{o}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string, a) => <StatusTag status={s} label={a.statusLabel} />,
    },
    {
      title: '办理时限',
      dataIndex: 'dueDate',
      render: (_, a) => <DueDate date={a.dueDate} provisional={a.dueProvisional} overdue={a.overdue} />,
    },
    { title: '最后更新', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={done ? '已办' : '待办'}
        description={
          done ? '本人已办理过的备案申请' : '需要本岗位办理的备案申请，按办理时限（工作日）排序，超期的在前'
        }
      />
      <SearchForm
        form={form}
        onSearch={(v) => {
          const { overdueOnly, ...rest } = v;
          list.search({
            ...cleanQuery(rest),
            sort: done ? 'updated' : 'due',
            ...(overdueOnly ? { overdue: 'true' } : {}),
          });
        }}
      >
        <Form.Item name="roundId" label="征集批次">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 200 }}
            options={rounds.map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 120 }}
            options={Object.entries(APPLICATION_STATUS_LABELS)
              .filter(([s]) => s !== 'draft')
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="occupationCode" label="职业编码">
          <Input placeholder="如 6-18-02-04" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="overdueOnly" label="仅看超期" valuePropName="checked">
          <Switch />
        </Form.Item>
      </SearchForm>
      <ListTable<InboxItem>
        list={list}
        rowKey="id"
        columns={columns}
        onRow={(a) => ({
          onClick: () => void navigate(`/applications/${a.id}`),
          style: { cursor: 'pointer' },
        })}
        emptyText={done ? '还没有办理过的申请' : '暂无待办，新的申请提交后会出现在这里'}
      />
    </>
  );
}
