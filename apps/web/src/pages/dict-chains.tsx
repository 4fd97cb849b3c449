/** 产业链 (R6): GET /api/dict/chains; sys_admin adds (POST), edits and (de)activates (PATCH with version). */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../api/client';
import type { ChainItem as Chain } from '@skillcert/contracts';
import { useCan } from '../auth/session';
import { FormModal } from '../components/FormModal';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';

interface ChainValues {
  name: string;
  description?: string;
}

export default function ChainsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const canEdit = can('dictionary.edit');
  const [form] = Form.useForm();
  const list = usePagedList('/api/dict/chains');
  const [editing, setEditing] = useState<Chain | 'new' | null>(null);

  const setActive = async (c: Chain, active: boolean) => {
    try {
      await api.patch('/api/dict/chains/:id', { params: { id: c.id }, body: { active, version: c.version } });
      void message.success(active ? `已启用：${c.name}` : `已停用：${c.name}`);
    } catch {
      // shown by the API client
    }
    list.reload();
  };

  const columns: ColumnsType<Chain> = [
    {
      title: '产业链名称',
      dataIndex: 'name',
      render: (v: string, c) => (
        <Space size={4}>
          {v}
          {c.isExample && (
            <Tooltip title="演示用示例数据，不是官方公布的产业链">
              <Tag color="purple">示例</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: '说明', dataIndex: 'description', render: (v: string | null) => v || '—' },
    {
      title: '状态',
      dataIndex: 'active',
      render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, c: Chain) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(c)}>
                  编辑
                </Button>
                {c.active ? (
                  <Popconfirm
                    title={`停用“${c.name}”？`}
                    description="停用后新的申请不能再选择该产业链，已提交的申请不受影响。"
                    okText="停用"
                    cancelText="取消"
                    onConfirm={() => setActive(c, false)}
                  >
                    <Button type="link" size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => setActive(c, true)}>
                    启用
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const current = editing && editing !== 'new' ? editing : null;

  return (
    <>
      <PageHeader
        title="产业链"
        description="“三高四新”相关的湖南省产业链，申报范围须服务于至少一条产业链（规则R6）。"
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增产业链
            </Button>
          )
        }
      />
      {list.data?.items.some((c) => c.isExample) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="标有“示例”的条目为演示数据，请系统管理员按省政府正式文件录入官方名单后停用示例。"
        />
      )}
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="名称">
          <Input placeholder="产业链名称关键字" allowClear />
        </Form.Item>
      </SearchForm>
      <ListTable<Chain>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={
          canEdit
            ? '尚未录入产业链。请按省政府正式文件，点击“新增产业链”逐条录入'
            : '尚未录入产业链，请联系系统管理员录入'
        }
      />
      <FormModal<ChainValues>
        open={editing !== null}
        title={current ? `编辑产业链：${current.name}` : '新增产业链'}
        initialValues={current ? { name: current.name, description: current.description ?? '' } : {}}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { name: v.name.trim(), description: v.description?.trim() ?? '' };
          if (current)
            await api.patch('/api/dict/chains/:id', {
              params: { id: current.id },
              body: { ...body, version: current.version },
            });
          else await api.post('/api/dict/chains', { body });
          void message.success('已保存');
          list.reload();
        }}
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请填写产业链名称' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} maxLength={500} placeholder="范围说明与依据文件" />
        </Form.Item>
      </FormModal>
    </>
  );
}
