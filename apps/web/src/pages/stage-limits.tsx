/** 办理时限 (province_center edits; other staff read): working days per stage, GET/PUT /api/policies/stage-limits. */
import { Alert, App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { StageLimits } from '../api/review-types';
import { useCan } from '../auth/session';
import { PageHeader } from '../components/PageHeader';

const STAGES: { key: keyof StageLimits; label: string; help: string }[] = [
  { key: 'submitted', label: '材料核验（市州鉴定中心）', help: '申请提交后完成核验' },
  {
    key: 'verified',
    label: '评审与推荐（市州人社局）',
    help: '核验通过后完成专家评审、实地评估和书面评估意见',
  },
  { key: 'recommended', label: '报送省级（市州人社局）', help: '推荐后报送推荐汇总' },
  { key: 'province_review', label: '省级评估（省鉴定中心）', help: '收到推荐汇总后完成省级评估' },
];

export default function StageLimitsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const editable = can('stagePolicy.edit');
  const [form] = Form.useForm<StageLimits>();
  const [loaded, setLoaded] = useState<StageLimits | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get('/api/policies/stage-limits').then(setLoaded, () => undefined);
  }, []);

  const save = async (v: StageLimits) => {
    setBusy(true);
    try {
      setLoaded(await api.put('/api/policies/stage-limits', { body: v }));
      void message.success('办理时限已保存，新进入各环节的申请按新时限计算');
    } catch {
      // shown by the API client
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="办理时限"
        description="各环节的办理时限，按工作日计算（扣除法定节假日，计入调休上班日）。"
      />
      <Card style={{ maxWidth: 640 }}>
        {!loaded ? (
          <Skeleton active />
        ) : (
          <Form<StageLimits>
            form={form}
            name="stage-limits"
            layout="vertical"
            initialValues={loaded}
            disabled={!editable}
            onFinish={(v) => void save(v)}
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="退回补正期间暂停计时；某年度节假日未录入时，到期日按仅排除周末暂定。"
            />
            {STAGES.map((s) => (
              <Form.Item
                key={s.key}
                name={s.key}
                label={s.label}
                extra={s.help}
                rules={[{ required: true, message: '请填写工作日数' }]}
              >
                <InputNumber min={1} max={120} precision={0} suffix="个工作日" style={{ width: 200 }} />
              </Form.Item>
            ))}
            {editable && (
              <Button type="primary" htmlType="submit" loading={busy}>
                保存
              </Button>
            )}
          </Form>
        )}
      </Card>
    </>
  );
}
