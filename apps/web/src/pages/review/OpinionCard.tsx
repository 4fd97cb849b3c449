/**
 * 书面评估意见 (city_bureau): per scope item 推荐 / 不予推荐 (+ reason) and a summary; POST
 * /api/applications/:id/opinion → 已推荐 or 不予推荐. Disabled, with the reason, until every drawn expert
 * has submitted and a site visit is recorded (the server says the same with EXPERT_REVIEWS_INCOMPLETE /
 * SITE_ASSESSMENT_MISSING). Once written: the opinion and 下载评估意见书 (GET …/opinion.pdf).
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { ApplicationDetail } from '../../api/filing-types';
import type { CityOpinionAnswer } from '../../api/review-types';
import { formatDateTime } from '../../components/format';
import { occupationNameOf, occupationWithJob } from '../../components/occupation-label';
import { ItemVerdictTable } from '../../components/ItemVerdictTable';

interface Values {
  items: Record<string, { recommend: boolean; reason?: string }>;
  summary: string;
}

export function downloadOpinion(detail: ApplicationDetail) {
  void api
    .download(`/api/applications/${detail.id}/opinion.pdf`, `书面评估意见-${detail.number ?? ''}.pdf`)
    .catch(() => undefined);
}

export function OpinionCard({
  detail,
  opinion,
  blocker,
  canWrite,
  onWritten,
}: {
  detail: ApplicationDetail;
  opinion: CityOpinionAnswer | null;
  /** Why the opinion cannot be written yet (null when it can). */
  blocker: string | null;
  canWrite: boolean;
  onWritten(): void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [serverBlock, setServerBlock] = useState<string | null>(null);
  const block = blocker ?? serverBlock;

  if (opinion) {
    const o = opinion.opinion;
    return (
      <Card
        size="small"
        title="书面评估意见"
        data-testid="opinion-card"
        extra={
          <Button size="small" type="primary" onClick={() => downloadOpinion(detail)}>
            下载评估意见书
          </Button>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 120 } }}
          items={[
            {
              key: 'c',
              label: '结论',
              children: <Tag color={o.conclusion === 'recommend' ? 'green' : 'red'}>{o.conclusionLabel}</Tag>,
            },
            {
              key: 'items',
              label: '逐项意见',
              children: (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {o.items.map((i) => (
                    <li key={i.scopeItemId}>
                      {occupationNameOf(i)}
                      {i.jobName ? `（${i.jobName}）` : ''}：{i.recommend ? '推荐' : '不予推荐'}
                      {i.reason ? `，${i.reason}` : ''}
                    </li>
                  ))}
                </ul>
              ),
            },
            { key: 's', label: '综合意见', children: o.summary },
            { key: 't', label: '出具时间', children: formatDateTime(o.createdAt) },
          ]}
        />
      </Card>
    );
  }
  if (!canWrite) {
    return (
      <Card size="small" title="书面评估意见">
        <Typography.Text type="secondary">尚未出具书面评估意见</Typography.Text>
      </Card>
    );
  }

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api.post(
        '/api/applications/:id/opinion',
        {
          params: { id: detail.id },
          body: {
            items: detail.scopeItems.map((s) => {
              const it = v.items[s.id]!;
              const reason = it.reason?.trim();
              return { scopeItemId: s.id, recommend: it.recommend, ...(reason ? { reason } : {}) };
            }),
            summary: v.summary.trim(),
            version: detail.version,
          },
        },
        { silent: true },
      );
      void message.success('书面评估意见已出具');
      onWritten();
    } catch (e) {
      if (e instanceof ApiError && ['EXPERT_REVIEWS_INCOMPLETE', 'SITE_ASSESSMENT_MISSING'].includes(e.code))
        setServerBlock(e.message);
      else void message.error(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="书面评估意见" data-testid="opinion-card">
      {block && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={block} />}
      <Form<Values>
        form={form}
        name="city-opinion"
        layout="vertical"
        disabled={!!block}
        onFinish={(v) => {
          const recommended = detail.scopeItems.filter((s) => v.items[s.id]?.recommend).length;
          modal.confirm({
            title: '出具书面评估意见？',
            content: `${
              recommended > 0
                ? `推荐 ${recommended} 项、不予推荐 ${detail.scopeItems.length - recommended} 项，申请转为“已推荐”。`
                : '全部不予推荐，申请转为“不予推荐”，并生成决定书告知申报单位。'
            }意见出具后不能修改或撤回。`,
            okText: '确认出具',
            cancelText: '取消',
            onOk: () => submit(v),
          });
        }}
        initialValues={{
          items: Object.fromEntries(detail.scopeItems.map((s) => [s.id, { recommend: true }])),
        }}
      >
        <ItemVerdictTable
          items={detail.scopeItems}
          itemTitle="职业（工种）"
          itemText={occupationWithJob}
          field="recommend"
          verdictTitle="意见"
          options={[
            { value: true, label: '推荐' },
            { value: false, label: '不予推荐' },
          ]}
          negative={false}
          reasonTitle="理由（不予推荐时必填）"
          reasonRequired="不予推荐的须填写理由"
          verdictLabel={(s) => `${occupationNameOf(s)}推荐意见`}
          reasonLabel={(s) => `${occupationNameOf(s)}理由`}
          marginBottom={16}
        />
        <Form.Item
          name="summary"
          label="综合意见"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写综合意见' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            出具书面评估意见
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
