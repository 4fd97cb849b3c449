/** New password + confirmation with the policy hint and the domain's strength check (as typed). */
import { Form, Input } from 'antd';
import { checkPasswordStrength } from '@skillcert/domain';

export const PASSWORD_HINT = '至少8位，包含大写字母、小写字母、数字、特殊符号中的至少3类';

export function PasswordFields({
  name = 'password',
  label = '密码',
  usernameField,
}: {
  name?: string;
  label?: string;
  /** Form field holding the account name (a password equal to it is refused). */
  usernameField?: string;
}) {
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={PASSWORD_HINT}
        dependencies={usernameField ? [usernameField] : []}
        rules={[
          { required: true, message: `请输入${label}` },
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              if (!value) return Promise.resolve();
              const username = usernameField
                ? (getFieldValue(usernameField) as string | undefined)
                : undefined;
              const errors = checkPasswordStrength(value, { username });
              return errors.length
                ? Promise.reject(new Error(errors.map((e) => e.message).join('；')))
                : Promise.resolve();
            },
          }),
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={`确认${label}`}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: `请再次输入${label}` },
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              if (!value || getFieldValue(name) === value) return Promise.resolve();
              return Promise.reject(new Error('两次输入的密码不一致'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
