/**
 * 省级评估 on the application detail page: the review history (GET /api/applications/:id/province-reviews)
 * and, for the province centre while the application is 省级评估中, the form POST …/province-review
 * {decision, items, reason, version}: 通过 (a verdict per scope item still in the running; refused items
 * need a reason), 退回市州 or 不予通过 (reason, cited in the decision letter).
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ApplicationDetail } from '../../api/filing-types';
import { formatDateTime } from '../../components/format';
import type { ProvinceReview } from './types';
import { occupationNameOf, occupationWithJob } from '../../components/occupation-label';
import { ItemVerdictTable } from '../../components/ItemVerdictTable';

const OUT = ['not_recommended', 'rejected', 'held'];
const OUTCOME_COLOR: Record<string, string> = { pass: 'green', return: 'orange', reject: 'red' };

interface Values {
  decision: 'pass' | 'return' | 'reject';
  reason?: string;
  items?: Record<string, { verdict: 'pass' | 'reject'; reason?: string }>;
}

const itemText = (s: ApplicationDetail['scopeItems'][number]) =>
  `${occupationWithJob(s)} · ${s.modeLabel} · ${s.levelLabels.join('、')}`;

export function ProvinceReviewPanel({
  detail,
  canAct,
  onChanged,
}: {
  detail: ApplicationDetail;
  canAct: boolean;
  onChanged(): void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [reviews, setReviews] = useState<ProvinceReview[] | null>(null);
  const [busy, setBusy] = useState(false);
  const decision = Form.useWatch('decision', form);
  const items = detail.scopeItems.filter((s) => !OUT.includes(s.verdict ?? ''));
  const open = canAct && detail.status === 'province_review';

  const load = useCallback(() => {
    api
      .get(
        '/api/applications/:id/province-reviews',
        { params: { id: detail.id } },
        {
          silent: true,
        },
      )
      .then(
        (r) => setReviews(r.items),
        () => setReviews([]),
      );
  }, [detail.id]);
  useEffect(load, [load]);

  const submit = (v: Values) => {
    const body = {
      decision: v.decision,
      version: detail.version,
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      ...(v.decision === 'pass'
        ? {
            items: items.map((s) => {
              const i = v.items?.[s.id];
              return {
                scopeItemId: s.id,
                verdict: i?.verdict ?? 'pass',
                ...(i?.reason?.trim() ? { reason: i.reason.trim() } : {}),
              };
            }),
          }
        : {}),
    };
    const allRefused = v.decision === 'pass' && body.items?.every((i) => i.verdict === 'reject');
    const go = async () => {
      setBusy(true);
      try {
        const r = await api.post('/api/applications/:id/province-review', {
          params: { id: detail.id },
          body,
        });
        void message.success(`省级评估已记录，申请现为"${r.statusLabel}"`);
        form.resetFields();
        load();
        onChanged();
      } catch {
        // shown by the API client
      } finally {
        setBusy(false);
      }
    };
    if (allRefused || v.decision !== 'pass') {
      modal.confirm({
        title:
          v.decision === 'return'
            ? '确认退回市州？'
            : allRefused
              ? '所有申报职业（工种）均不通过，申请将不予通过，确认？'
              : '确认不予通过？',
        content:
          v.decision === 'return'
            ? '申请将回到市州人社局（已核验），市州重新评审后可再次报送。'
            : '申请将终止，并生成载明理由与复核途径的决定书。',
        okText: '确认',
        cancelText: '取消',
        okButtonProps: { danger: v.decision !== 'return' },
        onOk: go,
      });
    } else void go();
  };

  // Nothing to show before the province has reviewed (and nothing to do for this viewer).
  if (!open && (!reviews || reviews.length === 0)) return null;

  return (
    <Card size="small" title="省级评估" data-testid="province-review-card">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {(reviews ?? []).map((r) => (
          <Descriptions
            key={r.id}
            size="small"
            bordered
            column={1}
            items={[
              {
                key: 'outcome',
                label: '评估结论',
                children: (
                  <Space>
                    <Tag color={OUTCOME_COLOR[r.outcome]}>{r.outcomeLabel}</Tag>
                    <Typography.Text type="secondary">
                      {formatDateTime(r.createdAt)}
                      {r.reviewerName ? ` · ${r.reviewerName}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
              ...(r.reason ? [{ key: 'reason', label: '理由', children: r.reason }] : []),
              ...(r.items.length
                ? [
                    {
                      key: 'items',
                      label: '逐项结论',
                      children: (
                        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                          {r.items.map((i) => (
                            <li key={i.scopeItemId}>
                              {occupationNameOf(i)}
                              {i.jobName ? `（${i.jobName}）` : ''}：
                              <Tag color={i.verdict === 'pass' ? 'green' : 'red'}>{i.verdictLabel}</Tag>
                              {i.reason}
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ))}
        {open && (
          <Form<Values>
            form={form}
            name="province-review"
            layout="vertical"
            initialValues={{
              decision: 'pass',
              items: Object.fromEntries(items.map((s) => [s.id, { verdict: 'pass' }])),
            }}
            onFinish={submit}
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="通知第五条第三款：省厅鉴定中心对市州人社部门汇总申报材料评估。通过的申请进入抽查复核范围（待抽查）。"
            />
            <Form.Item name="decision" label="评估结论" rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'pass', label: '评估通过' },
                  { value: 'return', label: '退回市州' },
                  { value: 'reject', label: '不予通过' },
                ]}
              />
            </Form.Item>
            {decision === 'pass' && (
              <ItemVerdictTable
                items={items}
                itemTitle="申报职业（工种）"
                itemText={itemText}
                field="verdict"
                verdictTitle="结论"
                verdictWidth={160}
                options={[
                  { value: 'pass', label: '通过' },
                  { value: 'reject', label: '不通过' },
                ]}
                negative="reject"
                reasonTitle="不通过理由"
                reasonRequired="不通过的条目须填写理由"
                reasonLabel={() => '不通过理由'}
                reasonPlaceholder="不通过时必填"
                marginBottom={12}
              />
            )}
            <Form.Item
              name="reason"
              label={
                decision === 'pass' ? '评估意见（选填）' : decision === 'return' ? '退回理由' : '不予通过理由'
              }
              rules={
                decision === 'pass'
                  ? []
                  : [
                      {
                        required: true,
                        whitespace: true,
                        min: 2,
                        message: '请填写理由（将写入决定书或退回通知）',
                      },
                    ]
              }
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} danger={decision === 'reject'}>
              提交省级评估结论
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
