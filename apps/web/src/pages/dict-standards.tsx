/**
 * 国家职业技能标准: GET /api/dict/standards (q, levelsStatus, mappingStatus); sys_admin records levels and
 * the mapped occupation (PATCH with version), downloads the Excel template and imports.
 */
import { App, Button, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { StandardItem as SkillStandard } from '@skillcert/contracts';
import { useCan } from '../auth/session';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import { levelText } from './dict/occupation-tags';
import { StandardEditor } from './dict/StandardEditor';
import { StandardImportButtons } from './dict/StandardImport';
import { codedOccupation } from '../components/occupation-label';

const MAPPING: Record<string, { label: string; color: string; tip: string }> = {
  data: { label: '代码对应', color: 'green', tip: '标准的职业代码与2022年版大典一致' },
  name: { label: '按名称对应', color: 'gold', tip: '旧版代码按职业名称对应到2022年版大典，建议核对' },
  admin: { label: '人工对应', color: 'blue', tip: '系统管理员已人工确认' },
  unmapped: { label: '未对应', color: 'red', tip: '未能对应到2022年版大典的职业，需人工处理' },
};

export default function StandardsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const canEdit = can('dictionary.edit');
  const [form] = Form.useForm();
  const list = usePagedList('/api/dict/standards');
  const [editing, setEditing] = useState<SkillStandard | null>(null);

  const columns: ColumnsType<SkillStandard> = [
    { title: '标准名称', dataIndex: 'name', fixed: 'left' },
    { title: '版本', dataIndex: 'year', render: (y: number) => `${y}年版` },
    {
      title: '标准中的职业代码',
      dataIndex: 'occupationCode',
      render: (v: string, s) => (s.codeEdition ? `${v}（${s.codeEdition}版大典）` : v),
    },
    {
      title: '对应职业（2022年版）',
      key: 'mapped',
      render: (_, s) => {
        const m = MAPPING[s.mappingStatus];
        return (
          <Space size={4} wrap>
            {s.mappedOccupationCode ? codedOccupation(s.mappedOccupationCode, s.mappedOccupationName) : '—'}
            <Tooltip title={m?.tip}>
              <Tag color={m?.color}>{m?.label ?? s.mappingStatus}</Tag>
            </Tooltip>
          </Space>
        );
      },
    },
    {
      title: '等级',
      key: 'levels',
      render: (_, s) =>
        s.levelsStatus === 'recorded' ? (
          <Space size={2} wrap>
            {s.levels.map((l) => (
              <Tag key={l}>{levelText(l)}</Tag>
            ))}
          </Space>
        ) : (
          <Tooltip title="等级尚未按标准文本录入，暂按五级至一级处理">
            <Tag color="orange">待核对</Tag>
          </Tooltip>
        ),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, s: SkillStandard) => (
              <Button type="link" size="small" onClick={() => setEditing(s)}>
                核对
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="国家职业技能标准"
        description="申报的职业须有国家职业技能标准，申报等级须在标准设置的等级之内（规则R4）。"
        extra={canEdit && <StandardImportButtons onImported={list.reload} />}
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder="标准名称或职业代码" allowClear />
        </Form.Item>
        <Form.Item name="levelsStatus" label="等级">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 110 }}
            options={[
              { value: 'recorded', label: '已录入' },
              { value: 'pending', label: '待核对' },
            ]}
          />
        </Form.Item>
        <Form.Item name="mappingStatus" label="对应情况">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 130 }}
            options={Object.entries(MAPPING).map(([value, m]) => ({ value, label: m.label }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<SkillStandard>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={
          canEdit
            ? '没有符合条件的标准。可调整查询条件，或下载模板后通过“导入 Excel”补充'
            : '没有符合条件的标准，请调整查询条件'
        }
      />
      <StandardEditor
        standard={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          void message.success('已保存');
          list.reload();
        }}
      />
    </>
  );
}
