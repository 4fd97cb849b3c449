/**
 * The fields of one scope item (inside the item modal's form): occupation, 工种, levels limited by the
 * standard (R4), mode limited by kind (R8), chains or local industry (R6), business link, category
 * justification outside 第六大类 (R3), the order of 通知第四条 explained on a social item of an
 * enterprise or school, with optional facts of its self-evaluation (R8), and the
 * local shortage (R7) as far as the caller may read it.
 */
import { Alert, AutoComplete, Checkbox, Divider, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  MODES_ALLOWED_FOR_KIND,
  EVALUATION_MODE_LABELS,
  isFilingMode,
  isTargeted,
  modeOrderNote,
  shortageVerdict,
  skillLevelLabel,
  type OrganizationKind,
} from '@skillcert/domain';
import { api } from '../../../api/client';
import { useMe } from '../../../auth/session';
import type { OccupationOption, RoundPolicyDto, ScopeItem } from '../../../api/filing-types';
import type { ChainItem as Chain } from '@skillcert/contracts';
import { ShortageTag } from '../ShortageTag';
import { allowedLevels, levelsPending } from './occupation-levels';
import { OccupationPicker, OccupationTagsLine } from './OccupationPicker';

interface Counts {
  city: number;
  province: number;
}

export function ScopeItemFields({
  kind,
  chains,
  cityCode,
  targeted,
  policy,
  saved,
}: {
  kind: OrganizationKind;
  chains: Chain[];
  cityCode: string;
  /** The round's targeted shortage occupations in the applicant's city (R7). */
  targeted: readonly string[];
  policy: RoundPolicyDto | null;
  /** The item as last saved (its counts and verdict come from the server). */
  saved: ScopeItem | null;
}) {
  const form = Form.useFormInstance();
  const me = useMe();
  const [option, setOption] = useState<OccupationOption | undefined>();
  const [counts, setCounts] = useState<Counts | null>(null);
  const code = Form.useWatch<string | undefined>('occupationCode');
  const mode = Form.useWatch<string | undefined>('mode');
  const jobName = Form.useWatch<string | undefined>('jobName')?.trim() ?? '';
  const orderNote = isFilingMode(mode) ? modeOrderNote(kind, mode) : null;
  const levels = allowedLevels(option);
  const pending = levelsPending(option);

  // /api/filings/counts is for staff (an applicant is answered 404); applicants see the counts after
  // saving, from the application's detail, so they never ask.
  const staff = me.role !== 'applicant';
  useEffect(() => {
    setCounts(null);
    if (!staff || !code || (code === saved?.occupationCode && jobName === saved.jobName)) return;
    let live = true;
    api
      .get(
        '/api/filings/counts',
        { query: { occupationCode: code, jobName, cityCode } },
        { silent: true, noAuthRedirect: true },
      )
      .then(
        (c) => live && setCounts(c),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [staff, code, jobName, cityCode, saved?.occupationCode, saved?.jobName]);

  const onOption = (o: OccupationOption | undefined) => {
    setOption(o);
    if (!o) return;
    const ok = allowedLevels(o);
    const current: string[] = form.getFieldValue('levels') ?? [];
    form.setFieldValue(
      'levels',
      current.filter((l) => (ok as readonly string[]).includes(l)),
    );
  };

  const shortage =
    code && code === saved?.occupationCode && jobName === saved.jobName ? (
      <ShortageTag
        city={saved.filedInCity}
        province={saved.filedInProvince}
        verdict={saved.shortage.verdict}
        message={saved.shortage.message}
      />
    ) : counts && policy ? (
      <ShortageTag
        {...counts}
        {...shortageVerdict(
          counts,
          policy.fewThreshold,
          policy.shortagePolicy,
          isTargeted(targeted, code ?? ''),
        )}
      />
    ) : code ? (
      <Typography.Text type="secondary">
        保存后显示本市、全省已备案社会评价机构数量及紧缺判定（规则R7）
        {isTargeted(targeted, code) && '；该职业已列入本批次本市州紧缺职业（工种）目录'}
      </Typography.Text>
    ) : null;

  return (
    <>
      <Form.Item
        name="occupationCode"
        label="职业"
        rules={[{ required: true, message: '请选择申报的职业' }]}
        extra={option && <OccupationTagsLine o={option} />}
      >
        <OccupationPicker onOption={onOption} />
      </Form.Item>
      {shortage && <div style={{ margin: '-12px 0 16px' }}>{shortage}</div>}
      <Form.Item name="jobName" label="工种" tooltip="大典中职业下设的工种；无工种的职业可不填">
        <AutoComplete
          options={(option?.jobs ?? []).map((j) => ({ value: j }))}
          placeholder={option?.jobs.length ? '选择或输入工种' : '该职业无工种，可不填'}
          showSearch={{
            filterOption: (input, o) => String(o?.value ?? '').includes(input),
          }}
          maxLength={60}
        />
      </Form.Item>
      <Form.Item
        name="levels"
        label="申报等级"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个等级' }]}
        extra={
          pending
            ? '该职业标准的等级尚待核对，暂按五级至一级提供（规则R4）'
            : option && option.standards.length === 0
              ? '该职业尚无国家职业技能标准，不能备案（规则R4）'
              : undefined
        }
      >
        <Checkbox.Group options={levels.map((l) => ({ value: l, label: skillLevelLabel(l) }))} />
      </Form.Item>
      <Form.Item name="mode" label="评价方式" rules={[{ required: true, message: '请选择评价方式' }]}>
        <Select
          options={MODES_ALLOWED_FOR_KIND[kind].map((m) => ({ value: m, label: EVALUATION_MODE_LABELS[m] }))}
          placeholder="请选择"
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      {orderNote && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={orderNote}
            data-testid="mode-order-note"
          />
          <Form.Item
            name="selfEvaluationEvidence"
            label="自主评价开展情况（选填）"
            tooltip="供审核人员参考；同步申报的可不填（规则R8）"
          >
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder="已有自主评价备案的，填写备案文号、开展批次、评价人数等"
            />
          </Form.Item>
        </>
      )}
      <Divider titlePlacement="start">服务产业（规则R6：产业链与地方特色产业至少其一）</Divider>
      <Form.Item name="chainIds" label="对接产业链">
        <Select
          mode="multiple"
          placeholder="选择一条或多条产业链"
          showSearch={{ optionFilterProp: 'title' }}
          options={chains
            .filter((c) => c.active)
            .map((c) => ({
              value: c.id,
              title: c.name,
              label: (
                <Space size={4}>
                  {c.name}
                  {c.isExample && <Tag color="purple">示例</Tag>}
                </Space>
              ),
            }))}
        />
      </Form.Item>
      <Space size="large" wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="localIndustry" label="或：地方特色产业" style={{ minWidth: 240 }}>
          <Input maxLength={100} placeholder="当地党委政府确定的产业方向" />
        </Form.Item>
        <Form.Item name="localIndustryJustification" label="依据与理由" style={{ minWidth: 360 }}>
          <Input.TextArea rows={2} maxLength={2000} placeholder="如：××市委××号文件确定的重点产业" />
        </Form.Item>
      </Space>
      <Form.Item
        name="businessLink"
        label={kind === 'school' ? '与本校所设专业的关联' : '与本单位主营业务的关联'}
        tooltip="通知第二条第一款"
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {option && option.majorCategory !== 6 && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="该职业不属于第六大类（生产制造及有关人员），请说明申报理由（规则R3）"
          />
          <Form.Item name="categoryJustification" label="非第六大类申报理由">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </>
  );
}
