/**
 * 回避声明 — the form a pool member declares a conflict of interest on their own record with (every pool:
 * POST /api/my/conflicts for experts, /api/my/inspector-conflicts for inspectors). Later draws of the
 * pool recuse them from that unit; the page around it says how.
 */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { PostRoutes } from '../../api/routes';

export interface ConflictValues {
  creditCode: string;
  reason: string;
}

type OwnConflictRoute = '/api/my/conflicts' | '/api/my/inspector-conflicts';

export function OwnConflictForm<R extends OwnConflictRoute>({
  path,
  name,
  notice,
  done,
  disabled,
  onSaved,
}: {
  path: R;
  /** The form's name (prefixes its field ids). */
  name: string;
  notice: string;
  /** The message once the declaration is recorded. */
  done: string;
  disabled?: boolean;
  onSaved?(answer: PostRoutes[R]): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ConflictValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: ConflictValues) => {
    setBusy(true);
    try {
      const answer = await api.post<OwnConflictRoute>(path, {
        body: { creditCode: v.creditCode.trim().toUpperCase(), reason: v.reason.trim() },
      });
      onSaved?.(answer as PostRoutes[R]);
      void message.success(done);
      form.resetFields();
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 640 }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={notice} />
      <Form form={form} name={name} layout="vertical" onFinish={(v) => void submit(v)} disabled={disabled}>
        <Form.Item
          name="creditCode"
          label="单位统一社会信用代码"
          rules={[{ required: true, len: 18, whitespace: true, message: '请填写18位统一社会信用代码' }]}
        >
          <Input maxLength={18} style={{ maxWidth: 280 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="回避原因"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写回避原因' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交回避声明
        </Button>
      </Form>
    </Card>
  );
}
