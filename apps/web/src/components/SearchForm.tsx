/** The search form above every list: fields, 查询, 重置, and page-level buttons on the right. */
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Space, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Query } from '../api/client';
import { calendarDateOf } from './format';

/** Trims strings and drops empty values, so the URL only carries real criteria. */
export function cleanQuery(values: Record<string, unknown>): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim()) out[k] = v.trim();
    } else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (dayjs.isDayjs(v)) out[k] = calendarDateOf(v);
  }
  return out;
}

export function SearchForm({
  form,
  onSearch,
  children,
  extra,
  label = '查询',
}: {
  form: FormInstance;
  onSearch(values: Record<string, unknown>): void;
  children: ReactNode;
  extra?: ReactNode;
  label?: string;
}) {
  return (
    <div
      className="search-form"
      style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}
    >
      <Form form={form} name="search" layout="inline" onFinish={onSearch} role="search">
        {children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {label}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onSearch(form.getFieldsValue());
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {extra && <Space wrap>{extra}</Space>}
    </div>
  );
}
