/** 我的评审任务 (expert): GET /api/my/assignments — the applications drawn for me; 评分 opens the scoring page. */
import { Button, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { MyAssignment } from '../api/review-types';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';

export default function MyAssignmentsPage() {
  const [items, setItems] = useState<MyAssignment[] | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    api.get('/api/my/assignments').then(
      (d) => setItems(d.items),
      () => setItems([]),
    );
  }, [tick]);

  return (
    <>
      <PageHeader
        title="我的评审任务"
        description="市州人社局随机抽取您参加评审的备案申请。请阅读申请材料后逐项评分并给出推荐意见，提交后不能修改。"
        extra={<Button onClick={() => setTick((t) => t + 1)}>刷新</Button>}
      />
      <Table<MyAssignment>
        rowKey="assignmentId"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无评审任务；被抽中后会收到站内信通知' }}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'applicationNumber',
            render: (v: string | null, a) => <Link to={`/my/assignments/${a.assignmentId}`}>{v ?? '—'}</Link>,
          },
          { title: '申报单位', dataIndex: 'organizationName' },
          {
            title: '申报职业',
            dataIndex: 'occupations',
            render: (os: MyAssignment['occupations']) =>
              os.map((o) => <Tag key={o.code}>{o.name ?? o.code}</Tag>),
          },
          {
            title: '评审状态',
            dataIndex: 'status',
            render: (s: string, a) => <Tag color={s === 'submitted' ? 'green' : 'blue'}>{a.statusLabel}</Tag>,
          },
          { title: '抽取时间', dataIndex: 'assignedAt', render: (v: string) => formatDateTime(v) },
          { title: '提交时间', dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: '操作',
            key: 'op',
            fixed: 'right',
            render: (_, a) => (
              <Link to={`/my/assignments/${a.assignmentId}`}>
                {a.allowedActions.includes('submit') ? '评分' : '查看'}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
