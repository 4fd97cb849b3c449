/**
 * 专家库 dialogs: 新增 (POST /api/experts — a new login account's initial password is answered once and
 * shown once), 编辑 (PATCH /api/experts/:id with version), 登记利益冲突 (POST /api/experts/:id/conflicts).
 */
import { Alert, App, Form, Input, Select, Switch, Typography } from 'antd';
import { api } from '../../api/client';
import type { Expert } from '../../api/review-types';
import { CitySelect } from '../../components/divisions';
import { FormModal } from '../../components/FormModal';

interface ExpertValues {
  name: string;
  unit: string;
  unitCreditCode?: string;
  occupationCodes: string[];
  title?: string;
  phone?: string;
  cityCode?: string;
  username?: string;
  active?: boolean;
}

const OCCUPATION = /^\d-\d{2}-\d{2}-\d{2}$/;
const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function ExpertFields({ withCity, creating }: { withCity: boolean; creating: boolean }) {
  return (
    <>
      <Form.Item
        name="name"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="unit"
        label="工作单位"
        rules={[{ required: true, whitespace: true, min: 2, message: '请填写工作单位' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="unitCreditCode"
        label="工作单位统一社会信用代码"
        extra="填写后，该专家不会被抽取评审本单位的申请"
        rules={[{ len: 18, message: '统一社会信用代码应为18位' }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="occupationCodes"
        label="可评审职业（编码）"
        extra="输入职业编码后回车，如 6-18-02-04"
        rules={[
          { required: true, message: '至少填写一个可评审的职业' },
          {
            validator: (_r, v: string[] | undefined) =>
              (v ?? []).every((c) => OCCUPATION.test(c))
                ? Promise.resolve()
                : Promise.reject(new Error('职业编码格式应为 X-XX-XX-XX')),
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="title" label="职称 / 技能等级">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label="手机号">
        <Input maxLength={20} />
      </Form.Item>
      {withCity && (
        <Form.Item name="cityCode" label="所属市州" rules={[{ required: true, message: '请选择市州' }]}>
          <CitySelect />
        </Form.Item>
      )}
      {creating ? (
        <Form.Item
          name="username"
          label="登录账号（选填）"
          extra="填写后开通专家账号（已有的专家账号则关联），初始密码只显示一次"
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
      ) : (
        <Form.Item name="active" label="在库（可被抽取）" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </>
  );
}

export function CreateExpertModal({
  open,
  withCity,
  onClose,
  onCreated,
}: {
  open: boolean;
  withCity: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { modal } = App.useApp();
  return (
    <FormModal<ExpertValues>
      open={open}
      title="新增专家"
      okText="保存"
      width={560}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await api.post('/api/experts', {
          body: {
            name: v.name.trim(),
            unit: v.unit.trim(),
            unitCreditCode: orNull(v.unitCreditCode)?.toUpperCase() ?? null,
            occupationCodes: v.occupationCodes,
            title: orNull(v.title),
            phone: orNull(v.phone),
            ...(v.cityCode ? { cityCode: v.cityCode } : {}),
            ...(v.username?.trim() ? { username: v.username.trim() } : {}),
          },
        });
        onCreated();
        modal.success({
          title: `已新增专家 ${r.code}`,
          okText: '我已记下',
          content: r.initialPassword ? (
            <>
              <p>
                登录账号：<Typography.Text code>{r.username}</Typography.Text>
              </p>
              <p>
                初始密码：
                <Typography.Text code copyable data-testid="initial-password">
                  {r.initialPassword}
                </Typography.Text>
              </p>
              <Alert
                type="warning"
                showIcon
                title="初始密码只显示这一次，请当面或通过安全渠道告知专家；首次登录须修改密码。"
              />
            </>
          ) : r.username ? (
            `已关联现有账号 ${r.username}`
          ) : (
            '未开通登录账号'
          ),
        });
      }}
    >
      <ExpertFields withCity={withCity} creating />
    </FormModal>
  );
}

export function EditExpertModal({
  expert,
  withCity,
  onClose,
  onSaved,
}: {
  expert: Expert | null;
  withCity: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <FormModal<ExpertValues>
      open={!!expert}
      title={`编辑专家 ${expert?.code ?? ''}`}
      okText="保存"
      width={560}
      initialValues={
        expert
          ? {
              name: expert.name,
              unit: expert.unit,
              unitCreditCode: expert.unitCreditCode ?? undefined,
              occupationCodes: expert.occupationCodes,
              title: expert.title ?? undefined,
              cityCode: expert.cityCode,
              active: expert.active,
            }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!expert) return;
        await api.patch('/api/experts/:id', {
          params: { id: expert.id },
          body: {
            name: v.name.trim(),
            unit: v.unit.trim(),
            unitCreditCode: orNull(v.unitCreditCode)?.toUpperCase() ?? null,
            occupationCodes: v.occupationCodes,
            title: orNull(v.title),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            ...(withCity && v.cityCode ? { cityCode: v.cityCode } : {}),
            active: !!v.active,
            version: expert.version,
          },
        });
        onSaved();
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="手机号已脱敏显示；如需更换请直接填写新号码，留空则不修改。"
      />
      <ExpertFields withCity={withCity} creating={false} />
    </FormModal>
  );
}

export function ConflictModal({
  expert,
  onClose,
  onSaved,
}: {
  expert: Expert | null;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <FormModal<{ creditCode: string; reason: string }>
      open={!!expert}
      title={`登记利益冲突：${expert?.name ?? ''}（${expert?.code ?? ''}）`}
      okText="登记"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!expert) return;
        await api.post('/api/experts/:id/conflicts', {
          params: { id: expert.id },
          body: {
            creditCode: v.creditCode.trim().toUpperCase(),
            reason: v.reason.trim(),
          },
        });
        onSaved();
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="登记后，抽取该单位申请的评审专家时，此专家自动回避。"
      />
      <Form.Item
        name="creditCode"
        label="存在利益冲突的单位（统一社会信用代码）"
        rules={[{ required: true, len: 18, whitespace: true, message: '请填写18位统一社会信用代码' }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="原因"
        rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因（至少2个字）' }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
