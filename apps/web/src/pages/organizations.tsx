/** 申报单位管理: GET /api/organizations (status/q/cityCode), detail drawer, 激活 from the row's abilities. */
import { Button, Form, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { CITY_ROLES } from '@skillcert/domain/roles';
import type { OrganizationSummary as Organization } from '@skillcert/contracts';
import { useMe } from '../auth/session';
import { CitySelect } from '../components/divisions';
import { formatDate } from '../components/format';
import { ORG_KIND, ORG_STATUS } from '../components/labels';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { cleanQuery, SearchForm } from '../components/SearchForm';
import { usePagedList } from '../components/usePagedList';
import { OrganizationDrawer } from './orgs/OrganizationDrawer';

export default function OrganizationsPage() {
  const me = useMe();
  const cityStaff = CITY_ROLES.includes(me.role);
  const [form] = Form.useForm();
  const list = usePagedList('/api/organizations');
  const [openId, setOpenId] = useState<string | null>(null);
  const closeDrawer = useCallback(() => setOpenId(null), []);

  const columns: ColumnsType<Organization> = [
    {
      title: '单位名称',
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string, o) => <a onClick={() => setOpenId(o.id)}>{v}</a>,
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode' },
    { title: '类型', dataIndex: 'kindLabel', render: (v: string, o) => v || ORG_KIND[o.kind] },
    { title: '所在地区', key: 'area', render: (_, o) => `${o.cityName ?? ''} ${o.countyName ?? ''}` },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string, o) => (
        <Tag color={ORG_STATUS[s]?.color}>{o.statusLabel || ORG_STATUS[s]?.label || s}</Tag>
      ),
    },
    { title: '联系人', dataIndex: 'contactName' },
    { title: '联系电话', dataIndex: 'contactPhoneMasked' },
    { title: '注册日期', dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, o) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setOpenId(o.id)}>
            详情
          </Button>
          {o.abilities?.activate && (
            // Activation is decided in the drawer, next to the licence it rests on.
            <Button type="link" size="small" onClick={() => setOpenId(o.id)}>
              核实并激活
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="申报单位管理"
        description={
          cityStaff
            ? `${me.cityName ?? '本市州'}注册的申报单位；新注册的单位须核实后激活`
            : '全省注册的申报单位'
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="q" label="关键字">
          <Input placeholder="单位名称或信用代码" allowClear />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 120 }}
            options={Object.entries(ORG_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          />
        </Form.Item>
        {!cityStaff && (
          <Form.Item name="cityCode" label="市州">
            <CitySelect />
          </Form.Item>
        )}
      </SearchForm>
      <ListTable<Organization>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText="没有符合条件的申报单位。单位通过“申报单位注册”页面自行注册后会出现在这里"
      />
      <OrganizationDrawer id={openId} onClose={closeDrawer} onChanged={list.reload} />
    </>
  );
}
