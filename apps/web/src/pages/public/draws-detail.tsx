/**
 * 抽取公开详情 (public, no login): GET /api/public/draws/:id — before the draw the commitment (parameters,
 * the hashes, both pools as codes, the recusals as codes + rule); after it the seed and the result; after
 * publication the outcome per target; and a replay button that runs the same domain code in the browser.
 */
import {
  Alert,
  Card,
  Collapse,
  Descriptions,
  Grid,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { DRAW_STATUS_COLOR, type PublicDraw } from '../province/types';
import { DrawReplay } from './draws-replay';
import { hashInputsOf, HashWithInput } from './draws-hash-inputs';

const Hash = ({ v }: { v: string }) => (
  <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
    {v}
  </Typography.Text>
);

const Codes = ({ codes }: { codes: readonly string[] }) => (
  <Space size={[4, 4]} wrap>
    {codes.length === 0 ? '无' : codes.map((c) => <Tag key={c}>{c}</Tag>)}
  </Space>
);

export default function PublicDrawDetailPage() {
  const { id = '' } = useParams();
  const [d, setD] = useState<PublicDraw | null>(null);
  const [error, setError] = useState<string | null>(null);
  const screens = Grid.useBreakpoint();

  useEffect(() => {
    api
      .get(
        '/api/public/draws/:id',
        { params: { id } },
        {
          silent: true,
          noAuthRedirect: true,
        },
      )
      .then(setD, (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'));
  }, [id]);

  if (error)
    return (
      <Result
        status="404"
        title="没有找到该抽取记录"
        subTitle={error}
        extra={<Link to="/public/draws">返回抽查公开</Link>}
      />
    );
  if (!d) return <Skeleton active />;

  const p = d.params;
  const narrow = !screens.sm;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {d.number} {d.kindLabel}
          </Typography.Title>
          <Tag color={DRAW_STATUS_COLOR[d.status]}>{d.statusLabel}</Tag>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {d.roundTitle} · <Link to="/public/draws">返回抽查公开</Link>
        </Typography.Paragraph>
        {d.status === 'committed' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title="承诺已公布，尚未抽取"
            description="以下名单和哈希值在抽取之前公布，抽取后不能更改；随机种子保密至抽取，届时公布种子与结果，可用下方按钮核对。"
          />
        )}
        {d.voided && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={`本承诺已于 ${formatDateTime(d.voided.at)} 作废`}
            description={`原因：${d.voided.reason}。作废后种子随之公布，可核对其本应抽取的结果。`}
          />
        )}
      </Card>

      <Card size="small" title="承诺">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'committed', label: '承诺公布时间（名单截止）', children: formatDateTime(d.committedAt) },
            {
              key: 'params',
              label: '抽取参数',
              children:
                p.kind === 'round'
                  ? `抽查比例 ${p.sampleRatioPercent}%（至少1个）：从 ${p.poolSize} 个对象中抽取 ${p.sampleSize} 个；每个对象 ${p.inspectorsPerTarget} 名督导人员；同一市州${p.sameCityRecusal ? '回避' : '不回避'}`
                  : `替换抽查对象 ${p.applicationNumber} 的督导人员 ${p.replacedInspectorCodes.join('、')}：抽取 ${p.inspectorsPerTarget} 名`,
            },
            ...(d.reason
              ? [
                  {
                    key: 'reason',
                    label: p.kind === 'round' ? '重新承诺原因' : '替换原因',
                    children: d.reason,
                  },
                ]
              : []),
            ...(d.replacesDrawId
              ? [
                  {
                    key: 'replaces',
                    label: '接续记录',
                    children: (
                      <Link to={`/public/draws/${d.replacesDrawId}`}>
                        {d.replacesNumber ?? d.replacesDrawId}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              key: 'algorithm',
              label: '算法',
              children: <Typography.Text code>{d.algorithmVersion}</Typography.Text>,
            },
            // Each hash with how its input is formed and the exact bytes hashed, to check by any tool.
            ...hashInputsOf(d).map((input) => ({
              key: input.key,
              label: input.label,
              children: <HashWithInput input={input} />,
            })),
            { key: 'seed', label: '随机种子', children: d.seed ? <Hash v={d.seed} /> : '抽取后公布' },
            { key: 'drawn', label: '抽取时间', children: formatDateTime(d.drawnAt) },
          ]}
        />
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'targets',
              label: `抽查对象名单（申请编号，${d.targetPool.length} 个）`,
              children: <Codes codes={d.targetPool} />,
            },
            {
              key: 'inspectors',
              label: `督导人员名单（编号，${d.inspectorPool.length} 人）`,
              children: <Codes codes={d.inspectorPool} />,
            },
            {
              key: 'recusals',
              label: `回避名单（${d.recusals.length} 条）`,
              children: (
                <Table
                  size="small"
                  rowKey={(r) => `${r.applicationNumber}|${r.inspectorCode}|${r.rule}`}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  dataSource={d.recusals}
                  columns={[
                    { title: '申请编号', dataIndex: 'applicationNumber' },
                    { title: '督导人员编号', dataIndex: 'inspectorCode' },
                    {
                      title: '回避规则',
                      dataIndex: 'ruleLabel',
                      render: (v: string) => <Tag color="orange">{v}</Tag>,
                    },
                    { title: '说明', dataIndex: 'reason' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>

      {d.result && (
        <Card size="small" title="抽取结果">
          <Table
            size="small"
            rowKey="applicationNumber"
            pagination={false}
            // On a phone the columns shrink and wrap rather than scroll, so the inspector codes stay in view.
            scroll={narrow ? undefined : { x: 'max-content' }}
            dataSource={d.result.selected.map((s, i) => ({ ...s, order: i + 1 }))}
            columns={[
              ...(narrow ? [] : [{ title: '抽取顺序', dataIndex: 'order', width: 90 }]),
              { title: narrow ? '抽查对象' : '抽查对象（申请编号）', dataIndex: 'applicationNumber' },
              {
                title: narrow ? '督导人员' : '督导人员编号',
                dataIndex: 'inspectorCodes',
                render: (cs: string[]) => <Codes codes={cs} />,
              },
              ...(d.outcomes
                ? [
                    {
                      title: '复核结论',
                      key: 'outcome',
                      render: (_: unknown, s: { applicationNumber: string }) => {
                        const o = d.outcomes!.find((x) => x.applicationNumber === s.applicationNumber);
                        return o ? (
                          <Tag
                            color={o.outcome === 'pass' ? 'green' : o.outcome === 'fail' ? 'red' : 'default'}
                          >
                            {o.outcomeLabel}
                          </Tag>
                        ) : (
                          '—'
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />
          {p.kind === 'round' && (
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 12 }}
              items={[
                { key: 'not', label: '未抽中（直接通过）', children: <Codes codes={d.result.notSelected} /> },
                ...(d.result.skipped.length
                  ? [
                      {
                        key: 'skipped',
                        label: '抽取时已撤回（不再办理）',
                        children: <Codes codes={d.result.skipped.map((s) => s.applicationNumber)} />,
                      },
                    ]
                  : []),
                {
                  key: 'published',
                  label: '复核结果',
                  children: d.resultsPublishedAt
                    ? `已于 ${formatDateTime(d.resultsPublishedAt)} 公开`
                    : '复核完成后公开',
                },
              ]}
            />
          )}
        </Card>
      )}

      <Card size="small" title="复现核对">
        <DrawReplay draw={d} />
      </Card>
    </Space>
  );
}
