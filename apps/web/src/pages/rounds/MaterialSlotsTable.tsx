/** Editable table of a round's material slots (R9): key, label, required, org kinds, file types, max size. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { FILE_KINDS } from '@skillcert/contracts';
import { ORG_KIND } from '../../components/labels';

const KIND_OPTIONS = Object.entries(ORG_KIND).map(([value, label]) => ({ value, label }));
const FILE_OPTIONS = FILE_KINDS.map((k) => ({ value: k, label: k.toUpperCase() }));

export function MaterialSlotsTable({ disabled }: { disabled?: boolean }) {
  return (
    <Form.List name="materialSlots">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={fields}
            columns={[
              {
                title: '编码',
                key: 'code',
                render: (_, f) => (
                  <Form.Item
                    name={[f.name, 'key']}
                    noStyle
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,40}$/ }]}
                  >
                    <Input style={{ width: 150 }} aria-label="材料项编码" />
                  </Form.Item>
                ),
              },
              {
                title: '名称',
                key: 'label',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'label']} noStyle rules={[{ required: true, min: 2 }]}>
                    <Input style={{ width: 220 }} aria-label="材料项名称" />
                  </Form.Item>
                ),
              },
              {
                title: '必需',
                key: 'required',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'required']} noStyle valuePropName="checked">
                    <Switch size="small" aria-label="必需" />
                  </Form.Item>
                ),
              },
              {
                title: '适用单位',
                key: 'kinds',
                render: (_, f) => (
                  <Form.Item
                    name={[f.name, 'kinds']}
                    noStyle
                    rules={[{ required: true, type: 'array', min: 1 }]}
                  >
                    <Select
                      mode="multiple"
                      options={KIND_OPTIONS}
                      style={{ width: 220 }}
                      aria-label="适用单位"
                    />
                  </Form.Item>
                ),
              },
              {
                title: '文件类型',
                key: 'accept',
                render: (_, f) => (
                  <Form.Item
                    name={[f.name, 'accept']}
                    noStyle
                    rules={[{ required: true, type: 'array', min: 1 }]}
                  >
                    <Select
                      mode="multiple"
                      options={FILE_OPTIONS}
                      style={{ width: 240 }}
                      aria-label="文件类型"
                    />
                  </Form.Item>
                ),
              },
              {
                title: '上限(MB)',
                key: 'maxMB',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'maxMB']} noStyle rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      max={1024}
                      precision={0}
                      style={{ width: 90 }}
                      aria-label="大小上限"
                    />
                  </Form.Item>
                ),
              },
              ...(disabled
                ? []
                : [
                    {
                      title: '',
                      key: 'remove',
                      render: (_: unknown, f: { name: number }) => (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label="删除材料项"
                          onClick={() => remove(f.name)}
                        />
                      ),
                    },
                  ]),
            ]}
          />
          {!disabled && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() =>
                add({
                  key: '',
                  label: '',
                  required: true,
                  kinds: ['enterprise', 'school', 'other'],
                  accept: ['pdf'],
                  maxMB: 20,
                })
              }
            >
              添加材料项
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
