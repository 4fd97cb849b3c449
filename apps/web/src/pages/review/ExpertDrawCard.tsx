/**
 * 专家抽取 (city_bureau): POST /api/applications/:id/expert-draws {count} draws from the city's pool with
 * the recusals frozen first; the record shows pool codes, recusals with reasons, seed hash, seed and result.
 * 重新抽取 needs a reason and the experts to replace; 复核抽取 (GET /api/draws/:id/replay) recomputes it.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { DrawRecord, DrawReplay, ExpertDrawList } from '../../api/review-types';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';

const ASSIGNMENT_STATUS: Record<string, { label: string; color: string }> = {
  assigned: { label: '待评审', color: 'blue' },
  submitted: { label: '已提交', color: 'green' },
  replaced: { label: '已替换', color: 'default' },
};

function DrawRecordView({ draw }: { draw: DrawRecord }) {
  const [replay, setReplay] = useState<DrawReplay | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      setReplay(await api.get('/api/draws/:id/replay', { params: { id: draw.id } }));
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid={`draw-${draw.id}`}>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'at', label: '抽取时间', children: formatDateTime(draw.drawnAt ?? draw.createdAt) },
          ...(draw.reason ? [{ key: 'reason', label: '重新抽取原因', children: draw.reason }] : []),
          {
            key: 'pool',
            label: `抽取范围（${draw.pool.length}人）`,
            children: (
              <Space size={2} wrap>
                {draw.pool.map((c) => (
                  <Tag key={c}>{c}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'recusals',
            label: `回避名单（${draw.recusals.length}人）`,
            children:
              draw.recusals.length === 0 ? (
                '无'
              ) : (
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="recusal-list">
                  {draw.recusals.map((r) => (
                    <li key={`${r.expertCode}-${r.rule}`}>
                      <Typography.Text code>{r.expertCode}</Typography.Text> {r.reason}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'seedHash',
            label: '种子承诺值',
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {draw.seedHash}
              </Typography.Text>
            ),
          },
          {
            key: 'seed',
            label: '随机种子',
            children: draw.seed ? (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {draw.seed}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
          {
            key: 'result',
            label: '抽取结果',
            children: (
              <Space size={2} wrap data-testid="draw-result">
                {(draw.result ?? []).map((c) => (
                  <Tag key={c} color="blue">
                    {c}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'replay',
            label: '复核',
            children: (
              <Space wrap>
                <Button size="small" loading={busy} onClick={() => void check()}>
                  复核抽取
                </Button>
                {replay &&
                  (replay.matches ? (
                    <Tag color="green">一致：按存档数据重新计算，结果与原抽取相同</Tag>
                  ) : (
                    <Tag color="red">不一致：{replay.error ?? replay.mismatches.join('、')}</Tag>
                  ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

export function ExpertDrawCard({
  applicationId,
  draws,
  canDraw,
  onChanged,
}: {
  applicationId: string;
  draws: ExpertDrawList | null;
  canDraw: boolean;
  onChanged(): void;
}) {
  const { message, modal } = App.useApp();
  const [count, setCount] = useState<number | null>(3);
  const [busy, setBusy] = useState(false);
  const [redrawing, setRedrawing] = useState(false);
  const items = [...(draws?.items ?? [])].reverse(); // newest first
  const latest = items[0];
  const earlier = items.slice(1);
  const active = (draws?.assignments ?? []).filter((a) => a.status !== 'replaced');
  const replaceable = active.filter((a) => a.status !== 'submitted');

  const draw = async () => {
    setBusy(true);
    try {
      await api.post('/api/applications/:id/expert-draws', {
        params: { id: applicationId },
        body: count ? { count } : {},
      });
      void message.success('已完成专家抽取');
      onChanged();
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title="专家抽取"
      data-testid="expert-draw-card"
      extra={
        canDraw &&
        latest &&
        replaceable.length > 0 && (
          <Button size="small" onClick={() => setRedrawing(true)}>
            重新抽取
          </Button>
        )
      }
    >
      {!latest ? (
        canDraw ? (
          <Space wrap>
            <Typography.Text>抽取人数</Typography.Text>
            <InputNumber aria-label="抽取人数" min={1} max={15} value={count} onChange={setCount} />
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                modal.confirm({
                  title: `从专家库随机抽取 ${count ?? 3} 名评审专家？`,
                  content:
                    '抽取立即执行并记录在案，结果不能撤销或修改；如需更换专家，只能以写明原因的“重新抽取”另行记录。',
                  okText: '确认抽取',
                  cancelText: '取消',
                  onOk: draw,
                })
              }
            >
              抽取专家
            </Button>
            <Typography.Text type="secondary">
              从本市州专家库中随机抽取，申报单位人员及申报利益冲突的专家自动回避
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">尚未抽取评审专家</Typography.Text>
        )
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Table
            size="small"
            rowKey="assignmentId"
            pagination={false}
            dataSource={draws?.assignments ?? []}
            data-testid="drawn-experts"
            columns={[
              { title: '专家编号', dataIndex: 'code' },
              { title: '姓名', dataIndex: 'name' },
              { title: '工作单位', dataIndex: 'unit' },
              {
                title: '评审状态',
                dataIndex: 'status',
                render: (s: string, a) => (
                  <>
                    <Tag color={ASSIGNMENT_STATUS[s]?.color}>{ASSIGNMENT_STATUS[s]?.label ?? s}</Tag>
                    {a.replacedReason && (
                      <Typography.Text type="secondary">{a.replacedReason}</Typography.Text>
                    )}
                  </>
                ),
              },
              { title: '抽取时间', dataIndex: 'assignedAt', render: (v: string) => formatDateTime(v) },
            ]}
          />
          <DrawRecordView draw={latest} />
          {earlier.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={`此前还有 ${earlier.length} 次抽取记录`}
              description={earlier.map((d) => (
                <div key={d.id} style={{ marginTop: 8 }}>
                  <DrawRecordView draw={d} />
                </div>
              ))}
            />
          )}
        </Space>
      )}
      <FormModal<{ reason: string; replaceExpertIds: string[] }>
        open={redrawing}
        title="重新抽取专家"
        okText="重新抽取"
        initialValues={{ replaceExpertIds: replaceable.map((a) => a.expertId) }}
        onClose={() => setRedrawing(false)}
        onSubmit={async ({ reason, replaceExpertIds }) => {
          await api.post('/api/applications/:id/expert-draws', {
            params: { id: applicationId },
            body: {
              reason: reason.trim(),
              replaceExpertIds,
            },
          });
          void message.success('已重新抽取');
          onChanged();
        }}
      >
        <Form.Item
          name="replaceExpertIds"
          label="替换的专家（尚未提交评审的）"
          rules={[{ required: true, message: '请选择要替换的专家' }]}
        >
          <Checkbox.Group
            options={replaceable.map((a) => ({ value: a.expertId, label: `${a.code} ${a.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="重新抽取原因"
          rules={[{ required: true, whitespace: true, message: '请填写重新抽取的原因' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
