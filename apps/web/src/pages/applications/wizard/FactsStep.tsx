/** ① 单位情况 (PUT /api/applications/:id/facts): the fields follow the organization's kind (R2). */
import { Form, Input, InputNumber, Radio, Space } from 'antd';
import { useImperativeHandle, type Ref } from 'react';
import { SCHOOL_TYPES } from '@skillcert/contracts';
import { SCHOOL_TYPE_LABELS } from '@skillcert/domain';
import type { ApplicationDetail, ApplicationFacts } from '../../../api/filing-types';
import type { Draft, StepHandle } from './useDraft';

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** Drops empty values and trims text: facts are replaced as a whole and the schema has no nulls. */
function cleanFacts(values: Record<string, unknown>): ApplicationFacts {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim()) out[k] = v.trim();
    } else out[k] = v;
  }
  return out as ApplicationFacts;
}

export function FactsStep({
  detail,
  draft,
  ref,
}: {
  detail: ApplicationDetail;
  draft: Draft;
  ref: Ref<StepHandle>;
}) {
  const [form] = Form.useForm<ApplicationFacts>();
  const kind = detail.organization.kind;

  useImperativeHandle(ref, () => ({
    async save() {
      try {
        await form.validateFields();
      } catch {
        return false;
      }
      const facts = cleanFacts({ ...detail.facts, ...form.getFieldsValue() });
      return (await draft.put('facts', { facts })) !== null;
    },
  }));

  return (
    <Form<ApplicationFacts>
      form={form}
      name="facts"
      layout="vertical"
      initialValues={detail.facts}
      style={{ maxWidth: 760 }}
    >
      {kind === 'enterprise' && (
        <>
          <Form.Item name="isAboveScale" label="是否规模以上企业" tooltip="通知第一条第二款：限规模以上企业">
            <Radio.Group options={YES_NO} />
          </Form.Item>
          <Form.Item
            name="selfEvaluationFilingRef"
            label="自主评价备案文号"
            tooltip="省人社厅同意本企业开展职工自主评价的备案文件文号"
          >
            <Input maxLength={200} placeholder="如：湘人社函〔2023〕××号" />
          </Form.Item>
          <Form.Item
            name="mainDutyIsTrainingOrEvaluation"
            label="主要职责是否为人才培养或评价"
            tooltip="如职业培训评价类企业；未取得自主评价备案时，此类单位可按通知第一条第三款申报社会评价"
          >
            <Radio.Group options={YES_NO} />
          </Form.Item>
        </>
      )}
      {kind === 'school' && (
        <>
          <Form.Item
            name="schoolType"
            label="院校类型"
            tooltip="通知第一条第一款：技工院校、职业院校、设有应用学科的高等院校"
          >
            <Radio.Group options={SCHOOL_TYPES.map((t) => ({ value: t, label: SCHOOL_TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="majors" label="开设专业" tooltip="与申报职业相关的专业">
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder="列出与申报职业相关的专业，如：焊接技术与自动化"
            />
          </Form.Item>
        </>
      )}
      {kind === 'other' && (
        <>
          <Form.Item name="hasEvaluationExperience" label="是否具有考核评价经验">
            <Radio.Group options={YES_NO} />
          </Form.Item>
          <Form.Item name="mainDutyIsTrainingOrEvaluation" label="主要职责是否为人才培养或评价">
            <Radio.Group options={YES_NO} />
          </Form.Item>
          <Form.Item
            name="fieldInfluence"
            label="行业影响力说明"
            tooltip="通知第一条第三款：在该职业领域有广泛影响力"
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      <Form.Item name="businessScope" label={kind === 'school' ? '办学范围' : '主营业务/业务范围'}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="fullTimeStaff" label="专职工作人员（人）">
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="experts" label="评价专家（人）">
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Space>
      <Space size="large" wrap>
        <Form.Item name="contactName" label="联系人">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label="联系电话"
          rules={[{ pattern: /^[0-9+\-\s]{7,20}$/, message: '请填写有效的电话号码（7–20位数字）' }]}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Space>
    </Form>
  );
}
