/** 行政区划: GET /api/public/divisions — 14 市州 and their 区县, filterable by name or code. */
import { Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { CityWithCounties as City } from '@skillcert/contracts';
import { useDivisions } from '../components/divisions';
import { PageHeader } from '../components/PageHeader';

export default function DivisionsPage() {
  const { cities, loading } = useDivisions();
  const [q, setQ] = useState('');
  const filtered = useMemo(() => {
    const k = q.trim();
    if (!k) return cities;
    return cities
      .map((c) =>
        c.name.includes(k) || c.code.startsWith(k)
          ? c
          : { ...c, counties: c.counties.filter((x) => x.name.includes(k) || x.code.startsWith(k)) },
      )
      .filter((c) => c.counties.length > 0 || c.name.includes(k));
  }, [cities, q]);

  return (
    <>
      <PageHeader
        title="行政区划"
        description="湖南省市州与区县（GB/T 2260 代码），用于单位注册地与市州数据范围。"
      />
      <Input.Search
        placeholder="市州或区县名称、代码"
        allowClear
        style={{ maxWidth: 360, marginBottom: 16 }}
        onSearch={setQ}
        onChange={(e) => !e.target.value && setQ('')}
        aria-label="搜索行政区划"
      />
      <Table<City>
        rowKey="code"
        loading={loading}
        dataSource={filtered}
        pagination={false}
        size="middle"
        locale={{
          emptyText: q ? '没有匹配的市州或区县，请换个关键字' : '行政区划数据尚未导入，请联系系统管理员',
        }}
        expandable={{
          expandedRowKeys: q ? filtered.map((c) => c.code) : undefined,
          expandedRowRender: (c) => (
            <Table<City['counties'][number]>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={c.counties}
              columns={[
                { title: '区县代码', dataIndex: 'code', width: 140 },
                { title: '区县名称', dataIndex: 'name' },
              ]}
            />
          ),
        }}
        columns={[
          { title: '市州代码', dataIndex: 'code', width: 140 },
          { title: '市州名称', dataIndex: 'name' },
          { title: '区县数', key: 'n', render: (_, c) => <Tag>{c.counties.length}</Tag> },
        ]}
      />
    </>
  );
}
