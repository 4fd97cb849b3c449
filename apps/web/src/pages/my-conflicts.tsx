/** 回避声明 (expert): POST /api/my/conflicts {creditCode, reason} — later draws recuse me for that unit. */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { PageHeader } from '../components/PageHeader';

export default function MyConflictsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ creditCode: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { creditCode: string; reason: string }) => {
    setBusy(true);
    try {
      await api.post('/api/my/conflicts', {
        body: {
          creditCode: v.creditCode.trim().toUpperCase(),
          reason: v.reason.trim(),
        },
      });
      void message.success('回避声明已登记，今后抽取该单位的评审时将自动回避');
      form.resetFields();
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title="回避声明"
        description="与申报单位存在利益关系（任职、亲属、合作等）的，请主动申报回避。"
      />
      <Card style={{ maxWidth: 640 }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记后，市州人社局抽取评审专家时系统会自动将您列入该单位的回避名单，并记录回避原因。"
        />
        <Form form={form} name="conflict" layout="vertical" onFinish={(v) => void submit(v)}>
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
            rules={[{ required: true, whitespace: true, message: '请填写回避原因' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交回避声明
          </Button>
        </Form>
      </Card>
    </>
  );
}
