/**
 * 异议表单 on a public notice page: the item concerned (or the whole application), the contact (name and
 * mobile, never shown publicly), the facts and reasons, up to 5 evidence files (PDF/JPG/PNG, ≤ 10 MB
 * each) and the server's human check (GET /api/public/human-check: a picture; single use, 10 minutes).
 * POST /api/public/notices/:id/objections (multipart) answers a receipt number for the tracking page.
 */
import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Result, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { validateMobile } from '@skillcert/domain';
import type { HumanCheckChallengeDto, NoticeItemDto, ObjectionReceiptDto } from '@skillcert/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { occupationWithJob } from '../../components/occupation-label';

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;

interface Values {
  target: string;
  contactName: string;
  contactPhone: string;
  reason: string;
  humanCheckAnswer: string;
}

export function ObjectionForm({
  noticeId,
  items,
  target,
  onTargetChange,
}: {
  noticeId: string;
  items: NoticeItemDto[];
  /** `item:<id>` or `app:<applicationId>`, chosen from the list above. */
  target: string | undefined;
  onTargetChange(target: string | undefined): void;
}) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [challenge, setChallenge] = useState<HumanCheckChallengeDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ObjectionReceiptDto | null>(null);

  const refresh = useCallback(() => {
    form.setFieldValue('humanCheckAnswer', '');
    api
      .get('/api/public/human-check', undefined, {
        silent: true,
        noAuthRedirect: true,
      })
      .then(setChallenge, (e: unknown) =>
        setError(e instanceof ApiError ? e.message : '验证码加载失败，请点击刷新重试'),
      );
  }, [form]);
  useEffect(refresh, [refresh]);
  useEffect(() => form.setFieldValue('target', target), [form, target]);

  const options = useMemo(() => {
    const apps = new Map<string, NoticeItemDto>();
    for (const i of items)
      if (i.status === 'listed' && !apps.has(i.applicationId)) apps.set(i.applicationId, i);
    return [
      {
        label: '针对某个职业（工种）',
        options: items
          .filter((i) => i.status === 'listed')
          .map((i) => ({
            value: `item:${i.id}`,
            label: `${i.organizationName} — ${occupationWithJob(i)}`,
          })),
      },
      {
        label: '针对整个单位的申请',
        options: [...apps.values()].map((i) => ({
          value: `app:${i.applicationId}`,
          label: `${i.organizationName}（全部公示职业/工种）`,
        })),
      },
    ];
  }, [items]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setProgress(files.length ? 0 : null);
    const data = new FormData();
    const [kind, id] = v.target.split(':');
    data.append(kind === 'item' ? 'noticeItemId' : 'applicationId', id ?? '');
    data.append('contactName', v.contactName.trim());
    data.append('contactPhone', v.contactPhone.trim());
    data.append('reason', v.reason.trim());
    data.append('humanCheckId', challenge?.id ?? '');
    data.append('humanCheckAnswer', v.humanCheckAnswer.trim());
    for (const f of files) if (f.originFileObj) data.append('evidence', f.originFileObj, f.name);
    try {
      const r = await api.upload(
        '/api/public/notices/:id/objections',
        { params: { id: noticeId }, form: data, onProgress: files.length ? setProgress : undefined },
        { silent: true, noAuthRedirect: true },
      );
      setReceipt(r);
      form.resetFields();
      setFiles([]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
      // A challenge is good for one attempt only.
      refresh();
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  if (receipt) {
    return (
      <Card id="objection-form" title="提出异议">
        <Result
          status="success"
          title="异议已提交"
          subTitle={
            <Space orientation="vertical">
              <span>
                回执号：
                <Typography.Text strong copyable data-testid="receipt-number">
                  {receipt.receiptNumber}
                </Typography.Text>
              </span>
              <span>
                提交时间：{formatDateTime(receipt.submittedAt)}
                。请妥善保存回执号，凭回执号查询办理进度和答复。
              </span>
            </Space>
          }
          extra={[
            <Link key="track" to={receipt.trackingUrl}>
              <Button type="primary">查询办理进度</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setReceipt(null);
                onTargetChange(undefined);
                refresh();
              }}
            >
              继续提出其他异议
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card id="objection-form" title="提出异议">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="请如实填写。联系人和联系电话仅用于核实情况，不会公开；提交后获得回执号，凭回执号查询办理结果。"
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark name="objection">
        <Form.Item
          name="target"
          label="异议对象"
          rules={[{ required: true, message: '请选择异议针对的单位或职业（工种）' }]}
        >
          <Select
            placeholder="选择单位或职业（工种）"
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => onTargetChange(v)}
          />
        </Form.Item>
        <Space wrap size={16} style={{ width: '100%' }}>
          <Form.Item
            name="contactName"
            label="联系人姓名"
            rules={[{ required: true, whitespace: true, min: 2, message: '请填写联系人姓名（至少2个字）' }]}
          >
            <Input maxLength={40} autoComplete="name" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label="联系电话（手机）"
            rules={[
              { required: true, message: '请填写手机号码' },
              {
                validator: (_r, v: string) =>
                  !v || validateMobile(v).valid
                    ? Promise.resolve()
                    : Promise.reject(new Error('手机号应为11位中国大陆手机号码')),
              },
            ]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="tel" style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="reason"
          label="异议事实和理由"
          rules={[
            { required: true, whitespace: true, min: 10, message: '请写明异议事实和理由（至少10个字）' },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={3000}
            showCount
            placeholder="请写明具体事实、发生时间和地点，以及您的理由"
          />
        </Form.Item>
        <Form.Item label={`证明材料（可选，PDF/JPG/PNG，最多${MAX_FILES}个，每个不超过10 MB）`}>
          <Upload
            multiple
            accept=".pdf,.jpg,.jpeg,.png"
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) {
                setError(`"${file.name}"超过10 MB，请压缩后再上传`);
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
              选择文件
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item label="验证码（请计算图中算式的结果）" required>
          <Space wrap>
            {challenge ? (
              <img
                src={challenge.image}
                alt="验证码图片：一道算术题"
                width={200}
                height={64}
                style={{ border: '1px solid #d9d9d9' }}
              />
            ) : (
              <div style={{ width: 200, height: 64, background: '#f5f5f5' }} />
            )}
            <Button icon={<ReloadOutlined />} onClick={refresh} aria-label="换一道验证题">
              换一题
            </Button>
            <Form.Item
              name="humanCheckAnswer"
              noStyle
              rules={[{ required: true, whitespace: true, message: '请填写验证码答案' }]}
            >
              <Input
                inputMode="numeric"
                maxLength={4}
                style={{ width: 120 }}
                placeholder="答案"
                aria-label="验证码答案"
              />
            </Form.Item>
          </Space>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {progress !== null && <Progress percent={progress} size="small" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          提交异议
        </Button>
      </Form>
    </Card>
  );
}
