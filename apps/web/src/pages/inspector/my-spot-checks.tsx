/**
 * 我的抽查 (inspector): GET /api/my/spot-checks — the targets I was drawn for, with the panel and the scope
 * items; 起草复核结果 opens the form POST /api/my/spot-checks/:applicationId/result {visitDate, place,
 * present, outcome, findings, reason, items, attachmentFileIds, version} (通知§五(三) 实地抽查复核: a draft
 * the whole panel then signs, see JointResultPanel); evidence is uploaded first to …/attachments.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Radio,
  Skeleton,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { formatSize } from '../applications/Sha';
import { StatusTag } from '../applications/StatusTag';
import type { MySpotCheck } from '../province/types';
import { JointResultPanel } from './JointResultPanel';
import { ItemVerdictTable } from '../../components/ItemVerdictTable';

interface Values {
  visitDate: string;
  place: string;
  present: string;
  outcome: 'pass' | 'fail';
  findings: string;
  reason?: string;
  items: Record<string, { verdict: 'pass' | 'fail'; reason?: string }>;
}

interface Attachment {
  id: string;
  originalName: string;
  sizeBytes: number;
}

function ResultForm({ target, onDone }: { target: MySpotCheck; onDone(): void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  const submit = (v: Values) => {
    const send = async () => {
      setBusy(true);
      try {
        await api.post('/api/my/spot-checks/:applicationId/result', {
          params: { applicationId: target.applicationId },
          body: {
            visitDate: v.visitDate,
            place: v.place.trim(),
            present: v.present.trim(),
            outcome: v.outcome,
            findings: v.findings.trim(),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
            ...(v.outcome === 'pass'
              ? {
                  items: target.scopeItems.map((s) => {
                    const i = v.items?.[s.id];
                    return {
                      scopeItemId: s.id,
                      verdict: i?.verdict ?? 'pass',
                      ...(i?.reason?.trim() ? { reason: i.reason.trim() } : {}),
                    };
                  }),
                }
              : {}),
            attachmentFileIds: files.map((f) => f.id),
            version: target.version,
          },
        });
        void message.success('复核结果草稿已保存，请提交会签');
        onDone();
      } catch {
        // shown by the API client
      } finally {
        setBusy(false);
      }
    };
    if (files.length === 0) {
      void message.error('请至少上传一份现场证据（照片或扫描件）');
      return;
    }
    modal.confirm({
      title: '保存后草稿内容不能修改。确认保存？',
      content:
        v.outcome === 'fail'
          ? '复核不通过：本组全员签字（或省鉴定中心裁决）后，该申请将不予通过，并生成载明理由的决定书。'
          : '保存后请提交会签：本组每位督导人员签字确认后结果生效。',
      okText: '提交',
      cancelText: '取消',
      okButtonProps: { danger: v.outcome === 'fail' },
      onOk: send,
    });
  };

  return (
    <Form<Values>
      form={form}
      name={`result-${target.applicationId}`}
      layout="vertical"
      initialValues={{
        outcome: 'pass',
        items: Object.fromEntries(target.scopeItems.map((s) => [s.id, { verdict: 'pass' }])),
      }}
      onFinish={submit}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="实地复核后由一名督导人员起草结果，本组每位督导人员签字确认或提出异议；全员签字后生效，有异议由省鉴定中心裁决。"
      />
      <Form.Item
        name="visitDate"
        label="实地复核日期"
        rules={[{ required: true, message: '请填写实地复核日期' }]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="place"
        label="复核地点"
        rules={[{ required: true, whitespace: true, message: '请填写实地复核地点' }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="present"
        label="在场人员"
        rules={[{ required: true, whitespace: true, message: '请填写在场人员' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} placeholder="被复核单位人员及复核组成员" />
      </Form.Item>
      <Form.Item name="outcome" label="复核结论" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'pass', label: '复核通过' },
            { value: 'fail', label: '复核不通过' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label="现场复核发现"
        rules={[{ required: true, whitespace: true, min: 10, message: '请填写现场复核发现（至少10个字）' }]}
      >
        <Input.TextArea rows={5} maxLength={8000} showCount />
      </Form.Item>
      {outcome === 'pass' ? (
        <ItemVerdictTable
          items={target.scopeItems}
          itemTitle="申报职业（工种）"
          itemText={(s) => `${s.occupationText} · ${s.modeLabel} · ${s.levelsLabel}`}
          field="verdict"
          verdictTitle="结论"
          verdictWidth={150}
          options={[
            { value: 'pass', label: '通过' },
            { value: 'fail', label: '不通过' },
          ]}
          negative="fail"
          reasonTitle="不通过理由"
          reasonRequired="不通过的条目须填写理由"
          reasonLabel={() => '不通过理由'}
          reasonPlaceholder="不通过时必填"
          marginBottom={12}
        />
      ) : (
        <Form.Item
          name="reason"
          label="不通过理由（写入决定书）"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写不通过的理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      )}
      <Form.Item label="现场证据（至少一份：现场照片、核查记录；jpg/png/pdf，每个不超过20 MB）" required>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {files.map((f) => (
            <Space key={f.id}>
              <Typography.Text>{f.originalName}</Typography.Text>
              <Typography.Text type="secondary">{formatSize(f.sizeBytes)}</Typography.Text>
              <Button
                size="small"
                type="link"
                onClick={() => setFiles((xs) => xs.filter((x) => x.id !== f.id))}
              >
                移除
              </Button>
            </Space>
          ))}
          <Upload
            accept=".jpg,.jpeg,.png,.pdf"
            showUploadList={false}
            customRequest={({ file }) => {
              const data = new FormData();
              data.append('file', file as File, (file as File).name);
              setUploading(true);
              api
                .upload(
                  '/api/my/spot-checks/:applicationId/attachments',
                  { params: { applicationId: target.applicationId }, form: data },
                  {
                    silent: true,
                  },
                )
                .then(
                  (f) => setFiles((xs) => [...xs, f]),
                  (e: unknown) => void message.error(e instanceof ApiError ? e.message : '上传失败'),
                )
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              上传附件
            </Button>
          </Upload>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} danger={outcome === 'fail'}>
        保存草稿
      </Button>
    </Form>
  );
}

export default function MySpotChecksPage() {
  const [items, setItems] = useState<MySpotCheck[] | null>(null);
  const [open, setOpen] = useState<MySpotCheck | null>(null);
  const load = useCallback(() => {
    api.get('/api/my/spot-checks').then(
      (d) => setItems(d.items),
      () => setItems([]),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <PageHeader
        title="我的抽查"
        description="省职业技能鉴定中心按“双随机”抽取的抽查对象。请与同组督导人员共同实地复核：一人起草结果，全组签字确认。"
        extra={<Button onClick={load}>刷新</Button>}
      />
      {items === null && <Skeleton active />}
      {items?.length === 0 && (
        <Card>
          <Empty description="暂无抽查任务；被抽中后会收到站内信通知" />
        </Card>
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {(items ?? []).map((t) => (
          <Card
            key={`${t.drawId}-${t.applicationId}`}
            size="small"
            title={
              <Space wrap>
                <Link to={`/my/spot-checks/${t.applicationId}`}>{t.applicationNumber}</Link>
                {t.organizationName}
                <StatusTag status={t.status} label={t.statusLabel} />
              </Space>
            }
            extra={
              t.canRecord ? (
                <Button type="primary" onClick={() => setOpen(t)}>
                  起草复核结果
                </Button>
              ) : t.result ? (
                <Tag
                  color={t.result.effective ? (t.result.outcome === 'pass' ? 'green' : 'red') : 'processing'}
                >
                  {t.result.effective ? t.result.outcomeLabel : t.result.statusLabel}
                </Tag>
              ) : null
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'draw', label: '抽取编号', children: t.drawNumber },
                { key: 'city', label: '市州', children: t.cityName ?? '—' },
                { key: 'at', label: '抽中时间', children: formatDateTime(t.assignedAt) },
                {
                  key: 'panel',
                  label: '本组督导人员',
                  children: t.panel.map((p) => (
                    <Tag key={p.code} color={p.self ? 'blue' : undefined}>
                      {p.code} {p.name}
                      {p.self ? '（本人）' : ''}
                    </Tag>
                  )),
                },
                {
                  key: 'items',
                  label: '复核的申报职业（工种）',
                  children: t.scopeItems.map((s) => (
                    <div key={s.id}>{`${s.occupationText} · ${s.modeLabel} · ${s.levelsLabel}`}</div>
                  )),
                },
              ]}
            />
            {t.result && <JointResultPanel target={t} onChanged={load} />}
          </Card>
        ))}
      </Space>
      <Drawer
        open={!!open}
        width={720}
        title={open ? `起草复核结果：${open.applicationNumber} ${open.organizationName}` : ''}
        onClose={() => setOpen(null)}
        destroyOnHidden
      >
        {open && (
          <ResultForm
            target={open}
            onDone={() => {
              setOpen(null);
              load();
            }}
          />
        )}
      </Drawer>
    </>
  );
}
