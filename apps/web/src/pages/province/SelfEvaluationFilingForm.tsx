/**
 * The fields of one 自主评价备案 (add and correct): the unit, the filing document (文号, date, file), the
 * scope (occupation, 工种, mode, levels), whether evaluation was carried out, and the body's provincial
 * 6-digit 序列码 when it was filed before this system. The server checks every rule again.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Radio, Switch, Upload } from 'antd';
import { useState } from 'react';
import { FILABLE_SKILL_LEVELS, skillLevelLabel } from '@skillcert/domain';
import { api } from '../../api/client';
import { CitySelect } from '../../components/divisions';

export interface EvidenceFile {
  id: string;
  name: string;
}

function EvidenceUpload({
  value,
  onChange,
}: {
  value?: EvidenceFile | null;
  onChange?(v: EvidenceFile | null): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      maxCount={1}
      fileList={value ? [{ uid: value.id, name: value.name, status: 'done' }] : []}
      onRemove={() => onChange?.(null)}
      beforeUpload={(file) => {
        const form = new FormData();
        form.set('file', file, file.name);
        setBusy(true);
        api
          .upload('/api/filings/evidence', { form })
          .then((f) => onChange?.(f))
          .catch(() => undefined)
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        上传备案文件（PDF/JPG/PNG）
      </Button>
    </Upload>
  );
}

export function SelfEvaluationFilingFields({ withReason }: { withReason: boolean }) {
  return (
    <>
      <Form.Item
        name="organizationName"
        label="单位名称"
        rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 100 }]}
      >
        <Input placeholder="与营业执照或法人登记证书一致" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label="统一社会信用代码"
        rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}
      >
        <Input maxLength={18} placeholder="18位，湖南省登记" />
      </Form.Item>
      <Form.Item name="cityCode" label="所在市州" rules={[{ required: true, message: '请选择所在市州' }]}>
        <CitySelect placeholder="选择市州" />
      </Form.Item>
      <Form.Item
        name="mode"
        label="评价方式"
        rules={[{ required: true, message: '请选择评价方式' }]}
        extra="通知第一条：企业为企业自主评价，院校为院校自主评价"
      >
        <Radio.Group
          options={[
            { value: 'enterprise_self', label: '企业自主评价' },
            { value: 'school_self', label: '院校自主评价' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="occupationCode"
        label="职业编码"
        rules={[
          { required: true, whitespace: true, message: '请填写职业编码' },
          { pattern: /^X?\d-\d{2}-\d{2}-\d{2}$/, message: '职业编码格式应如 6-18-02-04' },
        ]}
      >
        <Input placeholder="《职业分类大典》细类编码，如 6-18-02-04" />
      </Form.Item>
      <Form.Item name="jobName" label="工种" extra="不填表示整个职业">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="levels" label="备案等级" rules={[{ required: true, message: '请选择备案等级' }]}>
        <Checkbox.Group
          options={FILABLE_SKILL_LEVELS.map((l) => ({ value: l, label: skillLevelLabel(l) }))}
        />
      </Form.Item>
      <Form.Item
        name="documentNumber"
        label="备案文件文号"
        rules={[{ required: true, whitespace: true, message: '请填写备案文件文号' }, { max: 100 }]}
      >
        <Input placeholder="如 湘人社函〔2023〕12号" />
      </Form.Item>
      <Form.Item
        name="effectiveDate"
        label="备案日期"
        rules={[{ required: true, message: '请选择备案日期' }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="evidenceFile" label="备案文件">
        <EvidenceUpload />
      </Form.Item>
      <Form.Item name="selfEvaluationCarriedOut" label="已开展自主评价" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item
        name="sequenceCode"
        label="评价机构序列码"
        extra="本系统启用前已备案的单位：填写其证书上的6位序列码，该单位沿用此码；新单位不填"
        rules={[{ pattern: /^\d{6}$/, message: '序列码应为6位数字' }]}
      >
        <Input maxLength={6} style={{ width: 160 }} />
      </Form.Item>
      {withReason && (
        <Form.Item
          name="reason"
          label="修改原因"
          rules={[
            { required: true, whitespace: true, message: '请填写修改原因' },
            { min: 2, message: '修改原因至少2个字' },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
    </>
  );
}
