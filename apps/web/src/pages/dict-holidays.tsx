/** 节假日与调休: GET /api/dict/holidays?year= as a table and a calendar; sys_admin enters a year. */
import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Calendar,
  Empty,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { HolidayDay, HolidayYear } from '@skillcert/contracts';
import { useCan } from '../auth/session';
import { weekdayOf, calendarDateOf } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { HolidayEditor } from './dict/HolidayEditor';

const thisYear = dayjs().year();
const YEARS = Array.from({ length: thisYear + 3 - 2020 }, (_, i) => 2020 + i);

export default function HolidaysPage() {
  const can = useCan();
  const canEdit = can('dictionary.edit');
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<HolidayYear | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [month, setMonth] = useState<Dayjs>(dayjs(`${thisYear}-01-01`));

  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true; // a slower answer for a previous year must not overwrite this one
    setLoading(true);
    api
      .get('/api/dict/holidays', { query: { year } })
      .then(
        (d) => live && setData(d),
        () => live && setData(null),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [year, tick]);
  useEffect(() => setMonth(dayjs(`${year}-${year === thisYear ? dayjs().format('MM') : '01'}-01`)), [year]);

  const byDate = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const missing = data !== null && (!data.published || data.days.length === 0);

  return (
    <>
      <PageHeader
        title="节假日与调休"
        description="计算办理时限与公示期（工作日）所依据的全国节假日和调休安排。"
        extra={
          <Space>
            <Select
              value={year}
              onChange={setYear}
              aria-label="年份"
              style={{ width: 110 }}
              options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            />
            {canEdit && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                disabled={!data && !missing}
              >
                {missing ? `录入${year}年安排` : '修改'}
              </Button>
            )}
          </Space>
        }
      />
      {loading && <Skeleton active />}
      {!loading && missing && (
        <Empty
          description={
            <Space orientation="vertical">
              <Typography.Text strong>{year}年节假日安排：未录入</Typography.Text>
              <Typography.Text type="secondary">
                未录入的年份按周末计算的截止日期标为“暂定”，公示期无法计算。
                {canEdit
                  ? '国务院办公厅公布安排后，请点击右上角录入。'
                  : '请待系统管理员按国务院办公厅通知录入。'}
              </Typography.Text>
            </Space>
          }
        />
      )}
      {!loading && data && !missing && (
        <>
          {data.source && (
            <Alert type="info" showIcon title={`依据：${data.source}`} style={{ marginBottom: 12 }} />
          )}
          <Tabs
            items={[
              {
                key: 'table',
                label: '列表',
                children: (
                  <Table<HolidayDay>
                    rowKey="date"
                    size="small"
                    dataSource={data.days}
                    pagination={false}
                    columns={[
                      { title: '日期', dataIndex: 'date', render: (d: string) => `${d}（${weekdayOf(d)}）` },
                      { title: '节日', dataIndex: 'name' },
                      {
                        title: '安排',
                        dataIndex: 'isOffDay',
                        render: (off: boolean) =>
                          off ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>,
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'calendar',
                label: '日历',
                children: (
                  <Calendar
                    value={month}
                    onPanelChange={(d) => setMonth(d)}
                    onSelect={(d) => setMonth(d)}
                    validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
                    cellRender={(d, info) => {
                      if (info.type !== 'date') return info.originNode;
                      const h = byDate.get(calendarDateOf(d));
                      if (!h) return null;
                      return (
                        <Badge
                          status={h.isOffDay ? 'error' : 'processing'}
                          text={`${h.name}${h.isOffDay ? '·休' : '·班'}`}
                        />
                      );
                    }}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      {canEdit && (
        <HolidayEditor
          year={year}
          open={editing}
          days={data?.days ?? []}
          source={data?.source}
          onClose={() => setEditing(false)}
          onDone={reload}
        />
      )}
    </>
  );
}
