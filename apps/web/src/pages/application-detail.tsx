/**
 * 申请详情: GET /api/applications/:id — header with number and state, timeline, scope, materials (download),
 * the pre-check recorded at submission, and the viewer's actions from abilities: 继续编辑, 撤回
 * (POST …/withdraw {version, reason}), 下载回执 (GET …/receipt.pdf). Staff see it read-only.
 */
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { ApplicationDetail } from '../api/filing-types';
import { formatDateTime } from '../components/format';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { ApplicationTimeline } from './applications/ApplicationTimeline';
import { FactsView } from './applications/FactsView';
import { MaterialFiles } from './applications/MaterialFiles';
import { PrecheckReport } from './applications/PrecheckReport';
import { ScopeTable } from './applications/ScopeTable';
import { StatusTag } from './applications/StatusTag';
import { useChains } from './applications/useChains';

export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const chains = useChains();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

  const load = useCallback(() => {
    api
      .get<ApplicationDetail>(`/api/applications/${encodeURIComponent(id)}`, undefined, { silent: true })
      .then(
        (d) => {
          setDetail(d);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
      );
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title="无法打开该申请" subTitle={error} />;
  if (!detail) return <Skeleton active />;

  const receipt = () =>
    void api
      .download(`/api/applications/${detail.id}/receipt.pdf`, `申报回执-${detail.number ?? ''}.pdf`)
      .catch(() => undefined);

  return (
    <>
      <PageHeader
        title={detail.number ? `备案申请 ${detail.number}` : '备案申请（草稿）'}
        description={
          <Space size={8} wrap>
            <StatusTag status={detail.status} label={detail.statusLabel} />
            {detail.organizationName} · {detail.roundTitle}
          </Space>
        }
        extra={
          <>
            {detail.abilities.edit && (
              <Button type="primary" onClick={() => navigate(`/applications/${detail.id}/edit`)}>
                继续编辑
              </Button>
            )}
            {detail.abilities.downloadReceipt && <Button onClick={receipt}>下载回执</Button>}
            {detail.abilities.withdraw && (
              <Button danger onClick={() => setWithdrawing(true)}>
                撤回
              </Button>
            )}
          </>
        }
      />
      {detail.status === 'returned' && detail.abilities.edit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="申请已退回补正：请查看时间线中的退回理由，点击“继续编辑”修改后重新提交"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="申请信息">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'round', label: '征集批次', children: detail.roundTitle },
                  { key: 'submitted', label: '提交时间', children: formatDateTime(detail.submittedAt) },
                  {
                    key: 'signer',
                    label: '承诺人',
                    children: detail.commitment
                      ? `${detail.commitment.signerName}（${formatDateTime(detail.commitment.signedAt)}）`
                      : '—',
                  },
                  { key: 'updated', label: '最后修改', children: formatDateTime(detail.updatedAt) },
                ]}
              />
            </Card>
            <Card size="small" title="单位情况">
              <FactsView detail={detail} />
            </Card>
            <Card size="small" title={`申报职业（工种）（${detail.scopeItems.length} 项）`}>
              <ScopeTable items={detail.scopeItems} chains={chains} />
            </Card>
            <Card size="small" title="备案材料">
              <Descriptions
                size="small"
                bordered
                column={1}
                styles={{ label: { width: 200 } }}
                items={detail.materialSlots.map((s) => ({
                  key: s.key,
                  label: `${s.label}${s.required ? '' : '（选填）'}`,
                  children: (
                    <MaterialFiles
                      applicationId={detail.id}
                      files={detail.materials.filter((m) => m.slotKey === s.key)}
                    />
                  ),
                }))}
              />
            </Card>
            <Card size="small" title="提交时的预检结果">
              {detail.precheck ? (
                <PrecheckReport result={detail.precheck} />
              ) : (
                <Alert type="info" showIcon title="尚未提交；提交时系统会重新预检并记录结果" />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="时间线">
            <ApplicationTimeline events={detail.timeline} />
          </Card>
        </Col>
      </Row>
      <FormModal<{ reason?: string }>
        open={withdrawing}
        danger
        title="撤回申请"
        okText="确认撤回"
        onClose={() => setWithdrawing(false)}
        onSubmit={async ({ reason }) => {
          const d = await api.post<ApplicationDetail>(`/api/applications/${detail.id}/withdraw`, {
            version: detail.version,
            ...(reason?.trim() ? { reason: reason.trim() } : {}),
          });
          setDetail(d);
          void message.success('申请已撤回');
        }}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="撤回后本申请终止，不能恢复；如需继续申报，可在征集期内新建申请。"
        />
        <Form.Item name="reason" label="撤回理由（选填）">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
