/** 申报范围 (read-only): occupation, 工种, mode, levels, industry link, shortage counts per item. */
import { Space, Table, Tag, Typography } from 'antd';
import { scopeItemVerdictLabel } from '@skillcert/domain';
import type { ScopeItem } from '../../api/filing-types';
import type { ChainItem as Chain } from '@skillcert/contracts';
import { ShortageTag } from './ShortageTag';

export function ScopeTable({ items, chains }: { items: ScopeItem[]; chains: Chain[] }) {
  const chainName = (id: number) => chains.find((c) => c.id === id)?.name ?? `产业链${id}`;
  return (
    <Table<ScopeItem>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      locale={{ emptyText: '未填写申报职业（工种）' }}
      columns={[
        { title: '#', key: 'i', render: (_, __, i) => i + 1 },
        {
          title: '职业（工种）',
          key: 'occupation',
          render: (_, s) => (
            <>
              <Typography.Text strong>{s.occupationName ?? '未知职业'}</Typography.Text>{' '}
              <Typography.Text type="secondary">{s.occupationCode}</Typography.Text>
              {s.jobName && <div>工种：{s.jobName}</div>}
            </>
          ),
        },
        { title: '评价方式', dataIndex: 'modeLabel' },
        {
          title: '等级',
          key: 'levels',
          render: (_, s) => (
            <Space size={2} wrap>
              {s.levelLabels.map((l) => (
                <Tag key={l}>{l}</Tag>
              ))}
            </Space>
          ),
        },
        {
          title: '服务产业',
          key: 'industry',
          render: (_, s) => (
            <>
              {s.chainIds.map((id) => (
                <Tag key={id} color="blue">
                  {chainName(id)}
                </Tag>
              ))}
              {s.localIndustry && <div>地方特色产业：{s.localIndustry}</div>}
            </>
          ),
        },
        {
          title: '当地备案情况',
          key: 'shortage',
          render: (_, s) => (
            <ShortageTag
              city={s.filedInCity}
              province={s.filedInProvince}
              verdict={s.shortage.verdict}
              message={s.shortage.message}
            />
          ),
        },
        {
          title: '审核结论',
          key: 'verdict',
          render: (_, s) =>
            s.verdict
              ? `${scopeItemVerdictLabel(s.verdict)}${s.verdictReason ? `：${s.verdictReason}` : ''}`
              : '—',
        },
      ]}
    />
  );
}
