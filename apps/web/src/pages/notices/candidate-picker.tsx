/**
 * Choosing 已通过 applications for a notice: GET /api/notices/candidates?roundId — each with its number of
 * continuing items; one already in another draft notice is shown but cannot be chosen.
 */
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { NoticeCandidateDto } from '@skillcert/contracts';
import { api } from '../../api/client';
import { useRounds } from '../../api/useRounds';

export function CandidatePicker({
  value,
  onChange,
  roundId,
  onRoundChange,
  exclude = [],
}: {
  value: string[];
  onChange(ids: string[]): void;
  roundId?: string | undefined;
  onRoundChange?: (roundId: string | undefined) => void;
  /** Applications already in this notice. */
  exclude?: string[];
}) {
  const rounds = useRounds();
  const [items, setItems] = useState<NoticeCandidateDto[] | null>(null);

  const excluded = exclude.join(',');
  useEffect(() => {
    setItems(null);
    api.get('/api/notices/candidates', { query: { roundId } }).then(
      (d) => setItems(d.items.filter((i) => !excluded.split(',').includes(i.id))),
      () => setItems([]),
    );
  }, [roundId, excluded]);

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {onRoundChange && (
        <Select
          allowClear
          style={{ minWidth: 320 }}
          placeholder="全部征集批次"
          value={roundId}
          onChange={onRoundChange}
          options={rounds.map((r) => ({ value: r.id, label: r.title }))}
          aria-label="征集批次"
        />
      )}
      <Table<NoticeCandidateDto>
        size="small"
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 份` }}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: value,
          onChange: (keys) => onChange(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: r.draftNoticeNumber !== null }),
        }}
        locale={{ emptyText: '没有可列入公示的"已通过"申请' }}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'number',
            render: (v: string, r) => (
              <Link to={`/applications/${r.id}`} target="_blank">
                {v}
              </Link>
            ),
          },
          { title: '申报单位', dataIndex: 'organizationName' },
          { title: '市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
          { title: '公示职业（工种）', dataIndex: 'itemCount', render: (n: number) => `${n} 项` },
          { title: '征集批次', dataIndex: 'roundTitle' },
          {
            title: '说明',
            dataIndex: 'draftNoticeNumber',
            render: (v: string | null) =>
              v ? (
                <Tag color="orange">已列入公示草稿 {v}</Tag>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </Space>
  );
}
