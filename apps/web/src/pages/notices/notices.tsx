/**
 * 公示管理 /notices (province centre and bureau): GET /api/notices — every notice with its state, window and
 * open objections; the centre prepares a new one (POST /api/notices {title, roundId?, workingDays,
 * applicationIds}) from 已通过 applications, then opens it to edit; the bureau publishes from the detail.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { NoticeSummaryDto } from '@skillcert/contracts';
import { api } from '../../api/client';
import { useCan } from '../../auth/session';
import { formatDate } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { cleanQuery, SearchForm } from '../../components/SearchForm';
import { usePagedList } from '../../components/usePagedList';
import { NOTICE_STATUS_COLOR, PHASE_COLOR } from '../public/notice-parts';
import { CandidatePicker } from './candidate-picker';

const PHASE_LABEL: Record<string, string> = { upcoming: '未开始', open: '公示中', closed: '公示期已满' };

function PrepareModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; workingDays: number }>();
  const [roundId, setRoundId] = useState<string>();
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const ok = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (selected.length === 0) {
      void message.warning('请至少勾选一份"已通过"的申请');
      return;
    }
    setBusy(true);
    try {
      const n = await api.post('/api/notices', {
        body: {
          title: v.title.trim(),
          workingDays: v.workingDays,
          applicationIds: selected,
          ...(roundId ? { roundId } : {}),
        },
      });
      void message.success(`已生成公示草稿 ${n.number}`);
      onClose();
      navigate(`/notices/${n.id}`);
    } catch {
      // the API client has shown the message
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="拟定公示"
      width={960}
      okText={`生成公示草稿（${selected.length} 份申请）`}
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="prepareNotice"
        initialValues={{ title: '关于职业技能等级认定评价机构备案名单的公示', workingDays: 5 }}
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
          extra="不少于5个工作日（通知第五条第四款）；开始日期由省人社厅发布时确定，截止日期按节假日与调休安排计算。"
          rules={[{ required: true, message: '请填写公示工作日天数' }]}
        >
          <InputNumber min={5} max={30} precision={0} suffix="个工作日" style={{ width: 200 }} />
        </Form.Item>
      </Form>
      <Typography.Text strong>选择申请（已通过省级评估和抽查复核）</Typography.Text>
      <CandidatePicker value={selected} onChange={setSelected} roundId={roundId} onRoundChange={setRoundId} />
    </Modal>
  );
}

export default function NoticesPage() {
  const can = useCan();
  const [form] = Form.useForm();
  const list = usePagedList('/api/notices');
  const [preparing, setPreparing] = useState(false);
  const center = can('notice.prepare');

  return (
    <>
      <PageHeader
        title="公示管理"
        description={
          center
            ? '从"已通过"的申请拟定公示草稿，报省人社厅审定发布；公示期满且无未处理异议后办结。'
            : '审定发布省鉴定中心拟定的公示，确定开始日期；公示期满且无未处理异议后办结。'
        }
        extra={
          center && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPreparing(true)}>
              拟定公示
            </Button>
          )
        }
      />
      {!center && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="状态为“草稿”的公示待您审定发布" />
      )}
      <SearchForm form={form} onSearch={(v) => list.search(cleanQuery(v))}>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            options={[
              { value: 'draft', label: '草稿' },
              { value: 'published', label: '已发布' },
              { value: 'passed', label: '公示期满' },
            ]}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<NoticeSummaryDto>
        list={list}
        rowKey="id"
        emptyText={center ? '还没有公示：点击“拟定公示”从已通过的申请生成' : '还没有公示'}
        columns={[
          {
            title: '公示编号',
            dataIndex: 'number',
            render: (v: string, n) => <Link to={`/notices/${n.id}`}>{v}</Link>,
          },
          { title: '标题', dataIndex: 'title' },
          {
            title: '状态',
            key: 'status',
            render: (_v, n) => (
              <Space size={4}>
                <Tag color={NOTICE_STATUS_COLOR[n.status]}>{n.statusLabel}</Tag>
                {n.status === 'published' && n.phase && (
                  <Tag color={PHASE_COLOR[n.phase]}>{PHASE_LABEL[n.phase]}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: '公示期',
            key: 'window',
            render: (_v, n) =>
              n.startDate
                ? `${formatDate(n.startDate)} 至 ${formatDate(n.endDate)}${n.endDateProvisional ? '（暂定）' : ''}`
                : `${n.workingDays} 个工作日（待定）`,
          },
          { title: '申请数', dataIndex: 'applicationCount' },
          { title: '公示条目', dataIndex: 'itemCount' },
          {
            title: '异议',
            key: 'objections',
            render: (_v, n) =>
              n.objectionCount === 0 ? (
                '—'
              ) : (
                <Link to={`/objections?noticeId=${n.id}`}>
                  {n.objectionCount} 件
                  {n.openObjections > 0 && (
                    <Tag color="orange" style={{ marginLeft: 4 }}>
                      {n.openObjections} 件待处理
                    </Tag>
                  )}
                </Link>
              ),
          },
          { title: '拟定日期', dataIndex: 'preparedAt', render: (v: string) => formatDate(v) },
        ]}
      />
      <PrepareModal
        open={preparing}
        onClose={() => {
          setPreparing(false);
          list.reload();
        }}
      />
    </>
  );
}
