/**
 * A pool's dialogs, configured by its kind (pool-kinds.ts): 新增 (POST <path> — a new login account's
 * initial password is answered once and shown once), 编辑 / 停用 (PATCH <path>/:id with version),
 * 登记利益冲突 (POST <path>/:id/conflicts).
 */
import type { z } from 'zod';
import type { expertDto, poolMemberDto } from '@skillcert/contracts';
import { Alert, App, Form, Input, Select, Switch, Typography, type SelectProps } from 'antd';
import { api } from '../../api/client';
import { CitySelect, useDivisions } from '../../components/divisions';
import { FormModal } from '../../components/FormModal';
import type { PoolUi } from './pool-kinds';

/** A member as the pool lists it; experts add the occupations they may review. */
export type PoolMember = z.infer<typeof poolMemberDto> &
  Partial<Pick<z.infer<typeof expertDto>, 'occupationCodes' | 'occupations'>>;

interface MemberValues {
  code?: string;
  name: string;
  unit: string;
  unitCreditCode?: string;
  occupationCodes?: string[];
  cityCode?: string;
  title?: string;
  phone?: string;
  username?: string;
  active?: boolean;
}

const OCCUPATION = /^\d-\d{2}-\d{2}-\d{2}$/;
const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Cities plus 省直 (430000, province-level units). */
function CityWithProvinceSelect(props: SelectProps<string>) {
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

/** The city choice of the pool (with 省直 where the pool takes province-level units). */
export function PoolCitySelect({ ui, ...props }: SelectProps<string> & { ui: PoolUi }) {
  return ui.cityWithProvince ? <CityWithProvinceSelect {...props} /> : <CitySelect {...props} />;
}

function MemberFields({ ui, withCity, creating }: { ui: PoolUi; withCity: boolean; creating: boolean }) {
  return (
    <>
      {creating && ui.givenCode && (
        <Form.Item
          name="code"
          label={`${ui.member}编号（选填）`}
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
        extra={ui.unitCreditCodeExtra}
        rules={[{ len: 18, message: '统一社会信用代码应为18位' }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      {withCity && (
        <Form.Item
          name="cityCode"
          label={ui.cityLabel}
          extra={ui.cityExtra}
          rules={[{ required: true, message: '请选择市州' }]}
        >
          <PoolCitySelect ui={ui} />
        </Form.Item>
      )}
      {ui.occupations && (
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
      )}
      <Form.Item name="title" label={ui.titleLabel}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label="手机号">
        <Input maxLength={20} />
      </Form.Item>
      {creating ? (
        <Form.Item name="username" label="登录账号（选填）" extra={ui.accountExtra}>
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

/** The fields both the add and the edit request carry. */
const memberBody = (ui: PoolUi, v: MemberValues, withCity: boolean) => ({
  name: v.name.trim(),
  unit: v.unit.trim(),
  unitCreditCode: orNull(v.unitCreditCode)?.toUpperCase() ?? null,
  ...(ui.occupations ? { occupationCodes: v.occupationCodes ?? [] } : {}),
  title: orNull(v.title),
  ...(withCity && v.cityCode ? { cityCode: v.cityCode } : {}),
});

export function CreateMemberModal({
  ui,
  open,
  withCity,
  onClose,
  onCreated,
}: {
  ui: PoolUi;
  open: boolean;
  withCity: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { modal } = App.useApp();
  return (
    <FormModal<MemberValues>
      open={open}
      title={`新增${ui.member}`}
      okText="保存"
      width={560}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await api.post(ui.path, {
          body: {
            ...(ui.givenCode && v.code?.trim() ? { code: v.code.trim().toUpperCase() } : {}),
            ...memberBody(ui, v, withCity),
            phone: orNull(v.phone),
            ...(v.username?.trim() ? { username: v.username.trim() } : {}),
          },
        });
        onCreated();
        modal.success({
          title: `已新增${ui.member} ${r.code}`,
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
                title={`初始密码只显示这一次，请当面或通过安全渠道告知${ui.passwordRecipient}；首次登录须修改密码。`}
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
      <MemberFields ui={ui} withCity={withCity} creating />
    </FormModal>
  );
}

export function EditMemberModal({
  ui,
  member,
  withCity,
  onClose,
  onSaved,
}: {
  ui: PoolUi;
  member: PoolMember | null;
  withCity: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <FormModal<MemberValues>
      open={!!member}
      title={`编辑${ui.member} ${member?.code ?? ''}`}
      okText="保存"
      width={560}
      initialValues={
        member
          ? {
              name: member.name,
              unit: member.unit,
              unitCreditCode: member.unitCreditCode ?? undefined,
              ...(ui.occupations ? { occupationCodes: member.occupationCodes ?? [] } : {}),
              title: member.title ?? undefined,
              cityCode: member.cityCode,
              active: member.active,
            }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!member) return;
        await api.patch(`${ui.path}/:id` as const, {
          params: { id: member.id },
          body: {
            ...memberBody(ui, v, withCity),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            active: !!v.active,
            version: member.version,
          },
        });
        onSaved();
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={ui.editNote} />
      <MemberFields ui={ui} withCity={withCity} creating={false} />
    </FormModal>
  );
}

export function ConflictModal({
  ui,
  member,
  onClose,
  onSaved,
}: {
  ui: PoolUi;
  member: PoolMember | null;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <FormModal<{ creditCode: string; reason: string }>
      open={!!member}
      title={`登记利益冲突：${member?.name ?? ''}（${member?.code ?? ''}）`}
      okText="登记"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!member) return;
        await api.post(`${ui.path}/:id/conflicts` as const, {
          params: { id: member.id },
          body: { creditCode: v.creditCode.trim().toUpperCase(), reason: v.reason.trim() },
        });
        onSaved();
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={ui.conflictNote} />
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
