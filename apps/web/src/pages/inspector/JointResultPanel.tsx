/**
 * A target's joint on-site result as a panel member sees it (通知§五(三)): the draft (visit date, place,
 * who was present, verdicts, evidence), who has signed (签字确认) or dissented (提出异议) and who has not
 * yet, the province centre's decision, and buttons for exactly the actions the server allows this member
 * (`result.allowedActions`): POST /api/my/spot-checks/:applicationId/result/{submit|sign|dissent}
 * {reason?, version}.
 */
import { App, Button, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import type { MySpotCheck } from '../province/types';
import { decisionText, JointSignatures } from '../province/JointSignatures';

type Result = NonNullable<MySpotCheck['result']>;

const STATUS_COLORS: Record<Result['status'], string> = {
  draft: 'default',
  signing: 'processing',
  agreed: 'green',
  disputed: 'orange',
  decided: 'purple',
};

function DissentModal({
  open,
  onCancel,
  onSend,
}: {
  open: boolean;
  onCancel(): void;
  onSend(reason: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title="提出异议"
      okText="提交异议"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy }}
      onCancel={onCancel}
      onOk={() =>
        form.validateFields().then(async (v) => {
          setBusy(true);
          try {
            await onSend(v.reason.trim());
          } finally {
            setBusy(false);
          }
        })
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        有异议的复核结果不生效，由省职业技能鉴定中心裁决。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="异议理由"
          rules={[{ required: true, whitespace: true, message: '请填写异议理由' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function JointResultPanel({ target, onChanged }: { target: MySpotCheck; onChanged(): void }) {
  const { message, modal } = App.useApp();
  const [dissenting, setDissenting] = useState(false);
  const r = target.result!;
  const step = async (action: 'submit' | 'sign' | 'dissent', done: string, reason?: string) => {
    try {
      await api.post('/api/my/spot-checks/:applicationId/result/:step', {
        params: { applicationId: target.applicationId, step: action },
        body: {
          version: r.version,
          ...(reason ? { reason } : {}),
        },
      });
      void message.success(done);
      onChanged();
    } catch {
      // shown by the API client
    }
  };
  const confirm = (action: 'submit' | 'sign', title: string, content: string, done: string) =>
    modal.confirm({ title, content, okText: '确认', cancelText: '取消', onOk: () => step(action, done) });

  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'status',
            label: '复核结果',
            children: (
              <Space wrap>
                <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                <Tag color={r.outcome === 'pass' ? 'green' : 'red'}>{r.outcomeLabel}</Tag>
                <Typography.Text type="secondary">
                  起草：{r.recordedByName} · {formatDateTime(r.createdAt)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'visit',
            label: '实地复核',
            children: `${r.visitDate ?? '—'} · ${r.place ?? '—'}`,
          },
          { key: 'present', label: '在场人员', children: r.present ?? '—' },
          ...(r.reason ? [{ key: 'reason', label: '理由', children: r.reason }] : []),
          {
            key: 'findings',
            label: '现场复核发现',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.findings}</span>,
          },
          {
            key: 'items',
            label: '逐项结论',
            children: r.items.map((i) => (
              <div key={i.scopeItemId}>
                {i.occupationText}：<Tag color={i.verdict === 'pass' ? 'green' : 'red'}>{i.verdictLabel}</Tag>
                {i.reason}
              </div>
            )),
          },
          {
            key: 'files',
            label: '现场证据',
            children: r.attachments.map((f) => (
              <div key={f.id}>
                <a
                  onClick={() =>
                    void api
                      .download(
                        `/api/my/spot-checks/${target.applicationId}/attachments/${f.id}`,
                        f.originalName,
                      )
                      .catch(() => undefined)
                  }
                >
                  {f.originalName}
                </a>
              </div>
            )),
          },
          {
            key: 'signatures',
            label: '会签',
            children: <JointSignatures result={r} withTimes />,
          },
          ...(r.decision
            ? [
                {
                  key: 'decision',
                  label: '省鉴定中心裁决',
                  children: decisionText(r.decision),
                },
              ]
            : []),
        ]}
      />
      {r.allowedActions.length > 0 && (
        <Space style={{ marginTop: 12 }}>
          {r.allowedActions.includes('submit') && (
            <Button
              type="primary"
              onClick={() =>
                confirm(
                  'submit',
                  '提交会签？',
                  '提交后内容锁定，由本组每位督导人员签字确认或提出异议。',
                  '已提交会签',
                )
              }
            >
              提交会签
            </Button>
          )}
          {r.allowedActions.includes('sign') && (
            <Button
              type="primary"
              onClick={() =>
                confirm(
                  'sign',
                  '签字确认复核结果？',
                  '本组全体督导人员签字确认后，复核结果生效。',
                  '已签字确认',
                )
              }
            >
              签字确认
            </Button>
          )}
          {r.allowedActions.includes('dissent') && (
            <Button danger onClick={() => setDissenting(true)}>
              提出异议
            </Button>
          )}
        </Space>
      )}
      <DissentModal
        open={dissenting}
        onCancel={() => setDissenting(false)}
        onSend={async (reason) => {
          await step('dissent', '已提出异议，等待省鉴定中心裁决', reason);
          setDissenting(false);
        }}
      />
    </>
  );
}
