/**
 * 申请详情: GET /api/applications/:id — header with number and state, timeline, scope, materials (download,
 * return comments beside each slot), the pre-check recorded at submission, and the viewer's actions from
 * abilities: 继续编辑, 撤回 (POST …/withdraw {version, reason}), 下载回执, 下载决定书; city_center 核验
 * (abilities.verify); city_bureau 退回重新核验 (abilities.sendBack), 专家抽取, 实地评估, 书面评估意见.
 */
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Skeleton, Space } from 'antd';
import { useCan } from '../auth/session';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { ApplicationDetail } from '../api/filing-types';
import { formatDateTime } from '../components/format';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { ApplicationCards } from './applications/ApplicationCards';
import { ApplicationTimeline } from './applications/ApplicationTimeline';
import { PrecheckReport } from './applications/PrecheckReport';
import { StatusTag } from './applications/StatusTag';
import { CityReviewPanels } from './review/CityReviewPanels';
import { ProvinceReviewPanel } from './province/ProvinceReviewPanel';
import { DueDate } from './review/DueDate';
import { downloadOpinion } from './review/OpinionCard';
import { VerifyPanel } from './review/VerifyPanel';
import { downloadFilingConfirmation } from './filing-lists/download';

const DECISION_STATES = ['returned', 'rejected', 'not_recommended'];
const CITY_REVIEW_STATES = [
  'verified',
  'recommended',
  'not_recommended',
  'province_review',
  'spot_check_pool',
  'spot_check',
  'cleared',
  'in_notice',
  'notice_passed',
  'filed',
];
const OPINION_STATES = CITY_REVIEW_STATES.filter((s) => s !== 'verified');
/** 省级评估 (通知第五条第三款) exists only once an application has been forwarded; before that nothing to fetch. */
const PRE_REVIEW_STATES = ['draft', 'submitted', 'returned', 'recommended'];

export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [sendingBack, setSendingBack] = useState(false);

  const load = useCallback(() => {
    api.get('/api/applications/:id', { params: { id } }, { silent: true }).then(
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
  const decisionLetter = () =>
    void api
      .download(`/api/applications/${detail.id}/decision-letter.pdf`, `决定书-${detail.number ?? ''}.pdf`)
      .catch(() => undefined);
  // Case staff (those with an inbox): they see stage deadlines and the city's documents; experts and
  // inspectors see only their task.
  const staff = can('inbox.read');
  const reviewRole = can('expertReview.read');
  // The applicant and case staff follow the whole case; experts and inspectors only their part of it.
  const followsCase = can('application.list');
  const showCityReview = reviewRole && CITY_REVIEW_STATES.includes(detail.status);

  return (
    <>
      <PageHeader
        title={detail.number ? `备案申请 ${detail.number}` : '备案申请（草稿）'}
        description={
          <Space size={8} wrap>
            <span data-testid="application-status">
              <StatusTag status={detail.status} label={detail.statusLabel} />
            </span>
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
            {DECISION_STATES.includes(detail.status) && detail.number && (
              <Button onClick={decisionLetter}>下载决定书</Button>
            )}
            {OPINION_STATES.includes(detail.status) && (staff || detail.status === 'not_recommended') && (
              <Button onClick={() => downloadOpinion(detail)}>下载评估意见书</Button>
            )}
            {detail.status === 'filed' && followsCase && (
              <Button onClick={() => downloadFilingConfirmation(detail)}>下载备案确认通知书</Button>
            )}
            {detail.abilities.sendBack && (
              <Button danger onClick={() => setSendingBack(true)}>
                退回重新核验
              </Button>
            )}
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
          title="申请已退回补正：请查看各项材料旁的补正意见，点击“继续编辑”在第③步替换材料，再到第⑤步承诺提交"
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
                  ...(staff && detail.stageDueDate
                    ? [
                        {
                          key: 'due',
                          label: '本环节办理时限',
                          children: (
                            <DueDate
                              date={detail.stageDueDate}
                              provisional={detail.stageDueProvisional}
                              daysRemaining={detail.stageDaysRemaining}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            {detail.abilities.verify && <VerifyPanel detail={detail} onChanged={setDetail} />}
            {followsCase && !PRE_REVIEW_STATES.includes(detail.status) && (
              <ProvinceReviewPanel detail={detail} canAct={can('provinceReview.record')} onChanged={load} />
            )}
            {showCityReview && (
              <CityReviewPanels detail={detail} canAct={can('opinion.write')} onChanged={load} />
            )}
            <ApplicationCards detail={detail} hideMaterials={detail.abilities.verify} />
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
          const d = await api.post('/api/applications/:id/withdraw', {
            params: { id: detail.id },
            body: {
              version: detail.version,
              ...(reason?.trim() ? { reason: reason.trim() } : {}),
            },
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
      <FormModal<{ reason: string }>
        open={sendingBack}
        danger
        title="退回市州鉴定中心重新核验"
        okText="确认退回"
        onClose={() => setSendingBack(false)}
        onSubmit={async ({ reason }) => {
          const d = await api.post('/api/applications/:id/send-back', {
            params: { id: detail.id },
            body: {
              reason: reason.trim(),
              version: detail.version,
            },
          });
          setDetail(d);
          void message.success('已退回市州鉴定中心重新核验');
        }}
      >
        <Form.Item
          name="reason"
          label="退回原因"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写退回原因' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
