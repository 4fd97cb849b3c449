/**
 * One drawn target's joint result on the province centre's draw page (通知§五(三)): the on-site draft,
 * the panel's signatures and dissents with their reasons, who has not signed yet, the decision; a
 * disputed result offers 裁决 (POST /api/spot-checks/:id/targets/:applicationId/decision {outcome,
 * reason, version}) when the server lists `decide` among the allowed actions.
 */
import { Button, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { formatSize } from '../applications/Sha';
import type { DrawDetail, DrawTarget } from './types';
import { decisionText, JointSignatures } from './JointSignatures';

export function SpotCheckResultView({
  drawId,
  target,
  onDecided,
}: {
  drawId: string;
  target: DrawTarget;
  onDecided(d: DrawDetail): void;
}) {
  const [deciding, setDeciding] = useState(false);
  const r = target.result;
  if (!r) return <Typography.Text type="secondary">尚未起草复核结果</Typography.Text>;
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'outcome',
            label: '复核结论',
            children: (
              <Space wrap>
                <Tag color={r.effective ? 'green' : 'orange'}>{r.statusLabel}</Tag>
                <Tag color={r.outcome === 'pass' ? 'green' : 'red'}>{r.outcomeLabel}</Tag>
                <Typography.Text type="secondary">
                  起草：{formatDateTime(r.createdAt)} · {r.recordedByName}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'visit', label: '实地复核', children: `${r.visitDate ?? '—'} · ${r.place ?? '—'}` },
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
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {r.items.map((i) => (
                  <li key={i.scopeItemId}>
                    {i.occupationText}：
                    <Tag color={i.verdict === 'pass' ? 'green' : 'red'}>{i.verdictLabel}</Tag>
                    {i.reason}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'files',
            label: '现场证据',
            children:
              r.attachments.length === 0 ? (
                '无'
              ) : (
                <Space wrap>
                  {r.attachments.map((f) => (
                    <a
                      key={f.id}
                      onClick={() =>
                        void api
                          .download(`/api/spot-checks/${drawId}/attachments/${f.id}`, f.originalName)
                          .catch(() => undefined)
                      }
                    >
                      {f.originalName}（{formatSize(f.sizeBytes)}）
                    </a>
                  ))}
                </Space>
              ),
          },
          {
            key: 'signatures',
            label: '会签',
            children: <JointSignatures result={r} />,
          },
          ...(r.decision
            ? [
                {
                  key: 'decision',
                  label: '裁决',
                  children: decisionText(r.decision),
                },
              ]
            : []),
        ]}
      />
      {r.allowedActions.includes('decide') && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => setDeciding(true)}>
          裁决
        </Button>
      )}
      <FormModal<{ outcome: 'pass' | 'fail'; reason: string }>
        open={deciding}
        title={`裁决有异议的复核结果：${target.applicationNumber}`}
        okText="提交裁决"
        initialValues={{ outcome: r.outcome }}
        onClose={() => setDeciding(false)}
        onSubmit={(v) =>
          api
            .post('/api/spot-checks/:id/targets/:applicationId/decision', {
              params: { id: drawId, applicationId: target.applicationId },
              body: {
                outcome: v.outcome,
                reason: v.reason.trim(),
                version: r.version,
              },
            })
            .then(onDecided)
        }
      >
        <Form.Item name="outcome" label="裁决结论" rules={[{ required: true, message: '请选择裁决结论' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'pass', label: '复核通过' },
              { value: 'fail', label: '复核不通过' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="裁决理由"
          rules={[{ required: true, whitespace: true, message: '请填写裁决理由' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
