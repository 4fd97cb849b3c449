/**
 * 异议详情 /objections/:id: GET /api/objections/:id — the item or application objected to, the facts and
 * reasons, the evidence files, the contact with the phone masked (查看完整号码: POST …/reveal-contact with
 * a reason, audited); the province centre answers (POST …/answer {version, outcome, reply}): upheld
 * removes the item (or ends the application), the reply is shown on the public tracking page.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ObjectionDetailDto } from '@skillcert/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { OBJECTION_STATUS_COLOR } from '../public/notice-parts';

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function AnswerCard({
  objection,
  onDone,
}: {
  objection: ObjectionDetailDto;
  onDone(d: ObjectionDetailDto): void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ outcome: 'upheld' | 'dismissed'; reply: string }>();
  const outcome = Form.useWatch('outcome', form);

  const submit = (v: { outcome: 'upheld' | 'dismissed'; reply: string }) =>
    modal.confirm({
      title: v.outcome === 'upheld' ? '确认异议成立？' : '确认异议不成立？',
      content:
        v.outcome === 'upheld'
          ? objection.noticeItemId
            ? '该职业（工种）将移出公示、不予备案；如为该单位最后一个公示条目，整个申请不予通过并出具决定书。答复意见将在回执查询页公开。'
            : '该单位的全部公示条目将移出公示，申请不予通过并出具决定书。答复意见将在回执查询页公开。'
          : '公示名单不变。答复意见将在回执查询页公开。',
      okText: '确认答复',
      okButtonProps: { danger: v.outcome === 'upheld' },
      cancelText: '取消',
      onOk: async () => {
        const d = await api.post('/api/objections/:id/answer', {
          params: { id: objection.id },
          body: {
            version: objection.version,
            outcome: v.outcome,
            reply: v.reply.trim(),
          },
        });
        void message.success('已答复');
        onDone(d);
      },
    });

  return (
    <Card size="small" title="核查答复">
      <Form form={form} layout="vertical" onFinish={submit} name="answerObjection">
        <Form.Item name="outcome" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
          <Radio.Group
            options={[
              { value: 'upheld', label: '异议成立' },
              { value: 'dismissed', label: '异议不成立' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reply"
          label="答复意见（在回执查询页公开，请勿写入个人信息）"
          extra={outcome === 'upheld' ? '同时作为移出公示、不予备案的理由写入决定书' : undefined}
          rules={[{ required: true, whitespace: true, min: 5, message: '请填写答复意见（至少5个字）' }]}
        >
          <Input.TextArea rows={4} maxLength={3000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提交答复
        </Button>
      </Form>
    </Card>
  );
}

export default function ObjectionDetailPage() {
  const { id = '' } = useParams();
  const [objection, setObjection] = useState<ObjectionDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [phone, setPhone] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get('/api/objections/:id', { params: { id } }, { silent: true })
      .then(setObjection, (e: unknown) =>
        setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
      );
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title="无法打开该异议" subTitle={error} />;
  if (!objection) return <Skeleton active />;
  const o = objection;

  return (
    <>
      <PageHeader
        title={`异议 ${o.receiptNumber}`}
        description={
          <Space size={8} wrap>
            <Tag color={OBJECTION_STATUS_COLOR[o.status]}>{o.statusLabel}</Tag>
            <Link to={`/notices/${o.noticeId}`}>
              {o.noticeNumber} {o.noticeTitle}
            </Link>
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="异议内容">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'org',
                label: '申报单位',
                children: (
                  <Link
                    to={`/applications/${o.applicationId}`}
                  >{`${o.organizationName}（${o.applicationNumber}）`}</Link>
                ),
              },
              { key: 'subject', label: '异议对象', children: o.subject },
              ...(o.noticeItem
                ? [
                    { key: 'levels', label: '等级', children: o.noticeItem.levelsLabel },
                    { key: 'mode', label: '评价方式', children: o.noticeItem.modeLabel },
                    {
                      key: 'itemStatus',
                      label: '条目状态',
                      children: (
                        <Tag color={o.noticeItem.status === 'listed' ? 'blue' : 'red'}>
                          {o.noticeItem.statusLabel}
                        </Tag>
                      ),
                    },
                  ]
                : []),
              { key: 'submitted', label: '提交时间', children: formatDateTime(o.createdAt) },
              {
                key: 'contact',
                label: '异议人',
                children: (
                  <Space wrap>
                    <span>{o.contactName}</span>
                    <span>{phone ?? o.contactPhoneMasked}</span>
                    {o.abilities.revealContact && !phone && (
                      <Button size="small" type="link" onClick={() => setRevealing(true)}>
                        查看完整号码
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>异议事实和理由</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</Typography.Paragraph>
          <Typography.Title level={5}>证明材料</Typography.Title>
          {o.evidence.length === 0 ? (
            <Typography.Text type="secondary">未提交证明材料</Typography.Text>
          ) : (
            <Space wrap>
              {o.evidence.map((f) => (
                <Button
                  key={f.id}
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    void api
                      .download(`/api/objections/${o.id}/evidence/${f.id}`, f.originalName)
                      .catch(() => undefined)
                  }
                >
                  {f.originalName}（{kb(f.sizeBytes)}）
                </Button>
              ))}
            </Space>
          )}
        </Card>
        {o.status !== 'open' && (
          <Card size="small" title="答复">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'outcome',
                  label: '核查结论',
                  children: <Tag color={OBJECTION_STATUS_COLOR[o.status]}>{o.statusLabel}</Tag>,
                },
                { key: 'reply', label: '答复意见', children: o.reply },
                {
                  key: 'by',
                  label: '答复人',
                  children: `${o.handledByName ?? '—'} ${formatDateTime(o.handledAt)}`,
                },
              ]}
            />
          </Card>
        )}
        {o.abilities.answer && <AnswerCard objection={o} onDone={setObjection} />}
        {o.status === 'open' && !o.abilities.answer && (
          <Alert type="info" showIcon title="该异议由省鉴定中心核查答复" />
        )}
      </Space>
      <FormModal<{ reason: string }>
        open={revealing}
        title="查看完整联系电话"
        okText="查看"
        onClose={() => setRevealing(false)}
        onSubmit={async ({ reason }) => {
          const r = await api.post('/api/objections/:id/reveal-contact', {
            params: { id: o.id },
            body: {
              reason: reason.trim(),
            },
          });
          setPhone(r.phone);
        }}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="查看完整号码将记入审计日志，请填写用途"
        />
        <Form.Item
          name="reason"
          label="查看原因"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因（至少2个字）' }]}
        >
          <Input maxLength={200} placeholder="例如：电话联系异议人核实情况" />
        </Form.Item>
      </FormModal>
    </>
  );
}
