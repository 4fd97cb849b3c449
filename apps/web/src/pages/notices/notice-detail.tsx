/**
 * 公示详情 /notices/:id (province staff): GET /api/notices/:id. The centre edits a draft (PATCH: title,
 * working days, add / remove applications, version-checked); the bureau picks the start date, sees the
 * computed end date with the explanation of every skipped day (GET …/preview) and publishes (POST
 * …/publish); after the end date with no open objection either of them closes it (POST …/pass). The list,
 * the applications with their states, the objections, and the PDF / Excel.
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
  InputNumber,
  Modal,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { NoticeDetailDto, ObjectionSummaryDto } from '@skillcert/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateLong, formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../applications/StatusTag';
import {
  NOTICE_STATUS_COLOR,
  NoticeItems,
  NoticeWindow,
  OBJECTION_STATUS_COLOR,
  PHASE_COLOR,
} from '../public/notice-parts';
import { CandidatePicker } from './candidate-picker';
import { PublishCard } from './publish-card';

const PHASE_LABEL: Record<string, string> = { upcoming: '未开始', open: '公示中', closed: '公示期已满' };

export default function NoticeDetailPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const [notice, setNotice] = useState<NoticeDetailDto | null>(null);
  const [objections, setObjections] = useState<ObjectionSummaryDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [toAdd, setToAdd] = useState<string[]>([]);

  const load = useCallback(() => {
    api.get('/api/notices/:id', { params: { id } }, { silent: true }).then(
      (d) => {
        setNotice(d);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
    );
    api.get('/api/objections', { query: { noticeId: id, pageSize: 200 } }, { silent: true }).then(
      (d) => setObjections(d.items),
      () => setObjections([]),
    );
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title="无法打开该公示" subTitle={error} />;
  if (!notice) return <Skeleton active />;

  const patch = async (body: Record<string, unknown>) => {
    const d = await api.patch('/api/notices/:id', {
      params: { id: notice.id },
      body: {
        version: notice.version,
        ...body,
      },
    });
    setNotice(d);
    return d;
  };
  const remove = (applicationId: string, number: string) =>
    modal.confirm({
      title: `将 ${number} 移出本公示草稿？`,
      okText: '移出',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        await patch({ removeApplicationIds: [applicationId] });
        void message.success('已移出');
      },
    });
  const pass = () =>
    modal.confirm({
      title: `办结公示 ${notice.number}？`,
      content: '公示期已满且没有未处理的异议：名单中“公示中”的申请转为“公示通过”，进入备案确认。',
      okText: '确认办结',
      cancelText: '取消',
      onOk: async () => {
        const d = await api.post('/api/notices/:id/pass', {
          params: { id: notice.id },
          body: {
            version: notice.version,
          },
        });
        setNotice(d);
        void message.success('公示已办结');
      },
    });
  const download = (format: 'pdf' | 'xlsx') =>
    void api
      .download(format === 'pdf' ? notice.pdfUrl : notice.xlsxUrl, `公示-${notice.number}.${format}`)
      .catch(() => undefined);

  const notEnded = notice.status === 'published' && notice.phase !== 'closed';
  const waiting = notice.status === 'published' && notice.phase === 'closed' && notice.openObjections > 0;

  return (
    <>
      <PageHeader
        title={`公示 ${notice.number}`}
        description={
          <Space size={8} wrap>
            <Tag color={NOTICE_STATUS_COLOR[notice.status]}>{notice.statusLabel}</Tag>
            {notice.status === 'published' && notice.phase && (
              <Tag color={PHASE_COLOR[notice.phase]}>{PHASE_LABEL[notice.phase]}</Tag>
            )}
            {notice.title}
          </Space>
        }
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => download('pdf')}>
              PDF
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download('xlsx')}>
              Excel
            </Button>
            {notice.abilities.edit && <Button onClick={() => setEditing(true)}>修改标题和公示期</Button>}
            {notice.abilities.edit && (
              <Button
                onClick={() => {
                  setToAdd([]);
                  setAdding(true);
                }}
              >
                添加申请
              </Button>
            )}
            {notice.abilities.pass && (
              <Button type="primary" onClick={pass}>
                办结公示
              </Button>
            )}
            {notice.status !== 'draft' && (
              <Link to={`/public/notices/${notice.id}`} target="_blank">
                <Button type="link">公开页面</Button>
              </Link>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {notice.status === 'draft' && !notice.abilities.publish && !notice.abilities.edit && (
          <Alert type="info" showIcon title="公示草稿，待省鉴定中心完善后由省人社厅审定发布" />
        )}
        {notice.status === 'draft' && notice.abilities.edit && (
          <Alert
            type="info"
            showIcon
            title="公示草稿：可增删申请、修改标题和公示期；完成后由省人社厅审定发布并确定开始日期"
          />
        )}
        {notEnded && (
          <Alert
            type="info"
            showIcon
            title={`公示期至 ${formatDateLong(notice.endDate)} 23:59:59 止；期满且无未处理异议时，系统自动办结（也可手动办结）`}
          />
        )}
        {waiting && (
          <Alert
            type="warning"
            showIcon
            title={`公示期已满，尚有 ${notice.openObjections} 件异议未处理：处理完毕后方可办结`}
            action={<Link to={`/objections?noticeId=${notice.id}&status=open`}>去处理</Link>}
          />
        )}
        {notice.abilities.publish && <PublishCard notice={notice} onDone={setNotice} />}
        <Card size="small" title="公示信息">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'title', label: '标题', children: notice.title },
              { key: 'round', label: '征集批次', children: notice.roundTitle ?? '—' },
              { key: 'days', label: '公示期', children: `${notice.workingDays} 个工作日` },
              {
                key: 'counts',
                label: '名单',
                children: `${notice.applicationCount} 份申请、${notice.itemCount} 个职业（工种）`,
              },
              {
                key: 'prepared',
                label: '拟定',
                children: `${notice.preparedByName ?? '—'} ${formatDateTime(notice.preparedAt)}`,
              },
              {
                key: 'published',
                label: '发布',
                children: notice.publishedAt
                  ? `${notice.publishedByName ?? '—'} ${formatDateTime(notice.publishedAt)}`
                  : '—',
              },
              ...(notice.passedAt
                ? [
                    {
                      key: 'passed',
                      label: '办结',
                      children: `${notice.passedByName ?? '—'} ${formatDateTime(notice.passedAt)}`,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {notice.window && (
          <Card size="small" title="公示期（按节假日与调休安排计算）">
            <NoticeWindow window={notice.window} />
          </Card>
        )}
        <Card size="small" title="申请">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={notice.applications}
            columns={[
              {
                title: '申请编号',
                dataIndex: 'number',
                render: (v: string, a) => <Link to={`/applications/${a.id}`}>{v}</Link>,
              },
              { title: '申报单位', dataIndex: 'organizationName' },
              { title: '市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
              {
                title: '状态',
                key: 'status',
                render: (_v, a) => <StatusTag status={a.status} label={a.statusLabel} />,
              },
              {
                title: '公示条目',
                key: 'items',
                render: (_v, a) =>
                  a.rejectedItemCount > 0
                    ? `${a.itemCount} 项（${a.rejectedItemCount} 项异议成立移出）`
                    : `${a.itemCount} 项`,
              },
              ...(notice.abilities.edit
                ? [
                    {
                      title: '操作',
                      key: 'remove',
                      render: (_v: unknown, a: NoticeDetailDto['applications'][number]) => (
                        <Button size="small" danger type="link" onClick={() => remove(a.id, a.number)}>
                          移出
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card size="small" title="公示名单">
          <NoticeItems items={notice.items} />
        </Card>
        {notice.status !== 'draft' && (
          <Card size="small" title={`异议（${objections.length} 件）`}>
            <Table<ObjectionSummaryDto>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={objections}
              locale={{ emptyText: '未收到异议' }}
              columns={[
                {
                  title: '回执号',
                  dataIndex: 'receiptNumber',
                  render: (v: string, o) => <Link to={`/objections/${o.id}`}>{v}</Link>,
                },
                {
                  title: '异议对象',
                  key: 'subject',
                  render: (_v, o) => `${o.organizationName} — ${o.subject}`,
                },
                {
                  title: '状态',
                  dataIndex: 'statusLabel',
                  render: (v: string, o) => <Tag color={OBJECTION_STATUS_COLOR[o.status]}>{v}</Tag>,
                },
                { title: '提交时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              ]}
            />
          </Card>
        )}
      </Space>
      <FormModal<{ title: string; workingDays: number }>
        open={editing}
        title="修改公示草稿"
        okText="保存"
        initialValues={{ title: notice.title, workingDays: notice.workingDays }}
        onClose={() => setEditing(false)}
        onSubmit={async (v) => {
          await patch({ title: v.title.trim(), workingDays: v.workingDays });
          void message.success('已保存');
        }}
      >
        <Form.Item
          name="title"
          label="公示标题"
          rules={[{ required: true, whitespace: true, min: 4, message: '标题至少4个字' }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label="公示期（工作日）"
          extra="不少于5个工作日（通知第五条第四款）"
          rules={[{ required: true, message: '请填写公示工作日天数' }]}
        >
          <InputNumber min={5} max={30} precision={0} suffix="个工作日" style={{ width: 200 }} />
        </Form.Item>
      </FormModal>
      <Modal
        open={adding}
        title="添加申请"
        width={900}
        okText={`添加（${toAdd.length} 份）`}
        cancelText="取消"
        okButtonProps={{ disabled: toAdd.length === 0 }}
        onCancel={() => setAdding(false)}
        onOk={async () => {
          try {
            await patch({ addApplicationIds: toAdd });
            void message.success('已添加');
            setAdding(false);
          } catch {
            // the API client has shown the message
          }
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {notice.roundTitle ? `仅列出“${notice.roundTitle}”中已通过的申请。` : '列出全部已通过的申请。'}
        </Typography.Paragraph>
        <CandidatePicker
          value={toAdd}
          onChange={setToAdd}
          roundId={notice.roundId ?? undefined}
          exclude={notice.applications.map((a) => a.id)}
        />
      </Modal>
    </>
  );
}
