/**
 * 征集批次 (province_center manages, province_bureau reads): GET /api/rounds?status=, create / edit in a
 * drawer (POST, PATCH with version), 开启征集 POST …/open, 截止征集 POST …/close — buttons from abilities.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Popconfirm, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Round } from '../api/filing-types';
import { useCan } from '../auth/session';
import { formatDate, formatDateTime } from '../components/format';
import { ROUND_STATUS } from '../components/labels';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import { RoundDrawer } from './rounds/RoundDrawer';

export default function RoundsPage() {
  const can = useCan();
  const { message, modal } = App.useApp();
  const canManage = can('round.manage');
  const [form] = Form.useForm();
  const list = usePagedList('/api/rounds');
  const [drawer, setDrawer] = useState<{ round: Round | null } | null>(null);

  const change = async (r: Round, verb: 'open' | 'close') => {
    try {
      await api.post(
        '/api/rounds/:id/:verb',
        { params: { id: r.id, verb }, body: { version: r.version } },
        { silent: true },
      );
      void message.success(verb === 'open' ? `已开启征集：${r.title}` : `已截止征集：${r.title}`);
    } catch (e) {
      modal.error({
        title: verb === 'open' ? '无法开启征集' : '无法截止征集',
        content: e instanceof ApiError ? e.message : '操作失败，请稍后重试',
        okText: '知道了',
      });
    }
    list.reload();
  };

  const columns: ColumnsType<Round> = [
    {
      title: '批次标题',
      dataIndex: 'title',
      fixed: 'left',
      render: (v: string, r) => <a onClick={() => setDrawer({ round: r })}>{v}</a>,
    },
    {
      title: '申报时间',
      key: 'window',
      render: (_, r) => `${formatDate(r.windowStart)} 至 ${formatDate(r.windowEnd)}`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string, r) => (
        <Space size={4}>
          <Tag color={ROUND_STATUS[s]?.color}>{r.statusLabel || ROUND_STATUS[s]?.label || s}</Tag>
          {r.status === 'open' && !r.acceptingSubmissions && <Tag>不在申报期内</Tag>}
        </Space>
      ),
    },
    { title: '阈值', key: 'few', render: (_, r) => `少于 ${r.policy.fewThreshold} 家` },
    { title: '材料项', key: 'slots', render: (_, r) => `${r.policy.materialSlots.length} 项` },
    { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: '开启时间', dataIndex: 'openedAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setDrawer({ round: r })}>
            {r.abilities.edit ? '编辑' : '查看'}
          </Button>
          {r.abilities.open && (
            <Popconfirm
              title={`开启“${r.title}”的征集？`}
              description="开启后政策与材料要求即固定，不能再修改；申报单位可开始申报。"
              okText="开启征集"
              cancelText="取消"
              onConfirm={() => change(r, 'open')}
            >
              <Button type="link" size="small">
                开启征集
              </Button>
            </Popconfirm>
          )}
          {r.abilities.close && (
            <Popconfirm
              title={`截止“${r.title}”的征集？`}
              description="截止后申报单位不能再新建或首次提交申请，退回补正的申请仍可重新提交。"
              okText="截止征集"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => change(r, 'close')}
            >
              <Button type="link" size="small" danger>
                截止征集
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="征集批次"
        description="按批次发布申报通知、设定申报时间、紧缺判定政策与备案材料要求；开启后政策固定。"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ round: null })}>
              新建批次
            </Button>
          )
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 120 }}
            options={Object.entries(ROUND_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<Round>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={canManage ? '还没有征集批次，点击“新建批次”发布第一个征集批次' : '暂无征集批次'}
      />
      <RoundDrawer
        open={drawer !== null}
        round={drawer?.round ?? null}
        onClose={() => setDrawer(null)}
        onSaved={list.reload}
      />
    </>
  );
}
