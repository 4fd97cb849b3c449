/**
 * 统一社会信用代码 checked as typed: the domain validator at once (check character, charset, division),
 * then GET /api/public/validate/credit-code (debounced) for what only the server knows; hints shown below.
 */
import { Alert, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { computeCreditCodeCheckChar, validateCreditCode } from '@skillcert/domain';
import { api } from '../api/client';
import type { CreditCodeCheck } from '@skillcert/contracts';

const LENGTH_CODES = new Set(['CREDIT_CODE_REQUIRED', 'CREDIT_CODE_LENGTH']);

function useServerCheck(value: string | undefined): CreditCodeCheck | null {
  const [answer, setAnswer] = useState<CreditCodeCheck | null>(null);
  useEffect(() => {
    setAnswer(null);
    const local = validateCreditCode(value ?? '');
    if (local.normalized.length !== 18) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get(
          '/api/public/validate/credit-code',
          { query: { value: local.normalized } },
          { silent: true, noAuthRedirect: true },
        )
        .then((a) => live && setAnswer(a))
        .catch(() => undefined); // the local check still stands; the server re-checks on submit
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value]);
  return answer;
}

function CreditCodeHint({ cityCode }: { cityCode?: string }) {
  const value = Form.useWatch<string | undefined>('creditCode');
  const server = useServerCheck(value);
  if (!value) return null;
  const local = validateCreditCode(value);
  const kindHint = server?.kindHint ?? local.kindHint;
  const division = server?.divisionCode ?? local.divisionCode;
  const inHunan = server ? server.inHunan : local.inHunan;
  const localMessages = new Set(local.errors.map((e) => e.message));
  const checkError = local.errors.some((e) => e.code === 'CREDIT_CODE_CHECK');
  const checkExpected = checkError ? computeCreditCodeCheckChar(local.normalized.slice(0, 17)) : null;
  const serverOnly = (server?.errors ?? []).filter((e) => !localMessages.has(e.message));
  const cityMismatch =
    cityCode && division && inHunan && division.slice(0, 4) !== cityCode.slice(0, 4) && cityCode !== '430000';
  return (
    <Space orientation="vertical" size={4} style={{ marginTop: 4, width: '100%' }} aria-live="polite">
      <Space wrap size={4}>
        {kindHint && <Tag color="blue">登记类型：{kindHint}</Tag>}
        {division && (
          <Tag color={inHunan ? 'green' : 'orange'}>
            登记机关区划 {division}
            {inHunan ? '（湖南省）' : '（非湖南省）'}
          </Tag>
        )}
        {local.valid && server?.valid !== false && <Tag color="success">校验位正确</Tag>}
        {/* The check character is judged the moment the 18th character is typed, not on submit. */}
        {checkError && (
          <Tag color="error" data-testid="credit-code-check">
            校验位错误：第18位应为“{checkExpected}”
          </Tag>
        )}
      </Space>
      {local.registrationType === 'individual_business' && (
        <Typography.Text type="danger">个体工商户不是独立法人，不能申报评价机构备案。</Typography.Text>
      )}
      {local.normalized.length === 18 && !inHunan && (
        <Typography.Text type="warning">
          该代码不是湖南省登记机关赋码；申报须为在湖南省登记注册的独立法人，请核对。
        </Typography.Text>
      )}
      {serverOnly.map((e) => (
        <Typography.Text key={e.code + e.message} type="danger">
          {e.message}
        </Typography.Text>
      ))}
      {cityMismatch && (
        <Alert
          type="warning"
          showIcon
          title="信用代码的登记机关区划与所选市州不一致：以所选市州为准，请确认所选市州无误。"
        />
      )}
    </Space>
  );
}

export function CreditCodeField({ cityCode }: { cityCode?: string }) {
  return (
    <Form.Item
      label="统一社会信用代码"
      required
      extra={
        <>
          18位，可在营业执照或登记证书上找到
          <CreditCodeHint cityCode={cityCode} />
        </>
      }
    >
      <Form.Item
        name="creditCode"
        noStyle
        validateTrigger={['onChange', 'onBlur']}
        normalize={(v: string) => (v ?? '').toUpperCase()}
        rules={[
          {
            validateTrigger: 'onChange',
            validator(_, v: string | undefined) {
              // While typing, complain about wrong characters and the check character, not the length.
              const errs = validateCreditCode(v ?? '').errors.filter(
                (e) => !LENGTH_CODES.has(e.code) || (v ?? '').length > 18,
              );
              return errs.length
                ? Promise.reject(new Error(errs.map((e) => e.message).join('；')))
                : Promise.resolve();
            },
          },
          {
            validateTrigger: 'onBlur',
            validator(_, v: string | undefined) {
              // On leaving the field (and on submit) add what the first rule leaves out: missing or short.
              const errs = validateCreditCode(v ?? '').errors.filter(
                (e) => LENGTH_CODES.has(e.code) && (v ?? '').length <= 18,
              );
              return errs.length
                ? Promise.reject(new Error(errs.map((e) => e.message).join('；')))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Input
          maxLength={20}
          placeholder="例如 91430100XXXXXXXXXX"
          autoComplete="off"
          aria-label="统一社会信用代码"
        />
      </Form.Item>
    </Form.Item>
  );
}
