/**
 * 备案确认 of one passed notice (/filing-lists/confirm/:noticeId): the preview (GET
 * /api/filing-lists/pending/:noticeId) shows per application which items are filed, which social items R8
 * holds back (with the reason) and which were removed earlier; the province bureau picks the effective
 * date and confirms (POST /api/filing-lists {noticeId, effectiveDate, version}).
 */
import {
  App,
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../auth/session';
import { formatDate, formatDateTime, todayInShanghai, calendarDateOf } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import type { ConfirmationPreview } from './types';
import { codedOccupation } from '../../components/occupation-label';

type PreviewApp = ConfirmationPreview['applications'][number];
type PreviewItem = PreviewApp['items'][number];

const OUTCOME: Record<PreviewItem['outcome'], { color: string; label: string }> = {
  confirm: { color: 'green', label: '予以备案' },
  held: { color: 'orange', label: '暂缓确认（R8）' },
  excluded: { color: 'default', label: '不列入' },
};

export default function ConfirmFilingPage() {
  const { noticeId = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const can = useCan();
  const canConfirm = can('filingList.confirm');
  const [preview, setPreview] = useState<ConfirmationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [effectiveDate, setEffectiveDate] = useState<Dayjs>(dayjs(todayInShanghai()));
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api
      .get(
        '/api/filing-lists/pending/:noticeId',
        { params: { noticeId } },
        {
          silent: true,
        },
      )
      .then(setPreview, (e: Error) => setError(e.message));
  }, [noticeId]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title="无法打开该公示" subTitle={error} />;
  if (!preview) return <Skeleton active />;

  const count = (o: PreviewItem['outcome']) =>
    preview.applications.reduce((n, a) => n + a.items.filter((i) => i.outcome === o).length, 0);
  const newBodies = preview.applications.filter(
    (a) => !a.sequenceCode && a.items.some((i) => i.outcome === 'confirm'),
  ).length;

  const confirm = () =>
    modal.confirm({
      title: `确认备案公示 ${preview.number} 的名单？`,
      content: (
        <Space orientation="vertical">
          <span>
            将发布新一批备案名单：{count('confirm')} 项职业（工种）予以备案，{count('held')} 项暂缓确认； 为{' '}
            {newBodies} 家首次备案的机构分配评价机构序列码。
          </span>
          <span>生效日期：{calendarDateOf(effectiveDate)}。确认后不能撤回。</span>
        </Space>
      ),
      okText: '确认备案',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          const r = await api.post('/api/filing-lists', {
            body: {
              noticeId: preview.noticeId,
              effectiveDate: calendarDateOf(effectiveDate),
              version: preview.version,
            },
          });
          void message.success(`已发布第${r.sequence}批备案名单`);
          navigate(`/filing-lists/${r.id}`);
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) load();
        } finally {
          setBusy(false);
        }
      },
    });

  return (
    <>
      <PageHeader
        title={`备案确认：${preview.title}`}
        description={
          <Space wrap>
            <span>公示编号 {preview.number}</span>
            <span>
              公示期 {formatDate(preview.startDate)} 至 {formatDate(preview.endDate)}
            </span>
            <span>办结 {formatDateTime(preview.passedAt)}</span>
          </Space>
        }
        extra={<Link to="/filing-lists">返回</Link>}
      />
      {preview.blockedReason && (
        <Alert
          type={preview.filingListId ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={preview.blockedReason}
          action={
            preview.filingListId ? (
              <Link to={`/filing-lists/${preview.filingListId}`}>查看名单</Link>
            ) : undefined
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="予以备案">{count('confirm')} 项</Descriptions.Item>
          <Descriptions.Item label="暂缓确认">{count('held')} 项</Descriptions.Item>
          <Descriptions.Item label="新分配序列码">{newBodies} 家</Descriptions.Item>
        </Descriptions>
        {canConfirm && preview.confirmable && (
          <Form layout="inline" style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item label="生效日期" required>
              <DatePicker
                value={effectiveDate}
                onChange={(d) => d && setEffectiveDate(d)}
                allowClear={false}
                disabledDate={(d) => !!preview.endDate && calendarDateOf(d) <= preview.endDate}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" loading={busy} onClick={confirm}>
                备案确认并发布名单
              </Button>
            </Form.Item>
          </Form>
        )}
      </Card>
      {preview.applications.map((a) => (
        <Card
          key={a.applicationId}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <Link to={`/applications/${a.applicationId}`}>{a.applicationNumber ?? '申请'}</Link>
              <span>{a.organizationName}</span>
              <Typography.Text type="secondary">{a.creditCode}</Typography.Text>
            </Space>
          }
          extra={
            <Space wrap>
              <span>{a.cityName}</span>
              <Tag>{a.statusLabel}</Tag>
              {a.sequenceCode ? <Tag color="blue">序列码 {a.sequenceCode}</Tag> : <Tag>首次备案</Tag>}
            </Space>
          }
        >
          <Table<PreviewItem>
            size="small"
            rowKey="scopeItemId"
            pagination={false}
            dataSource={a.items}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: '职业（工种）',
                key: 'o',
                render: (_, i) => codedOccupation(i.occupationCode, i.occupationName, i.jobName),
              },
              { title: '等级', dataIndex: 'levelLabels', render: (l: string[]) => l.join('、') },
              { title: '评价方式', dataIndex: 'modeLabel' },
              {
                title: '确认结果',
                dataIndex: 'outcome',
                render: (o: PreviewItem['outcome']) => <Tag color={OUTCOME[o].color}>{OUTCOME[o].label}</Tag>,
              },
              { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
