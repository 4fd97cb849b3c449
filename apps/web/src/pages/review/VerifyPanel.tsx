/**
 * 材料核验 (city_center): each material slot's files (download) side by side with the checklist — 合格 /
 * 有问题 + comment. POST /api/applications/:id/verify {outcome, slotVerdicts, reason?, version}:
 * 核验通过 needs every slot 合格; 退回补正 needs at least one 有问题 with its comment; 驳回 needs a reason.
 */
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApplicationDetail } from '../../api/filing-types';
import { FormModal } from '../../components/FormModal';
import { MaterialFiles } from '../applications/MaterialFiles';

type Verdict = { verdict?: 'accepted' | 'problem'; comment?: string };

export function VerifyPanel({
  detail,
  onChanged,
}: {
  detail: ApplicationDetail;
  onChanged(d: ApplicationDetail): void;
}) {
  const { message, modal } = App.useApp();
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);

  const set = (key: string, v: Verdict) => setVerdicts((p) => ({ ...p, [key]: { ...p[key], ...v } }));
  const slotVerdicts = () =>
    detail.materialSlots
      .filter((s) => verdicts[s.key]?.verdict)
      .map((s) => {
        const v = verdicts[s.key]!;
        const comment = v.comment?.trim();
        return { slotKey: s.key, verdict: v.verdict!, ...(comment ? { comment } : {}) };
      });
  const problems = detail.materialSlots.filter((s) => verdicts[s.key]?.verdict === 'problem');
  const unchecked = detail.materialSlots.filter((s) => !verdicts[s.key]?.verdict);

  const send = async (outcome: 'pass' | 'return' | 'reject', reason?: string) => {
    setBusy(true);
    try {
      const d = await api.post('/api/applications/:id/verify', {
        params: { id: detail.id },
        body: {
          outcome,
          slotVerdicts: slotVerdicts(),
          ...(reason ? { reason } : {}),
          version: detail.version,
        },
      });
      void message.success(
        outcome === 'pass' ? '核验通过' : outcome === 'return' ? '已退回申报单位补正' : '已驳回',
      );
      onChanged(d);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title="材料核验"
      data-testid="verify-panel"
      extra={<Typography.Text type="secondary">逐项核对材料，标记“合格”或“有问题”并写明问题</Typography.Text>}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {detail.materialSlots.map((s) => {
          const v = verdicts[s.key];
          return (
            <Card
              key={s.key}
              size="small"
              type="inner"
              data-testid={`verify-slot-${s.key}`}
              title={
                <Space size={4}>
                  {s.label}
                  {s.required ? <Tag color="red">必传</Tag> : <Tag>选传</Tag>}
                </Space>
              }
            >
              <Row gutter={16}>
                <Col xs={24} lg={14}>
                  <MaterialFiles
                    applicationId={detail.id}
                    files={detail.materials.filter((m) => m.slotKey === s.key)}
                  />
                </Col>
                <Col xs={24} lg={10}>
                  <Radio.Group
                    aria-label={`${s.label}核验结论`}
                    value={v?.verdict}
                    onChange={(e) => set(s.key, { verdict: e.target.value as Verdict['verdict'] })}
                    options={[
                      { value: 'accepted', label: '合格' },
                      { value: 'problem', label: '有问题' },
                    ]}
                  />
                  {v?.verdict === 'problem' && (
                    <Input.TextArea
                      style={{ marginTop: 8 }}
                      rows={2}
                      maxLength={1000}
                      aria-label={`${s.label}问题说明`}
                      placeholder="写明问题和修改要求（申报单位会在该材料旁看到）"
                      value={v.comment}
                      onChange={(e) => set(s.key, { comment: e.target.value })}
                    />
                  )}
                </Col>
              </Row>
            </Card>
          );
        })}
        {unchecked.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`尚未核验 ${unchecked.length} 项：${unchecked.map((s) => s.label).join('、')}`}
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            loading={busy}
            disabled={unchecked.length > 0 || problems.length > 0}
            onClick={() => void send('pass').catch(() => undefined)}
          >
            核验通过
          </Button>
          <Button
            loading={busy}
            disabled={problems.length === 0}
            onClick={() =>
              modal.confirm({
                title: '退回申报单位补正？',
                content: `将退回 ${problems.length} 项材料的问题说明（${problems.map((p) => p.label).join('、')}）并生成退回补正通知书；退回后本次核验结论不能撤回，只能待申报单位补正后重新核验。`,
                okText: '确认退回',
                cancelText: '取消',
                onOk: () => send('return').catch(() => undefined),
              })
            }
          >
            退回补正
          </Button>
          <Button danger loading={busy} onClick={() => setRejecting(true)}>
            驳回
          </Button>
        </Space>
      </Space>
      <FormModal<{ reason: string }>
        open={rejecting}
        danger
        title="驳回申请"
        okText="确认驳回"
        onClose={() => setRejecting(false)}
        onSubmit={({ reason }) => send('reject', reason.trim())}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="驳回后申请终止，系统将生成决定书告知申报单位理由及申诉途径。"
        />
        <Form.Item
          name="reason"
          label="驳回理由"
          rules={[{ required: true, whitespace: true, message: '请填写驳回理由' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
