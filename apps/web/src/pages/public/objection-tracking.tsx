/**
 * 异议办理查询 (public, no login): enter the receipt number (回执号) → GET /api/public/objections/:receipt —
 * the status and, once answered, the reply. Nothing about the objector is shown (or sent).
 */
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ObjectionTrackingDto } from '@skillcert/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { OBJECTION_STATUS_COLOR } from './notice-parts';

export default function ObjectionTrackingPage() {
  const [params, setParams] = useSearchParams();
  const receipt = params.get('receipt') ?? '';
  const [form] = Form.useForm<{ receipt: string }>();
  const [answer, setAnswer] = useState<ObjectionTrackingDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = useCallback(async (value: string) => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(
        await api.get(
          '/api/public/objections/:receiptNumber',
          { params: { receiptNumber: value.trim() } },
          { silent: true, noAuthRedirect: true },
        ),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '查询失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    form.setFieldValue('receipt', receipt);
    if (receipt) void lookup(receipt);
  }, [form, lookup, receipt]);

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        异议办理查询
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        输入提交异议时获得的回执号（以 YY 开头的18位编号），查询办理状态和答复。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => setParams({ receipt: v.receipt.trim().toUpperCase() })}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="receipt"
          label="回执号"
          rules={[{ required: true, whitespace: true, message: '请输入回执号' }]}
        >
          <Input
            maxLength={30}
            style={{ width: 260 }}
            placeholder="例如 YY20261126ABCD1234"
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            查询
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
      {answer && (
        <div style={{ marginTop: 24 }} aria-live="polite">
          <Descriptions
            bordered
            size="middle"
            column={1}
            items={[
              { key: 'receipt', label: '回执号', children: answer.receiptNumber },
              {
                key: 'status',
                label: '办理状态',
                children: <Tag color={OBJECTION_STATUS_COLOR[answer.status]}>{answer.statusLabel}</Tag>,
              },
              {
                key: 'notice',
                label: '所涉公示',
                children: (
                  <Link to={`/public/notices/${answer.noticeId}`}>
                    {answer.noticeNumber} {answer.noticeTitle}
                  </Link>
                ),
              },
              { key: 'org', label: '异议对象', children: `${answer.organizationName} — ${answer.subject}` },
              { key: 'submitted', label: '提交时间', children: formatDateTime(answer.submittedAt) },
              ...(answer.status === 'open'
                ? [{ key: 'wait', label: '答复', children: '正在核查处理，请耐心等待' }]
                : [
                    { key: 'answered', label: '答复时间', children: formatDateTime(answer.answeredAt) },
                    {
                      key: 'reply',
                      label: '答复意见',
                      children: (
                        <Typography.Paragraph style={{ margin: 0 }}>{answer.reply}</Typography.Paragraph>
                      ),
                    },
                  ]),
            ]}
          />
        </div>
      )}
    </Card>
  );
}
