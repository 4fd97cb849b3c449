/**
 * 审定发布 (province bureau, 通知第五条第四款): picks the start date, previews the computed end date with
 * every skipped day (GET /api/notices/:id/preview), and publishes (POST …/publish) after a confirmation.
 */
import { Alert, App, Button, Card, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { NoticeDetailDto, NoticeWindowDto } from '@skillcert/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateLong, todayInShanghai, calendarDateOf } from '../../components/format';
import { NoticeWindow } from '../public/notice-parts';

export function PublishCard({
  notice,
  onDone,
}: {
  notice: NoticeDetailDto;
  onDone(d: NoticeDetailDto): void;
}) {
  const { message, modal } = App.useApp();
  const [start, setStart] = useState<Dayjs | null>(null);
  const [preview, setPreview] = useState<NoticeWindowDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!start) return;
    let stale = false;
    api
      .get(
        '/api/notices/:id/preview',
        { params: { id: notice.id }, query: { startDate: calendarDateOf(start) } },
        { silent: true },
      )
      .then(
        (w) => !stale && setPreview(w),
        (e: unknown) => !stale && setError(e instanceof ApiError ? e.message : '试算失败，请稍后重试'),
      );
    return () => {
      stale = true;
    };
  }, [notice.id, start, notice.workingDays]);

  const publish = () =>
    preview &&
    modal.confirm({
      title: `发布公示 ${notice.number}？`,
      content: `公示期 ${formatDateLong(preview.startDate)} 0:00 至 ${formatDateLong(preview.endDate)} 23:59:59（${preview.workingDays}个工作日）。${preview.provisional ? `截止日期为暂定：${preview.provisionalReason}；该年安排录入后自动复核，只会顺延、不会缩短。` : ''}发布后名单对社会公开，${notice.applicationCount} 份申请进入“公示中”；发布不能撤回，名单不能再修改。`,
      okText: '确认发布',
      cancelText: '取消',
      onOk: async () => {
        const d = await api.post('/api/notices/:id/publish', {
          params: { id: notice.id },
          body: {
            version: notice.version,
            startDate: preview.startDate,
          },
        });
        void message.success(`公示 ${d.number} 已发布`);
        onDone(d);
      },
    });

  return (
    <Card size="small" title="审定发布">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>公示开始日期：</span>
        <DatePicker
          value={start}
          onChange={setStart}
          format="YYYY-MM-DD"
          disabledDate={(d) => d.isBefore(dayjs(todayInShanghai()), 'day')}
          aria-label="公示开始日期"
        />
        <Button type="primary" disabled={!preview} onClick={publish}>
          审定发布
        </Button>
      </Space>
      {!start && (
        <Alert
          type="info"
          showIcon
          title={`选择开始日期（不早于今天），系统按节假日与调休安排计算第${notice.workingDays}个工作日为截止日期`}
        />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {preview && <NoticeWindow window={preview} />}
    </Card>
  );
}
