/**
 * ⑤ 承诺提交: the commitment (通知第二条第四款), the signer's name and the checkbox; POST
 * /api/applications/:id/submit {version, signerName, commitmentAccepted, acknowledgedWarnings}. The server
 * re-runs the pre-check: PRECHECK_FAILED / WARNINGS_NOT_ACKNOWLEDGED send the applicant back to step ④.
 */
import { App, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client';
import type { ApplicationDetail, SubmitAnswer } from '../../../api/filing-types';
import type { Draft } from './useDraft';

const COMMITMENTS = [
  '本单位开展职业技能等级认定不以营利为目的，收费严格执行有关规定；',
  '自觉接受人力资源社会保障部门及社会各界的监督管理，配合抽查复核、督导检查；',
  '所填报的信息和提交的备案材料真实、准确、完整，如有虚假，愿承担相应责任。',
];

export function CommitStep({
  detail,
  draft,
  acknowledgedWarnings,
  onSubmitted,
  onBackToPrecheck,
}: {
  detail: ApplicationDetail;
  draft: Draft;
  acknowledgedWarnings: string[];
  onSubmitted(a: SubmitAnswer): void;
  onBackToPrecheck(): void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ signerName: string; accepted: boolean }>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ signerName }: { signerName: string }) => {
    setBusy(true);
    try {
      const a = await api.post(
        '/api/applications/:id/submit',
        {
          params: { id: detail.id },
          body: {
            version: detail.version,
            signerName: signerName.trim(),
            commitmentAccepted: true,
            acknowledgedWarnings,
          },
        },
        { silent: true },
      );
      onSubmitted(a);
    } catch (e) {
      if (e instanceof ApiError && ['PRECHECK_FAILED', 'WARNINGS_NOT_ACKNOWLEDGED'].includes(e.code)) {
        modal.error({
          title: e.message,
          content: (
            <ul style={{ paddingLeft: 18 }}>
              {(e.details ?? []).map((d, i) => (
                <li key={i}>{d.message}</li>
              ))}
            </ul>
          ),
          okText: '返回预检',
          onOk: onBackToPrecheck,
        });
      } else if (e instanceof ApiError && e.code === 'ROUND_WINDOW_CLOSED') {
        modal.error({ title: '无法提交', content: e.message, okText: '知道了' });
      } else draft.fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="申报承诺" style={{ maxWidth: 760 }}>
      <Typography.Paragraph>本单位郑重承诺：</Typography.Paragraph>
      <ol>
        {COMMITMENTS.map((c) => (
          <li key={c}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{c}</Typography.Paragraph>
          </li>
        ))}
      </ol>
      <Form form={form} name="commit" layout="vertical" onFinish={submit}>
        <Form.Item
          name="signerName"
          label="承诺人（单位负责人或经办人）姓名"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写承诺人姓名（至少2个字）' }]}
        >
          <Input maxLength={40} style={{ maxWidth: 280 }} />
        </Form.Item>
        <Form.Item
          name="accepted"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error('须勾选并同意承诺事项')),
            },
          ]}
        >
          <Checkbox>我已阅读并同意以上承诺，确认提交</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交申请
        </Button>
      </Form>
    </Card>
  );
}
