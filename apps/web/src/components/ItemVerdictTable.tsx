/**
 * The per-item verdict table inside a form: one row per declared occupation, a verdict for each, and a
 * reason that becomes required when the verdict is the negative one. The expert's review, the city
 * bureau's opinion, the province's review and the on-site spot check all decide item by item this way.
 * Form fields: `items.<id>.<field>` and `items.<id>.reason`.
 */
import { Form, Input, Radio, Table } from 'antd';
import type { ReactNode } from 'react';

export interface ItemVerdictTableProps<T extends { id: string }, V extends string | boolean> {
  items: T[];
  /** The first column: which item this is. */
  itemTitle: string;
  itemText(item: NoInfer<T>): ReactNode;
  /** The form field holding the verdict, e.g. 'verdict' or 'recommend'. */
  field: string;
  verdictTitle: string;
  verdictWidth?: number;
  options: { value: V; label: string }[];
  /** The verdict that needs a reason. */
  negative: V;
  reasonTitle: string;
  /** Shown when the negative verdict has no reason. */
  reasonRequired: string;
  /** Accessible names: per item where the rows are told apart by name, else one label. */
  verdictLabel?(item: NoInfer<T>): string;
  reasonLabel(item: NoInfer<T>): string;
  reasonPlaceholder?: string;
  marginBottom: number;
}

export function ItemVerdictTable<T extends { id: string }, V extends string | boolean>(
  props: ItemVerdictTableProps<T, V>,
) {
  const { field, negative } = props;
  return (
    <Table<T>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.items}
      style={{ marginBottom: props.marginBottom }}
      columns={[
        { title: props.itemTitle, key: 'item', render: (_, s) => props.itemText(s) },
        {
          title: props.verdictTitle,
          key: 'verdict',
          width: props.verdictWidth,
          render: (_, s) => (
            <Form.Item name={['items', s.id, field]} noStyle>
              <Radio.Group aria-label={props.verdictLabel?.(s)} options={props.options} />
            </Form.Item>
          ),
        },
        {
          title: props.reasonTitle,
          key: 'reason',
          render: (_, s) => (
            <Form.Item
              name={['items', s.id, 'reason']}
              dependencies={[['items', s.id, field]]}
              style={{ margin: 0 }}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value?: string) =>
                    getFieldValue(['items', s.id, field]) === negative && !value?.trim()
                      ? Promise.reject(new Error(props.reasonRequired))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input
                maxLength={1000}
                placeholder={props.reasonPlaceholder}
                aria-label={props.reasonLabel(s)}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
