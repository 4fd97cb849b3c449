/**
 * 实地评估 (city_bureau): the recorded visits (checklist per material slot, findings, photos) and the form
 * POST /api/applications/:id/site-assessments {visitDate, participants, checklist, findings}; photos
 * POST …/site-assessments/:sid/photos (multipart `file`, jpg/png).
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { MaterialSlotView } from '../../api/filing-types';
import type { SiteAssessment } from '../../api/review-types';
import { formatDate, calendarDateOf } from '../../components/format';

interface Values {
  visitDate: Dayjs;
  participants: string;
  findings: string;
  checklist: Record<string, { verdict: 'met' | 'not_met'; note?: string }>;
}

function Photos({
  applicationId,
  site,
  canUpload,
  onChanged,
}: {
  applicationId: string;
  site: SiteAssessment;
  canUpload: boolean;
  onChanged(): void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const params = { id: applicationId, sid: site.id };
  const base = `/api/applications/${applicationId}/site-assessments/${site.id}/photos`;
  return (
    <Space wrap>
      {site.photos.length === 0 && <Typography.Text type="secondary">无照片</Typography.Text>}
      {site.photos.map((p) => (
        <a
          key={p.id}
          onClick={() => void api.download(`${base}/${p.id}`, p.originalName).catch(() => undefined)}
        >
          {p.originalName}
        </a>
      ))}
      {canUpload && (
        <Upload
          accept=".jpg,.jpeg,.png"
          showUploadList={false}
          customRequest={({ file }) => {
            const form = new FormData();
            form.append('file', file as File, (file as File).name);
            setBusy(true);
            api
              .upload(
                '/api/applications/:id/site-assessments/:sid/photos',
                { params, form },
                { silent: true },
              )
              .then(
                () => {
                  void message.success('照片已上传');
                  onChanged();
                },
                (e: unknown) => void message.error(e instanceof ApiError ? e.message : '上传失败'),
              )
              .finally(() => setBusy(false));
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy}>
            上传现场照片
          </Button>
        </Upload>
      )}
    </Space>
  );
}

export function SiteAssessmentCard({
  applicationId,
  slots,
  sites,
  canRecord,
  onChanged,
}: {
  applicationId: string;
  slots: MaterialSlotView[];
  sites: SiteAssessment[];
  canRecord: boolean;
  onChanged(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const showForm = canRecord && (sites.length === 0 || adding);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api.post('/api/applications/:id/site-assessments', {
        params: { id: applicationId },
        body: {
          visitDate: calendarDateOf(v.visitDate),
          participants: v.participants.trim(),
          findings: v.findings.trim(),
          checklist: slots.map((s) => {
            const c = v.checklist[s.key]!;
            const note = c.note?.trim();
            return { slotKey: s.key, verdict: c.verdict, ...(note ? { note } : {}) };
          }),
        },
      });
      void message.success('实地评估已记录，可继续上传现场照片');
      form.resetFields();
      setAdding(false);
      onChanged();
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title="实地评估"
      data-testid="site-assessment-card"
      extra={
        canRecord &&
        sites.length > 0 &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            补充记录
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {sites.map((s) => (
          <Descriptions
            key={s.id}
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'date', label: '评估日期', children: formatDate(s.visitDate) },
              { key: 'who', label: '评估人员', children: s.participants },
              {
                key: 'list',
                label: '逐项核查',
                children: (
                  <Table
                    size="small"
                    rowKey="slotKey"
                    pagination={false}
                    showHeader={false}
                    dataSource={s.checklist}
                    columns={[
                      { dataIndex: 'label' },
                      {
                        dataIndex: 'verdict',
                        render: (v: string, c) => (
                          <Tag color={v === 'met' ? 'green' : 'red'}>{c.verdictLabel}</Tag>
                        ),
                      },
                      { dataIndex: 'note', render: (n: string | null) => n ?? '' },
                    ]}
                  />
                ),
              },
              { key: 'findings', label: '评估发现', children: s.findings },
              {
                key: 'photos',
                label: '现场照片',
                children: (
                  <Photos
                    applicationId={applicationId}
                    site={s}
                    canUpload={canRecord}
                    onChanged={onChanged}
                  />
                ),
              },
            ]}
          />
        ))}
        {!canRecord && sites.length === 0 && (
          <Typography.Text type="secondary">尚未记录实地评估</Typography.Text>
        )}
        {showForm && (
          <Form<Values>
            form={form}
            name="site-assessment"
            layout="vertical"
            onFinish={(v) => void submit(v)}
            initialValues={{
              visitDate: dayjs(),
              checklist: Object.fromEntries(slots.map((s) => [s.key, { verdict: 'met' }])),
            }}
          >
            <Space wrap align="start">
              <Form.Item
                name="visitDate"
                label="评估日期"
                rules={[{ required: true, message: '请选择评估日期' }]}
              >
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item
                name="participants"
                label="评估人员"
                rules={[{ required: true, whitespace: true, min: 2, message: '请填写评估人员' }]}
              >
                <Input
                  style={{ width: 360 }}
                  placeholder="如：王焊、李铸（专家），张三（市人社局）"
                  maxLength={500}
                />
              </Form.Item>
            </Space>
            <Typography.Text strong>逐项核查（对照备案材料）</Typography.Text>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              style={{ margin: '8px 0 16px' }}
              dataSource={slots}
              columns={[
                { title: '材料项', dataIndex: 'label' },
                {
                  title: '核查结论',
                  key: 'verdict',
                  render: (_, s) => (
                    <Form.Item name={['checklist', s.key, 'verdict']} noStyle>
                      <Radio.Group
                        aria-label={`${s.label}核查结论`}
                        options={[
                          { value: 'met', label: '符合' },
                          { value: 'not_met', label: '不符合' },
                        ]}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '说明',
                  key: 'note',
                  render: (_, s) => (
                    <Form.Item name={['checklist', s.key, 'note']} noStyle>
                      <Input aria-label={`${s.label}核查说明`} maxLength={1000} />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Form.Item
              name="findings"
              label="评估发现"
              rules={[{ required: true, whitespace: true, min: 2, message: '请填写评估发现' }]}
            >
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存实地评估
              </Button>
              {adding && <Button onClick={() => setAdding(false)}>取消</Button>}
            </Space>
          </Form>
        )}
      </Space>
    </Card>
  );
}
