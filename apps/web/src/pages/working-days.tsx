/** 工作日计算器 (public): GET /api/public/working-days — end date and why each skipped day was skipped. */
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { WorkingDaysResponse as WorkingDaysAnswer } from '@skillcert/contracts';
import { formatDateLong, todayInShanghai, weekdayOf, calendarDateOf } from '../components/format';

export default function WorkingDaysPage() {
  const [answer, setAnswer] = useState<WorkingDaysAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { start: Dayjs; days: number }) => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(
        await api.get(
          '/api/public/working-days',
          { query: { start: calendarDateOf(v.start), days: v.days } },
          { silent: true, noAuthRedirect: true },
        ),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '计算失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Typography.Title level={3}>工作日计算器</Typography.Title>
      <Typography.Paragraph type="secondary">
        按国务院办公厅公布的节假日与调休安排计算：输入起始日期和工作日天数，得到截止日期，并列出跳过的周末、节假日。
        起始日为工作日时计入第1天。
      </Typography.Paragraph>
      <Form
        layout="inline"
        onFinish={onFinish}
        initialValues={{ start: dayjs(todayInShanghai()), days: 5 }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="start" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
          <DatePicker format="YYYY-MM-DD" allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label="工作日天数" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
      {answer && (
        <div style={{ marginTop: 24 }} aria-live="polite">
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label="起始日期">
              {formatDateLong(answer.start)}（{weekdayOf(answer.start)}）
            </Descriptions.Item>
            <Descriptions.Item label="工作日天数">{answer.days} 个工作日</Descriptions.Item>
            <Descriptions.Item label="截止日期">
              <Typography.Text strong>
                {formatDateLong(answer.end)}（{weekdayOf(answer.end)}）
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                即 {answer.end} 23:59:59（北京时间）
              </Typography.Text>
              {answer.provisional && (
                <Tag color="gold" style={{ marginLeft: 12 }}>
                  暂定
                </Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          {answer.provisional && (
            <Alert
              type="info"
              showIcon
              title="截止日期为暂定"
              description={answer.provisionalReason}
              style={{ marginTop: 16 }}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            期间跳过的日期（{answer.skipped.length} 天）
          </Typography.Title>
          <Table
            size="small"
            rowKey="date"
            pagination={false}
            dataSource={answer.skipped}
            locale={{ emptyText: '期间没有跳过的日期：每一天都是工作日' }}
            columns={[
              { title: '日期', dataIndex: 'date', render: (d: string) => `${d}（${weekdayOf(d)}）` },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
