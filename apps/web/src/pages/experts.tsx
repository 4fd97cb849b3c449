/**
 * 专家库 /experts (city_bureau: own city; sys_admin: all): GET /api/experts?q&cityCode&occupationCode&active
 * — phone masked; 新增 (one-time initial password), 编辑, 登记利益冲突.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { Expert } from '../api/review-types';
import { useMe } from '../auth/session';
import { CitySelect } from '../components/divisions';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import { ConflictModal, CreateExpertModal, EditExpertModal } from './experts/ExpertModals';

export default function ExpertsPage() {
  const me = useMe();
  const admin = me.role === 'sys_admin';
  const [form] = Form.useForm();
  const list = usePagedList('/api/experts');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Expert | null>(null);
  const [conflictFor, setConflictFor] = useState<Expert | null>(null);

  const columns: ColumnsType<Expert> = [
    { title: '专家编号', dataIndex: 'code', fixed: 'left' },
    { title: '姓名', dataIndex: 'name' },
    { title: '工作单位', dataIndex: 'unit' },
    ...(admin ? [{ title: '市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' }] : []),
    { title: '职称', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    {
      title: '可评审职业',
      dataIndex: 'occupations',
      render: (os: Expert['occupations']) => (
        <Space size={2} wrap>
          {os.map((o) => (
            <Tooltip key={o.code} title={o.code}>
              <Tag>{o.name ?? o.code}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: '手机号', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    { title: '账号', dataIndex: 'username', render: (v: string | null) => v ?? '未开通' },
    {
      title: '利益冲突',
      dataIndex: 'conflicts',
      render: (cs: Expert['conflicts']) =>
        cs.length === 0
          ? '—'
          : cs.map((c) => (
              <Tooltip key={c.creditCode} title={c.reason}>
                <Tag color="orange">{c.creditCode}</Tag>
              </Tooltip>
            )),
    },
    {
      title: '状态',
      dataIndex: 'active',
      render: (v: boolean) => (v ? <Tag color="green">在库</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_, e) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(e)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setConflictFor(e)}>
            登记利益冲突
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="专家库"
        description={
          admin ? '全省各市州的评审专家' : `${me.cityName ?? ''}评审专家库；抽取时按职业匹配并自动回避`
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增专家
          </Button>
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder="姓名、单位或专家编号" allowClear />
        </Form.Item>
        <Form.Item name="occupationCode" label="职业编码">
          <Input placeholder="如 6-18-02-04" allowClear style={{ width: 140 }} />
        </Form.Item>
        {admin && (
          <Form.Item name="cityCode" label="市州">
            <CitySelect allowClear placeholder="全部" style={{ minWidth: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="active" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 100 }}
            options={[
              { value: 'true', label: '在库' },
              { value: 'false', label: '已停用' },
            ]}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<Expert>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText="专家库还没有专家。点击右上角“新增专家”录入"
      />
      <CreateExpertModal
        open={creating}
        withCity={admin}
        onClose={() => setCreating(false)}
        onCreated={list.reload}
      />
      <EditExpertModal
        expert={editing}
        withCity={admin}
        onClose={() => setEditing(null)}
        onSaved={list.reload}
      />
      <ConflictModal expert={conflictFor} onClose={() => setConflictFor(null)} onSaved={list.reload} />
    </>
  );
}
