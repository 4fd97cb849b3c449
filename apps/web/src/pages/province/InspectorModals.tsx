/**
 * 督导人员库 dialogs: 新增 (POST /api/inspectors — 编号 given or DCnnnn; a new login account's initial
 * password is answered and shown once), 编辑 / 停用 (PATCH /api/inspectors/:id with version), 登记利益冲突
 * (POST /api/inspectors/:id/conflicts).
 */
import { Alert, App, Form, Input, Select, Switch, Typography, type SelectProps } from 'antd';
import { api } from '../../api/client';
import { useDivisions } from '../../components/divisions';
import { FormModal } from '../../components/FormModal';
import type { Inspector } from './types';

interface InspectorValues {
  code?: string;
  name: string;
  unit: string;
  unitCreditCode?: string;
  cityCode: string;
  title?: string;
  phone?: string;
  username?: string;
  active?: boolean;
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Cities plus 省直 (430000, province-level units). */
export function InspectorCitySelect(props: SelectProps<string>) {
  const { cities, loading } = useDivisions();
  const options = [
    ...(cities.some((c) => c.code === '430000') ? [] : [{ value: '430000', label: '省直' }]),
    ...cities.map((c) => ({ value: c.code, label: c.name })),
  ];
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择市州"
      loading={loading}
      style={{ minWidth: 160 }}
      options={options}
      {...props}
    />
  );
}

function InspectorFields({ creating }: { creating: boolean }) {
  return (
    <>
      {creating && (
        <Form.Item
          name="code"
          label="督导人员编号（选填）"
          extra="留空则自动编号（DC0001 起）；公开的抽取记录只显示编号"
          rules={[{ pattern: /^[A-Za-z]{2}\d{4,6}$/, message: '编号应为2位字母加4至6位数字，如 DC0001' }]}
        >
          <Input maxLength={8} style={{ maxWidth: 200 }} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label="姓名"
        rules={[{ required: true, whitespace: true, min: 2, message: '请填写姓名' }]}
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
        extra="填写后，抽查本单位时该督导人员自动回避"
        rules={[{ len: 18, message: '统一社会信用代码应为18位' }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="cityCode"
        label="所在市州"
        extra="抽查同一市州的对象时自动回避"
        rules={[{ required: true, message: '请选择市州' }]}
      >
        <InspectorCitySelect />
      </Form.Item>
      <Form.Item name="title" label="职称 / 资格">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label="手机号">
        <Input maxLength={20} />
      </Form.Item>
      {creating ? (
        <Form.Item
          name="username"
          label="登录账号（选填）"
          extra="填写后开通督导账号（已有且未关联的督导账号则关联），初始密码只显示一次"
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

export function CreateInspectorModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { modal } = App.useApp();
  return (
    <FormModal<InspectorValues>
      open={open}
      title="新增督导人员"
      okText="保存"
      width={560}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await api.post('/api/inspectors', {
          body: {
            ...(v.code?.trim() ? { code: v.code.trim().toUpperCase() } : {}),
            name: v.name.trim(),
            unit: v.unit.trim(),
            unitCreditCode: orNull(v.unitCreditCode)?.toUpperCase() ?? null,
            cityCode: v.cityCode,
            title: orNull(v.title),
            phone: orNull(v.phone),
            ...(v.username?.trim() ? { username: v.username.trim() } : {}),
          },
        });
        onCreated();
        modal.success({
          title: `已新增督导人员 ${r.code}`,
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
                title="初始密码只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改密码。"
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
      <InspectorFields creating />
    </FormModal>
  );
}

export function EditInspectorModal({
  inspector,
  onClose,
  onSaved,
}: {
  inspector: Inspector | null;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <FormModal<InspectorValues>
      open={!!inspector}
      title={`编辑督导人员 ${inspector?.code ?? ''}`}
      okText="保存"
      width={560}
      initialValues={
        inspector
          ? {
              name: inspector.name,
              unit: inspector.unit,
              unitCreditCode: inspector.unitCreditCode ?? undefined,
              cityCode: inspector.cityCode,
              title: inspector.title ?? undefined,
              active: inspector.active,
            }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!inspector) return;
        await api.patch('/api/inspectors/:id', {
          params: { id: inspector.id },
          body: {
            name: v.name.trim(),
            unit: v.unit.trim(),
            unitCreditCode: orNull(v.unitCreditCode)?.toUpperCase() ?? null,
            cityCode: v.cityCode,
            title: orNull(v.title),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            active: !!v.active,
            version: inspector.version,
          },
        });
        onSaved();
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="手机号已脱敏显示；如需更换请直接填写新号码，留空则不修改。停用后不再进入新的抽取。"
      />
      <InspectorFields creating={false} />
    </FormModal>
  );
}

export function InspectorConflictModal({
  inspector,
  onClose,
  onSaved,
}: {
  inspector: Inspector | null;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <FormModal<{ creditCode: string; reason: string }>
      open={!!inspector}
      title={`登记利益冲突：${inspector?.name ?? ''}（${inspector?.code ?? ''}）`}
      okText="登记"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!inspector) return;
        await api.post('/api/inspectors/:id/conflicts', {
          params: { id: inspector.id },
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
        title="登记后，之后的抽查中该督导人员对此单位自动回避；公开页面只显示“申报利益冲突”，不显示原因。"
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
