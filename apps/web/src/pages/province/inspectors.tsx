/**
 * 督导人员库 /inspectors (province_center and sys_admin maintain; province_bureau reads):
 * GET /api/inspectors?q&cityCode&active — phone masked; 新增 (one-time initial password), 编辑 / 停用,
 * 登记利益冲突. The 双随机 draw picks from the active inspectors and recuses automatically.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth/session';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { cleanQuery, SearchForm } from '../../components/SearchForm';
import { usePagedList } from '../../components/usePagedList';
import {
  CreateInspectorModal,
  EditInspectorModal,
  InspectorCitySelect,
  InspectorConflictModal,
} from './InspectorModals';
import type { Inspector } from './types';

export default function InspectorsPage() {
  const me = useMe();
  const canManage = me.role === 'province_center' || me.role === 'sys_admin';
  const [form] = Form.useForm();
  const list = usePagedList('/api/inspectors');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Inspector | null>(null);
  const [conflictFor, setConflictFor] = useState<Inspector | null>(null);

  const columns: ColumnsType<Inspector> = [
    { title: '编号', dataIndex: 'code', fixed: 'left' },
    { title: '姓名', dataIndex: 'name' },
    { title: '工作单位', dataIndex: 'unit' },
    {
      title: '所在市州',
      dataIndex: 'cityName',
      render: (v: string | null, i) => v ?? (i.cityCode === '430000' ? '省直' : i.cityCode),
    },
    { title: '职称 / 资格', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: '手机号', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    { title: '账号', dataIndex: 'username', render: (v: string | null) => v ?? '未开通' },
    {
      title: '利益冲突',
      dataIndex: 'conflicts',
      render: (cs: Inspector['conflicts']) =>
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
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'op',
            fixed: 'right' as const,
            render: (_: unknown, i: Inspector) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(i)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setConflictFor(i)}>
                  登记利益冲突
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="督导人员库"
        description="抽查复核“双随机”从在库督导人员中抽取；同一市州、本单位人员和申报利益冲突的自动回避。公开页面只显示编号。"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增督导人员
            </Button>
          )
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder="姓名、单位或编号" allowClear />
        </Form.Item>
        <Form.Item name="cityCode" label="市州">
          <InspectorCitySelect allowClear placeholder="全部" />
        </Form.Item>
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
      <ListTable<Inspector>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={canManage ? '督导人员库还没有人员。点击右上角“新增督导人员”录入' : '督导人员库还没有人员'}
      />
      <CreateInspectorModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
      <EditInspectorModal inspector={editing} onClose={() => setEditing(null)} onSaved={list.reload} />
      <InspectorConflictModal
        inspector={conflictFor}
        onClose={() => setConflictFor(null)}
        onSaved={list.reload}
      />
    </>
  );
}
