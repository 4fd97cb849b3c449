/**
 * 申报单位注册 (public): organization facts, credit code checked as typed, city/county, business licence,
 * then the first account, which becomes the organization's admin once the city center activates it.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Divider,
  Form,
  Input,
  Progress,
  Radio,
  Result,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { validateCreditCode, validateMobile } from '@skillcert/domain';
import { api } from '../api/client';
import { CreditCodeField } from '../components/CreditCodeField';
import { CityCountyCascader } from '../components/divisions';
import { PasswordFields } from '../components/PasswordFields';
import { acceptFile, normFileList } from '../components/uploads';
import { USERNAME_PATTERN, USERNAME_RULE } from '@skillcert/contracts';

interface RegisterValues {
  orgName: string;
  creditCode: string;
  kind: 'enterprise' | 'school' | 'other';
  isAboveScale?: boolean;
  division: string[];
  address: string;
  contactName: string;
  contactPhone: string;
  licence: UploadFile[];
  username: string;
  displayName: string;
  password: string;
}

interface Registered {
  organizationId: string;
  username: string;
  status: string;
}

const LICENCE_MAX_MB = 10;

export default function RegisterPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const kind = Form.useWatch('kind', form);
  const division = Form.useWatch('division', form);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<Registered | null>(null);

  const onFinish = async (v: RegisterValues) => {
    const fd = new FormData();
    fd.set('orgName', v.orgName.trim());
    fd.set('creditCode', validateCreditCode(v.creditCode).normalized);
    fd.set('kind', v.kind);
    fd.set('isAboveScale', v.kind === 'enterprise' && v.isAboveScale ? 'true' : 'false');
    fd.set('cityCode', v.division[0] ?? '');
    fd.set('countyCode', v.division[1] ?? '');
    fd.set('address', v.address.trim());
    fd.set('contactName', v.contactName.trim());
    fd.set('contactPhone', validateMobile(v.contactPhone).normalized);
    fd.set('username', v.username.trim());
    fd.set('displayName', v.displayName.trim());
    fd.set('password', v.password);
    const file = v.licence[0]?.originFileObj;
    if (file) fd.set('licence', file, file.name);
    setProgress(0);
    try {
      const answer = await api.upload(
        '/api/public/registrations',
        { form: fd, onProgress: setProgress },
        {
          noAuthRedirect: true,
        },
      );
      setDone(answer);
    } catch {
      // the message is already shown; the form keeps what was typed
    } finally {
      setProgress(null);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title="注册申请已提交"
        subTitle={`账号“${done.username}”现在即可登录并填写申报草稿；所在市州职业技能鉴定中心核实并激活单位后方可提交申报。激活前请保持联系电话畅通。`}
        extra={
          <Link to="/login">
            <Button type="primary">前往登录页</Button>
          </Link>
        }
      />
    );
  }

  return (
    <Card>
      <Typography.Title level={3}>申报单位注册</Typography.Title>
      <Typography.Paragraph type="secondary">
        适用于申请职业技能等级认定评价机构备案的企业、院校和其它机构。提交后由所在市州职业技能鉴定中心核实激活。
      </Typography.Paragraph>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'enterprise', isAboveScale: false }}
        scrollToFirstError
        style={{ maxWidth: 640 }}
      >
        <Divider titlePlacement="start">单位信息</Divider>
        <Form.Item
          name="orgName"
          label="单位名称"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称（与营业执照一致）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <CreditCodeField cityCode={division?.[0]} />
        <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Radio.Group
            options={[
              { value: 'enterprise', label: '企业' },
              { value: 'school', label: '院校' },
              { value: 'other', label: '其它机构' },
            ]}
          />
        </Form.Item>
        {kind === 'enterprise' && (
          <Form.Item
            name="isAboveScale"
            valuePropName="checked"
            extra="本次征集中，企业自主评价仅面向规模以上企业（通知第一条第二款）"
          >
            <Checkbox>规模以上企业</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="division"
          label="所在市州 / 区县"
          rules={[{ required: true, type: 'array', len: 2, message: '请选择所在市州和区县' }]}
        >
          <CityCountyCascader aria-label="所在市州 / 区县" />
        </Form.Item>
        <Form.Item
          name="address"
          label="详细地址"
          rules={[{ required: true, whitespace: true, message: '请填写详细地址' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="contactName"
          label="联系人"
          rules={[{ required: true, whitespace: true, message: '请填写联系人姓名' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label="联系人手机号"
          rules={[
            { required: true, message: '请填写联系人手机号' },
            {
              validator: (_, v: string | undefined) => {
                if (!v) return Promise.resolve();
                const r = validateMobile(v);
                return r.valid
                  ? Promise.resolve()
                  : Promise.reject(new Error(r.errors[0]?.message ?? '手机号格式不正确'));
              },
            },
          ]}
        >
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="licence"
          label="营业执照或法人登记证书"
          valuePropName="fileList"
          getValueFromEvent={normFileList}
          extra={`PDF、JPG 或 PNG，不超过 ${LICENCE_MAX_MB} MB`}
          rules={[{ required: true, type: 'array', min: 1, message: '请上传营业执照或法人登记证书' }]}
        >
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            maxCount={1}
            beforeUpload={acceptFile(
              ['pdf', 'jpg', 'jpeg', 'png'],
              LICENCE_MAX_MB,
              (t) => void message.error(t),
            )}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>

        <Divider titlePlacement="start">单位管理员账号</Divider>
        <Typography.Paragraph type="secondary">
          此账号为本单位管理员，激活后可为同事开设账号。
        </Typography.Paragraph>
        <Form.Item
          name="username"
          label="用户名"
          extra="3–32位字母、数字、下划线、点或短横线，登录时使用"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: USERNAME_PATTERN, message: USERNAME_RULE },
          ]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <PasswordFields usernameField="username" />

        {progress !== null && <Progress percent={progress} status="active" aria-label="上传进度" />}
        <Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={progress !== null}>
            提交注册
          </Button>
          <Link to="/login" style={{ marginLeft: 16 }}>
            已有账号，去登录
          </Link>
        </Form.Item>
      </Form>
    </Card>
  );
}
