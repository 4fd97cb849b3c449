/**
 * Pieces of a 公示 shown both to the public and to staff: the window (start, end at 23:59:59 Beijing time,
 * 暂定 and 公示期顺延 with their reasons, the explanation and every skipped day), the countdown, and the list of items (a table on a wide screen,
 * cards on a phone).
 */
import { Alert, Card, Descriptions, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { NoticeItemDto, NoticeWindowDto } from '@skillcert/contracts';
import { formatDateLong, weekdayOf } from '../../components/format';
import { occupationWithJob } from '../../components/occupation-label';

export const PHASE_COLOR: Record<string, string> = { upcoming: 'gold', open: 'blue', closed: 'default' };
export const NOTICE_STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  published: 'blue',
  passed: 'green',
};
export const OBJECTION_STATUS_COLOR: Record<string, string> = {
  open: 'orange',
  upheld: 'red',
  dismissed: 'green',
};

const dayText = (date: string) => `${formatDateLong(date)}（${weekdayOf(date)}）`;

/** The notice period with the explanation of every day that does not count. */
export function NoticeWindow({ window }: { window: NoticeWindowDto }) {
  const extensions = window.revisions.filter((r) => r.kind === 'extended');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {extensions.map((r) => (
        <Alert key={r.at} type="warning" showIcon title={r.kindLabel} description={r.reason} />
      ))}
      {window.provisional && (
        <Alert type="info" showIcon title="截止日期为暂定" description={window.provisionalReason} />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 3 }}
        items={[
          { key: 'start', label: '开始', children: `${dayText(window.startDate)} 0:00` },
          {
            key: 'end',
            label: '截止',
            children: (
              <Space size={4} wrap>
                <Typography.Text strong>{`${dayText(window.endDate)} 23:59:59`}</Typography.Text>
                {window.provisional && <Tag color="gold">暂定</Tag>}
                {extensions.length > 0 && <Tag color="orange">公示期顺延</Tag>}
              </Space>
            ),
          },
          { key: 'days', label: '公示期', children: `${window.workingDays} 个工作日（北京时间）` },
        ]}
      />
      <Typography.Paragraph style={{ margin: 0 }}>{window.explanation}</Typography.Paragraph>
      {(window.skipped.length > 0 || window.adjusted.length > 0) && (
        <Table
          size="small"
          rowKey="date"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[
            ...window.skipped.map((d) => ({ ...d, counted: false })),
            ...window.adjusted.map((d) => ({ ...d, counted: true })),
          ].sort((a, b) => a.date.localeCompare(b.date))}
          columns={[
            { title: '日期', dataIndex: 'date', render: (d: string) => dayText(d) },
            { title: '说明', dataIndex: 'reason' },
            {
              title: '是否计入',
              dataIndex: 'counted',
              render: (c: boolean) => (c ? <Tag color="blue">计入（调休上班）</Tag> : <Tag>不计入</Tag>),
            },
          ]}
        />
      )}
    </Space>
  );
}

function split(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return {
    d: Math.floor(s / 86400),
    h: Math.floor((s % 86400) / 3600),
    m: Math.floor((s % 3600) / 60),
    s: s % 60,
  };
}

/** 距公示结束: counts down from the server's figure (the browser's clock only measures the elapsed time). */
export function Countdown({
  msRemaining,
  prefix = '距公示结束还有',
}: {
  msRemaining: number;
  prefix?: string;
}) {
  const [deadline] = useState(() => Date.now() + msRemaining);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = deadline - now;
  if (left <= 0) return <Typography.Text type="secondary">公示期已满</Typography.Text>;
  const { d, h, m, s } = split(left);
  return (
    <Typography.Text strong aria-live="off">
      {prefix} {d} 天 {h} 小时 {m} 分 {s} 秒
    </Typography.Text>
  );
}

/** The listed items: organization, credit code, city, occupation, levels, mode (and status). */
export function NoticeItems({
  items,
  action,
}: {
  items: NoticeItemDto[];
  /** An extra cell per item (e.g. 对此提出异议 on the public page, 移出 for staff). */
  action?: (item: NoticeItemDto) => ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  if (items.length === 0) return <Empty description="名单为空" />;
  if (!screens.md) {
    return (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((i, n) => (
          <Card key={i.id} size="small" title={`${n + 1}. ${i.organizationName}`} extra={action?.(i)}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'code', label: '统一社会信用代码', children: i.creditCode },
                { key: 'city', label: '市州', children: i.cityName ?? i.cityCode },
                {
                  key: 'occ',
                  label: '职业（工种）',
                  children: `${occupationWithJob(i)} ${i.occupationCode}`,
                },
                { key: 'levels', label: '等级', children: i.levelsLabel },
                { key: 'mode', label: '评价方式', children: i.modeLabel },
                ...(i.status !== 'listed'
                  ? [{ key: 'status', label: '状态', children: <Tag color="red">{i.statusLabel}</Tag> }]
                  : []),
              ]}
            />
          </Card>
        ))}
      </Space>
    );
  }
  return (
    <Table<NoticeItemDto>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 条` } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '序号', key: 'n', render: (_v, _i, n) => n + 1, width: 60 },
        { title: '单位名称', dataIndex: 'organizationName' },
        { title: '统一社会信用代码', dataIndex: 'creditCode' },
        { title: '市州', dataIndex: 'cityName', render: (v: string | null, i) => v ?? i.cityCode },
        {
          title: '职业（工种）',
          key: 'occ',
          render: (_v, i) => (
            <span>
              {occupationWithJob(i)}
              <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
                {i.occupationCode}
              </Typography.Text>
            </span>
          ),
        },
        { title: '等级', dataIndex: 'levelsLabel' },
        { title: '评价方式', dataIndex: 'modeLabel' },
        {
          title: '状态',
          dataIndex: 'statusLabel',
          render: (v: string, i) => <Tag color={i.status === 'listed' ? 'blue' : 'red'}>{v}</Tag>,
        },
        ...(action
          ? [{ title: '操作', key: 'action', render: (_v: unknown, i: NoticeItemDto) => action(i) }]
          : []),
      ]}
    />
  );
}
