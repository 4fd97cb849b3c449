/**
 * 评分 /my/assignments/:assignmentId (expert): the application read-only (GET /api/applications/:id), then
 * the scoring form — six dimensions 0–100 with comments, per scope item 推荐 / 不推荐 (+ reason), overall
 * comment — PUT /api/my/assignments/:assignmentId/review after a confirmation; locked once submitted.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Result, Row, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { REVIEW_DIMENSIONS, REVIEW_SCORE_MAX, REVIEW_SCORE_MIN } from '@skillcert/domain';
import { api, ApiError } from '../api/client';
import type { ApplicationDetail } from '../api/filing-types';
import type { MyAssignment } from '../api/review-types';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { ApplicationCards } from './applications/ApplicationCards';
import { StatusTag } from './applications/StatusTag';
import { occupationNameOf, occupationWithJob } from '../components/occupation-label';
import { ItemVerdictTable } from '../components/ItemVerdictTable';

interface Values {
  scores: Record<string, { score: number; comment?: string }>;
  items: Record<string, { recommend: boolean; reason?: string }>;
  overallComment?: string;
}

export default function AssignmentReviewPage() {
  const { assignmentId = '' } = useParams();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [assignment, setAssignment] = useState<MyAssignment | null>(null);
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const { items } = await api.get('/api/my/assignments', undefined, {
        silent: true,
      });
      const a = items.find((i) => i.assignmentId === assignmentId);
      if (!a) throw new ApiError('NOT_FOUND', '没有找到该评审任务，可能已被替换', undefined, 404);
      setAssignment(a);
      setDetail(
        await api.get('/api/applications/:id', { params: { id: a.applicationId } }, { silent: true }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试');
    }
  }, [assignmentId]);
  useEffect(() => void load(), [load]);

  if (error)
    return (
      <Result
        status="404"
        title="无法打开评审任务"
        subTitle={error}
        extra={<Link to="/my/assignments">返回我的评审任务</Link>}
      />
    );
  if (!assignment || !detail) return <Skeleton active />;
  const locked = !assignment.allowedActions.includes('submit');
  const submitted = assignment.review;

  const send = async (v: Values) => {
    setBusy(true);
    try {
      const r = await api.put('/api/my/assignments/:assignmentId/review', {
        params: { assignmentId },
        body: {
          scores: Object.fromEntries(
            REVIEW_DIMENSIONS.map((d) => [
              d.code,
              { score: v.scores[d.code]!.score, comment: v.scores[d.code]?.comment?.trim() ?? '' },
            ]),
          ),
          itemRecommendations: detail.scopeItems.map((s) => {
            const it = v.items[s.id]!;
            const reason = it.reason?.trim();
            return { scopeItemId: s.id, recommend: it.recommend, ...(reason ? { reason } : {}) };
          }),
          ...(v.overallComment?.trim() ? { overallComment: v.overallComment.trim() } : {}),
        },
      });
      void message.success('评分表已提交');
      setAssignment({
        ...assignment,
        status: 'submitted',
        statusLabel: '已提交',
        allowedActions: [],
        submittedAt: r.submittedAt,
      });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REVIEW_ALREADY_SUBMITTED') void load();
    } finally {
      setBusy(false);
    }
  };
  const confirm = (v: Values) =>
    modal.confirm({
      title: '提交评分表？',
      content: '提交后评分表锁定，不能再修改。',
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: () => send(v),
    });

  return (
    <>
      <PageHeader
        title={`评审 ${detail.number ?? ''}`}
        description={
          <Space size={8} wrap>
            <StatusTag status={detail.status} label={detail.statusLabel} />
            {detail.organizationName} · {detail.roundTitle}
          </Space>
        }
        extra={<Link to="/my/assignments">返回我的评审任务</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <ApplicationCards detail={detail} />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="专家评分表" data-testid="review-form">
            {locked && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                title={`已于 ${formatDateTime(assignment.submittedAt)} 提交，评分表已锁定`}
              />
            )}
            <Form<Values>
              form={form}
              name="review"
              layout="vertical"
              disabled={locked}
              onFinish={confirm}
              initialValues={
                submitted
                  ? {
                      scores: submitted.scores,
                      items: Object.fromEntries(
                        submitted.itemRecommendations.map((r) => [
                          r.scopeItemId,
                          { recommend: r.recommend, reason: r.reason ?? undefined },
                        ]),
                      ),
                      overallComment: submitted.overallComment ?? undefined,
                    }
                  : { items: Object.fromEntries(detail.scopeItems.map((s) => [s.id, { recommend: true }])) }
              }
            >
              {REVIEW_DIMENSIONS.map((d) => (
                <Space key={d.code} align="start" wrap style={{ width: '100%' }}>
                  <Form.Item
                    name={['scores', d.code, 'score']}
                    label={d.name}
                    rules={[{ required: true, message: `请为${d.name}评分` }]}
                  >
                    <InputNumber
                      min={REVIEW_SCORE_MIN}
                      max={REVIEW_SCORE_MAX}
                      precision={0}
                      placeholder="0–100"
                    />
                  </Form.Item>
                  <Form.Item
                    name={['scores', d.code, 'comment']}
                    label={`${d.name}评语`}
                    style={{ minWidth: 320 }}
                  >
                    <Input maxLength={2000} />
                  </Form.Item>
                </Space>
              ))}
              <ItemVerdictTable
                items={detail.scopeItems}
                itemTitle="职业（工种）"
                itemText={occupationWithJob}
                field="recommend"
                verdictTitle="推荐意见"
                options={[
                  { value: true, label: '推荐' },
                  { value: false, label: '不推荐' },
                ]}
                negative={false}
                reasonTitle="理由（不推荐时必填）"
                reasonRequired="不推荐的须填写理由"
                verdictLabel={(s) => `${occupationNameOf(s)}推荐意见`}
                reasonLabel={(s) => `${occupationNameOf(s)}理由`}
                marginBottom={16}
              />
              <Form.Item name="overallComment" label="总体评价">
                <Input.TextArea rows={3} maxLength={4000} showCount />
              </Form.Item>
              {!locked && (
                <Button type="primary" htmlType="submit" loading={busy}>
                  提交评分表
                </Button>
              )}
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
