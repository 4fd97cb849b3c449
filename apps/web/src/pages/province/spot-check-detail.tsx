/**
 * 抽取记录 /spot-checks/:id: GET /api/spot-checks/:id — the commitment (parameters, hashes, seed hash),
 * the frozen pools with names (staff only) and the recusals (FrozenPools); after the draw the seed, the
 * drawn targets with their panels and results; actions from `abilities`: 抽取 (POST …/draw), 作废 (POST
 * …/void, reason public), 替换督导人员 (POST …/replacements → a new logged draw), 公开复核结果 (POST
 * …/publish-results); each target's joint result with 裁决 of a disputed one (SpotCheckResultView).
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
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { Sha } from '../applications/Sha';
import { StatusTag } from '../applications/StatusTag';
import { DRAW_STATUS_COLOR, type DrawDetail, type DrawTarget } from './types';
import { SpotCheckResultView } from './SpotCheckResultView';
import { FrozenPools } from './FrozenPools';

const PUBLIC_REASON_HINT = '该原因将在抽查公开页面公布，请勿填写姓名、电话等个人信息（可使用督导人员编号）';

export default function SpotCheckDetailPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const [d, setD] = useState<DrawDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [replacing, setReplacing] = useState<DrawTarget | null>(null);

  const load = useCallback(() => {
    api.get('/api/spot-checks/:id', { params: { id } }, { silent: true }).then(
      (x) => {
        setD(x);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
    );
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title="无法打开该抽取记录" subTitle={error} />;
  if (!d) return <Skeleton active />;

  const act = (path: string, body: unknown, done: string) =>
    api.post('/api/spot-checks/:id/:step', { params: { id: d.id, step: path }, body }).then((x) => {
      setD(x);
      void message.success(done);
    });

  const confirmDraw = () =>
    modal.confirm({
      title: `确认抽取 ${d.number}？`,
      content: '将按已公布的承诺和种子确定性抽取，抽取后公布种子与结果，抽取记录不可更改。',
      okText: '抽取',
      cancelText: '取消',
      onOk: () => act('draw', { version: d.version }, '已抽取，种子与结果已公布').catch(() => undefined),
    });
  const confirmPublish = () =>
    modal.confirm({
      title: '公开复核结果？',
      content: '公开页面将显示每个抽查对象的复核结论（通过/不通过），不显示现场发现与个人信息。',
      okText: '公开',
      cancelText: '取消',
      onOk: () => act('publish-results', { version: d.version }, '复核结果已公开').catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={`抽取记录 ${d.number}`}
        description={
          <Space wrap>
            <Tag color={DRAW_STATUS_COLOR[d.status]}>{d.statusLabel}</Tag>
            {d.kindLabel} · {d.roundTitle}
            {d.resultsPublishedAt && <Tag color="green">复核结果已公开</Tag>}
          </Space>
        }
        extra={
          <>
            {d.abilities.draw && (
              <Button type="primary" onClick={confirmDraw}>
                抽取
              </Button>
            )}
            {d.abilities.publish && <Button onClick={confirmPublish}>公开复核结果</Button>}
            {d.abilities.void && (
              <Button danger onClick={() => setVoiding(true)}>
                作废承诺
              </Button>
            )}
            <a href={`/public/draws/${d.id}`} target="_blank" rel="noreferrer">
              <Button>公开页面</Button>
            </a>
          </>
        }
      />
      {d.status === 'committed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="承诺已公开：名单哈希、参数与种子哈希已在公开页面发布，种子保密至抽取。"
        />
      )}
      {d.voided && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本承诺已于 ${formatDateTime(d.voided.at)} 作废：${d.voided.reason}`}
          description="作废后种子随之公布，任何人都可核对其本应抽取的结果。"
        />
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="承诺与参数">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'committed', label: '承诺时间（截止）', children: formatDateTime(d.committedAt) },
              { key: 'drawn', label: '抽取时间', children: formatDateTime(d.drawnAt) },
              {
                key: 'params',
                label: '参数',
                children:
                  d.params.kind === 'round'
                    ? `抽查比例 ${d.params.sampleRatioPercent}%：${d.params.poolSize} 个对象中抽取 ${d.params.sampleSize} 个；每个对象 ${d.params.inspectorsPerTarget} 名督导人员；同一市州${d.params.sameCityRecusal ? '回避' : '不回避'}`
                    : `替换对象 ${d.params.applicationNumber} 的督导人员 ${d.params.replacedInspectorCodes.join('、')}，抽取 ${d.params.inspectorsPerTarget} 人`,
              },
              {
                key: 'algorithm',
                label: '算法',
                children: <Typography.Text code>{d.algorithmVersion}</Typography.Text>,
              },
              { key: 'targetHash', label: '抽查对象名单哈希', children: <Sha value={d.targetPoolHash} /> },
              {
                key: 'inspectorHash',
                label: '督导人员名单哈希',
                children: <Sha value={d.inspectorPoolHash} />,
              },
              { key: 'recusalHash', label: '回避名单哈希', children: <Sha value={d.recusalHash} /> },
              { key: 'seedHash', label: '种子哈希', children: <Sha value={d.seedHash} /> },
              {
                key: 'seed',
                label: '随机种子',
                children: d.seed ? (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {d.seed}
                  </Typography.Text>
                ) : (
                  '抽取后公布'
                ),
              },
              ...(d.reason ? [{ key: 'reason', label: '原因', children: d.reason }] : []),
              ...(d.replacesDrawId
                ? [
                    {
                      key: 'replaces',
                      label: '接续',
                      children: (
                        <Link to={`/spot-checks/${d.replacesDrawId}`}>
                          {d.replacesNumber ?? d.replacesDrawId}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(d.followUps.length
                ? [
                    {
                      key: 'followUps',
                      label: '后续记录',
                      children: (
                        <Space wrap>
                          {d.followUps.map((f) => (
                            <Link key={f.id} to={`/spot-checks/${f.id}`}>
                              {f.number}（{f.kind === 'replacement' ? '替换抽取' : '重新承诺'}，
                              {f.statusLabel}）
                            </Link>
                          ))}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {d.status === 'drawn' && d.result && d.params.kind === 'round' && (
          <Card size="small" title={`抽查对象与督导人员（${d.targets.length} 个对象）`}>
            <Table<DrawTarget>
              size="small"
              rowKey="applicationId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={d.targets}
              expandable={{
                expandedRowRender: (t) => (
                  <SpotCheckResultView
                    drawId={d.id}
                    target={t}
                    onDecided={(x) => {
                      setD(x);
                      void message.success('已裁决，复核结果生效');
                    }}
                  />
                ),
              }}
              columns={[
                {
                  title: '申请编号',
                  dataIndex: 'applicationNumber',
                  render: (v: string, t) => <Link to={`/applications/${t.applicationId}`}>{v}</Link>,
                },
                { title: '申报单位', dataIndex: 'organizationName' },
                { title: '市州', dataIndex: 'cityName' },
                {
                  title: '抽查组',
                  key: 'panel',
                  render: (_, t) => (
                    <Space size={2} wrap>
                      {t.panel.map((p) => (
                        <Tag key={p.assignmentId} color={p.status === 'assigned' ? 'blue' : 'default'}>
                          {p.status === 'replaced' ? (
                            <del title={p.replacedReason ?? ''}>{`${p.code} ${p.name}`}</del>
                          ) : (
                            `${p.code} ${p.name}`
                          )}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: '申请状态',
                  key: 'status',
                  render: (_, t) => <StatusTag status={t.status} label={t.statusLabel} />,
                },
                {
                  title: '复核结论',
                  key: 'result',
                  render: (_, t) =>
                    t.result?.effective ? (
                      <Tag color={t.result.outcome === 'pass' ? 'green' : 'red'}>{t.result.outcomeLabel}</Tag>
                    ) : t.result ? (
                      <Tag color={t.result.status === 'disputed' ? 'orange' : 'processing'}>
                        {t.result.statusLabel}
                      </Tag>
                    ) : t.status === 'withdrawn' ? (
                      '申请已撤回'
                    ) : (
                      '待起草'
                    ),
                },
                {
                  title: '操作',
                  key: 'op',
                  render: (_, t) =>
                    d.abilities.replace && t.status === 'spot_check' && !t.result ? (
                      <Button type="link" size="small" onClick={() => setReplacing(t)}>
                        替换督导人员
                      </Button>
                    ) : null,
                },
              ]}
            />
            {(d.result.notSelected.length > 0 || d.result.skipped.length > 0) && (
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 12 }}
                items={[
                  {
                    key: 'not',
                    label: '未抽中（直接通过）',
                    children: d.result.notSelected.join('、') || '无',
                  },
                  ...(d.result.skipped.length
                    ? [
                        {
                          key: 'skipped',
                          label: '抽取时已不在抽查范围（未处理）',
                          children: d.result.skipped
                            .map((s) => `${s.applicationNumber}（${s.statusLabel}）`)
                            .join('、'),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        )}
        {d.status === 'drawn' && d.result && d.params.kind === 'replacement' && (
          <Card size="small" title="替换结果">
            {d.result.selected.map((s) => (
              <p key={s.applicationNumber}>
                {s.applicationNumber}：新抽取督导人员 {s.inspectorCodes.join('、')}
              </p>
            ))}
          </Card>
        )}
        <FrozenPools draw={d} />
      </Space>
      <FormModal<{ reason: string }>
        open={voiding}
        danger
        title={`作废承诺 ${d.number}`}
        okText="确认作废"
        onClose={() => setVoiding(false)}
        onSubmit={({ reason }) =>
          act('void', { version: d.version, reason: reason.trim() }, '承诺已作废，种子已公布')
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="作废后本承诺不能再抽取，其种子将公布；需重新发起承诺并填写原因。"
        />
        <Form.Item
          name="reason"
          label="作废原因"
          extra={PUBLIC_REASON_HINT}
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写作废原因' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
      <FormModal<{ inspectorIds: string[]; reason: string }>
        open={!!replacing}
        title={`替换督导人员：${replacing?.applicationNumber ?? ''}`}
        okText="发起替换承诺"
        onClose={() => setReplacing(null)}
        onSubmit={async (v) => {
          const r = await api.post('/api/spot-checks/:id/replacements', {
            params: { id: d.id },
            body: {
              applicationId: replacing!.applicationId,
              inspectorIds: v.inspectorIds,
              reason: v.reason.trim(),
            },
          });
          void message.success(`已发起替换承诺 ${r.number}，请在该记录中抽取`);
          load();
        }}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="替换是一条新的抽取记录：先公布承诺，再抽取。留在组内和被替换的督导人员自动回避。"
        />
        <Form.Item
          name="inspectorIds"
          label="不能参加的督导人员"
          rules={[{ required: true, message: '请选择要替换的督导人员' }]}
        >
          <Checkbox.Group
            options={(replacing?.panel ?? [])
              .filter((p) => p.allowedActions.includes('replace'))
              .map((p) => ({ value: p.inspectorId, label: `${p.code} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="替换原因"
          extra={PUBLIC_REASON_HINT}
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写替换原因' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
