/**
 * One pool's management page, configured by its kind (pool-kinds.ts): GET <path>?q&cityCode
 * [&occupationCode]&active — phone masked; 新增 (one-time initial password), 编辑 / 停用, 登记利益冲突 for
 * those who keep the pool. The pool's draw picks from the members in the pool and recuses automatically.
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
import type { PoolUi } from './pool-kinds';
import {
  ConflictModal,
  CreateMemberModal,
  EditMemberModal,
  PoolCitySelect,
  type PoolMember,
} from './PoolModals';

const dash = (v: string | null) => v ?? '—';

export function PoolPage({ ui }: { ui: PoolUi }) {
  const me = useMe();
  const canManage = ui.canManage(me);
  const withCity = ui.chooseCity(me);
  const [form] = Form.useForm();
  const list = usePagedList(ui.path);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PoolMember | null>(null);
  const [conflictFor, setConflictFor] = useState<PoolMember | null>(null);

  const columns: ColumnsType<PoolMember> = [
    { title: ui.codeTitle, dataIndex: 'code', fixed: 'left' },
    { title: '姓名', dataIndex: 'name' },
    { title: '工作单位', dataIndex: 'unit' },
    ...(withCity
      ? [
          {
            title: ui.cityColumn,
            dataIndex: 'cityName',
            render: (v: string | null, m: PoolMember) => v ?? (m.cityCode === '430000' ? '省直' : m.cityCode),
          },
        ]
      : []),
    { title: ui.titleColumn, dataIndex: 'title', render: dash },
    ...(ui.occupations
      ? [
          {
            title: '可评审职业',
            dataIndex: 'occupations',
            render: (os: PoolMember['occupations']) => (
              <Space size={2} wrap>
                {(os ?? []).map((o) => (
                  <Tooltip key={o.code} title={o.code}>
                    <Tag>{o.name ?? o.code}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    { title: '手机号', dataIndex: 'phoneMasked', render: dash },
    { title: '账号', dataIndex: 'username', render: (v: string | null) => v ?? '未开通' },
    {
      title: '利益冲突',
      dataIndex: 'conflicts',
      render: (cs: PoolMember['conflicts']) =>
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
            render: (_: unknown, m: PoolMember) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(m)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setConflictFor(m)}>
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
        title={ui.pool}
        description={ui.description(me)}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增{ui.member}
            </Button>
          )
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder={ui.keywordPlaceholder} allowClear />
        </Form.Item>
        {ui.occupations && (
          <Form.Item name="occupationCode" label="职业编码">
            <Input placeholder="如 6-18-02-04" allowClear style={{ width: 140 }} />
          </Form.Item>
        )}
        {withCity && (
          <Form.Item name="cityCode" label="市州">
            <PoolCitySelect ui={ui} allowClear placeholder="全部" style={{ minWidth: 120 }} />
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
      <ListTable<PoolMember>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={
          canManage
            ? `${ui.pool}还没有${ui.memberNoun}。点击右上角“新增${ui.member}”录入`
            : `${ui.pool}还没有${ui.memberNoun}`
        }
      />
      <CreateMemberModal
        ui={ui}
        open={creating}
        withCity={withCity}
        onClose={() => setCreating(false)}
        onCreated={list.reload}
      />
      <EditMemberModal
        ui={ui}
        member={editing}
        withCity={withCity}
        onClose={() => setEditing(null)}
        onSaved={list.reload}
      />
      <ConflictModal
        ui={ui}
        member={conflictFor}
        onClose={() => setConflictFor(null)}
        onSaved={list.reload}
      />
    </>
  );
}
