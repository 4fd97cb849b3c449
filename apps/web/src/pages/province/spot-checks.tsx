/**
 * 抽查复核 /spot-checks (province_center acts; province_bureau and audit_admin read): the draws per round
 * (GET /api/spot-checks?roundId&status), 发起承诺 (GET /api/spot-checks/preview, POST /api/spot-checks —
 * freezes the pools and publishes the hashes before the draw) and the [policy] values
 * (GET/PUT /api/spot-checks/policy).
 */
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Round } from '../../api/filing-types';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { cleanQuery, SearchForm } from '../../components/SearchForm';
import { usePagedList } from '../../components/usePagedList';
import { DRAW_STATUS_COLOR, type DrawSummary, type SpotCheckPolicy, type SpotCheckPreview } from './types';
import { useRounds } from '../../api/useRounds';

interface CommitValues extends SpotCheckPolicy {
  roundId: string;
  reason?: string;
}

function CommitModal({
  open,
  rounds,
  onClose,
  onCommitted,
}: {
  open: boolean;
  rounds: Round[];
  onClose(): void;
  onCommitted(id: string): void;
}) {
  const [policy, setPolicy] = useState<SpotCheckPolicy | null>(null);
  const [preview, setPreview] = useState<SpotCheckPreview | null>(null);
  const [values, setValues] = useState<Partial<CommitValues>>({});
  useEffect(() => {
    if (open) api.get('/api/spot-checks/policy').then(setPolicy, () => undefined);
    else setPreview(null);
  }, [open]);
  useEffect(() => {
    if (!open || !values.roundId) return;
    let stale = false;
    api
      .get(
        '/api/spot-checks/preview',
        {
          query: {
            roundId: values.roundId,
            sampleRatioPercent: values.sampleRatioPercent,
            inspectorsPerTarget: values.inspectorsPerTarget,
            sameCityRecusal: values.sameCityRecusal,
          },
        },
        { silent: true },
      )
      .then(
        (p) => !stale && setPreview(p),
        () => !stale && setPreview(null),
      );
    return () => {
      stale = true;
    };
  }, [open, values.roundId, values.sampleRatioPercent, values.inspectorsPerTarget, values.sameCityRecusal]);

  if (open && !policy) return null;
  const openRound = rounds.find((r) => r.status === 'open') ?? rounds[0];
  const blocked =
    !!preview && (preview.poolSize === 0 || preview.shortages.length > 0 || !!preview.openCommitment);
  return (
    <FormModal<CommitValues>
      open={open}
      title="发起抽查承诺"
      okText="冻结名单并公布承诺"
      width={640}
      initialValues={{ ...policy!, roundId: openRound?.id }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await api.post('/api/spot-checks', {
          body: {
            roundId: v.roundId,
            sampleRatioPercent: v.sampleRatioPercent,
            inspectorsPerTarget: v.inspectorsPerTarget,
            sameCityRecusal: v.sameCityRecusal,
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          },
        });
        onCommitted(r.id);
      }}
    >
      <FormValuesSpy onChange={setValues} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="双随机、一公开（通知第五条第三款）"
        description="提交后冻结本批次“待抽查”的申请编号、在库督导人员编号和回避名单，计算各自的哈希，并由服务器生成保密的随机种子、公布其哈希。承诺立即在公开页面发布；抽取是单独的一步，抽取后公布种子与结果，任何人都可复现。"
      />
      <Form.Item name="roundId" label="征集批次" rules={[{ required: true, message: '请选择征集批次' }]}>
        <Select options={rounds.map((r) => ({ value: r.id, label: r.title }))} />
      </Form.Item>
      <Space wrap size={24}>
        <Form.Item
          name="sampleRatioPercent"
          label="抽查比例（%）"
          rules={[{ required: true, message: '请填写抽查比例' }]}
        >
          <InputNumber min={1} max={100} precision={0} addonAfter="%" />
        </Form.Item>
        <Form.Item
          name="inspectorsPerTarget"
          label="每个对象督导人数"
          rules={[{ required: true, message: '请填写人数' }]}
        >
          <InputNumber min={2} max={10} precision={0} addonAfter="人" />
        </Form.Item>
        <Form.Item name="sameCityRecusal" label="同一市州回避" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      {preview && (
        <Descriptions
          size="small"
          bordered
          column={2}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'pool', label: '待抽查对象', children: `${preview.poolSize} 个` },
            { key: 'sample', label: '将抽取', children: `${preview.sampleSize} 个（至少1个）` },
            { key: 'inspectors', label: '在库督导人员', children: `${preview.inspectorPoolSize} 人` },
            { key: 'recusals', label: '回避条目', children: `${preview.recusalCount} 条` },
          ]}
        />
      )}
      {preview?.poolSize === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="本批次没有“待抽查”的申请：省级评估通过后才进入抽查范围。"
        />
      )}
      {preview?.openCommitment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本批次已有未抽取的承诺 ${preview.openCommitment.number}：请先抽取，或作废后重新承诺。`}
        />
      )}
      {preview && preview.shortages.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="督导人员不足"
          description={`以下对象回避后可抽取的督导人员少于每个对象所需人数：${preview.shortages
            .map((s) => `${s.applicationNumber}（${s.eligible}人）`)
            .join('、')}。请先补充督导人员库或调整人数。`}
        />
      )}
      {preview?.replacesVoided && (
        <Form.Item
          name="reason"
          label={`重新承诺原因（上一承诺 ${preview.replacesVoided.number} 已作废；将公开，请勿填写姓名、电话）`}
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写重新承诺的原因' }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      )}
      {blocked && <Typography.Text type="secondary">存在上述问题时提交会被拒绝。</Typography.Text>}
    </FormModal>
  );
}

/** Mirrors the surrounding form's values into state (for the live preview). */
function FormValuesSpy({ onChange }: { onChange(v: Partial<CommitValues>): void }) {
  const form = Form.useFormInstance<CommitValues>();
  const values = Form.useWatch([], form);
  useEffect(() => {
    if (values) onChange(values);
  }, [values, onChange]);
  return null;
}

function PolicyModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const [policy, setPolicy] = useState<SpotCheckPolicy | null>(null);
  useEffect(() => {
    if (open) api.get('/api/spot-checks/policy').then(setPolicy, () => undefined);
  }, [open]);
  if (open && !policy) return null;
  return (
    <FormModal<SpotCheckPolicy>
      open={open}
      title="抽查复核参数"
      okText="保存"
      initialValues={policy ?? undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.put('/api/spot-checks/policy', { body: v });
        void message.success('参数已保存，此后发起的承诺采用新参数');
      }}
    >
      <Form.Item
        name="sampleRatioPercent"
        label="默认抽查比例（%，至少抽取1个）"
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={100} precision={0} addonAfter="%" />
      </Form.Item>
      <Form.Item
        name="inspectorsPerTarget"
        label="每个对象督导人数（不少于2人）"
        rules={[{ required: true }]}
      >
        <InputNumber min={2} max={10} precision={0} addonAfter="人" />
      </Form.Item>
      <Form.Item name="sameCityRecusal" label="同一市州的督导人员回避" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export default function SpotChecksPage() {
  const can = useCan();
  const navigate = useNavigate();
  const canManage = can('spotCheck.manage');
  const rounds = useRounds();
  const [form] = Form.useForm();
  const list = usePagedList('/api/spot-checks');
  const [committing, setCommitting] = useState(false);
  const [editingPolicy, setEditingPolicy] = useState(false);

  const columns: ColumnsType<DrawSummary> = [
    {
      title: '抽取编号',
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string, d) => <Link to={`/spot-checks/${d.id}`}>{v}</Link>,
    },
    { title: '征集批次', dataIndex: 'roundTitle' },
    { title: '类型', dataIndex: 'kindLabel' },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      render: (v: string, d) => <Tag color={DRAW_STATUS_COLOR[d.status]}>{v}</Tag>,
    },
    {
      title: '抽查对象',
      key: 'sample',
      render: (_, d) =>
        d.kind === 'round' ? `${d.sampleSize} / ${d.poolSize}` : `${d.inspectorsPerTarget} 人替换`,
    },
    {
      title: '复核结果',
      key: 'results',
      render: (_, d) =>
        d.kind !== 'round' || d.status !== 'drawn' ? (
          '—'
        ) : d.resultsPublishedAt ? (
          <Tag color="green">已公开</Tag>
        ) : (
          `${d.resultCount} / ${d.targetCount}`
        ),
    },
    { title: '承诺时间', dataIndex: 'committedAt', render: formatDateTime },
    { title: '抽取时间', dataIndex: 'drawnAt', render: formatDateTime },
    {
      title: '公开页',
      key: 'public',
      render: (_, d) => (
        <a href={`/public/draws/${d.id}`} target="_blank" rel="noreferrer">
          查看
        </a>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="抽查复核"
        description="按“双随机、一公开”随机抽取抽查对象和督导人员：先公布承诺（名单哈希与种子哈希），再抽取并公布种子与结果，最后公开复核结果。"
        extra={
          canManage && (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setEditingPolicy(true)}>
                参数设置
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCommitting(true)}>
                发起承诺
              </Button>
            </>
          )
        }
      />
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="roundId" label="征集批次">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 240 }}
            options={rounds.map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ minWidth: 120 }}
            options={[
              { value: 'committed', label: '待抽取' },
              { value: 'drawn', label: '已抽取' },
              { value: 'void', label: '已作废' },
            ]}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<DrawSummary>
        list={list}
        rowKey="id"
        columns={columns}
        emptyText={
          canManage ? '还没有抽取记录。省级评估通过的申请进入“待抽查”后，点击“发起承诺”' : '还没有抽取记录'
        }
      />
      <CommitModal
        open={committing}
        rounds={rounds}
        onClose={() => setCommitting(false)}
        onCommitted={(id) => navigate(`/spot-checks/${id}`)}
      />
      <PolicyModal open={editingPolicy} onClose={() => setEditingPolicy(false)} />
    </>
  );
}
