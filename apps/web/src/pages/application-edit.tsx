/**
 * 申请向导 /applications/:id/edit (applicant): ① 单位情况 ② 申报职业（工种） ③ 备案材料 ④ 预检 ⑤ 承诺提交.
 * Each step has 保存草稿 and saves on 下一步 / 上一步 with the version it loaded (see wizard/useDraft).
 * The step is kept in the URL (?step=) so a reload stays on it.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Skeleton, Space, Steps } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Finding, PrecheckResult, SubmitAnswer } from '../api/filing-types';
import { PageHeader } from '../components/PageHeader';
import { StatusTag } from './applications/StatusTag';
import { useChains } from './applications/useChains';
import { CommitStep } from './applications/wizard/CommitStep';
import { FactsStep } from './applications/wizard/FactsStep';
import { MaterialsStep } from './applications/wizard/MaterialsStep';
import { acknowledgedCodes, precheckCleared, PrecheckStep } from './applications/wizard/PrecheckStep';
import { ScopeStep } from './applications/wizard/ScopeStep';
import { useDraft, type Focus, type StepHandle } from './applications/wizard/useDraft';

const STEPS = ['单位情况', '申报职业（工种）', '备案材料', '预检', '承诺提交'];
const PRECHECK = 3;
const LAST = STEPS.length - 1;

/** The step where a finding is fixed. */
function stepOf(f: Finding): number {
  if (f.scopeItemIndex !== undefined) return 1;
  if (f.slotKey) return 2;
  if (f.rule === 'R1' || f.rule === 'R2') return 0;
  if (f.rule === 'R9') return 2;
  return 1;
}

export default function ApplicationEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const draft = useDraft(id);
  const chains = useChains();
  const stepRef = useRef<StepHandle>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<Focus | undefined>();
  const [precheck, setPrecheck] = useState<PrecheckResult | null>(null);
  const [ack, setAck] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState<SubmitAnswer | null>(null);
  const step = Math.min(LAST, Math.max(0, Number(params.get('step') ?? 0) || 0));

  const onResult = useCallback((r: PrecheckResult) => setPrecheck(r), []);
  const onAck = useCallback(
    (key: string, checked: boolean) =>
      setAck((prev) => {
        const next = new Set(prev);
        if (checked) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );

  const save = async () => {
    if (!stepRef.current) return true;
    setBusy(true);
    try {
      return await stepRef.current.save();
    } finally {
      setBusy(false);
    }
  };
  const go = async (next: number, nextFocus?: Focus) => {
    if (!(await save())) return;
    setFocus(nextFocus);
    setParams({ step: String(next) }, { replace: false });
    window.scrollTo({ top: 0 });
  };
  const saveDraft = async () => {
    if (await save()) void message.success('草稿已保存');
  };

  const { detail } = draft;
  if (draft.loadError) return <Result status="404" title="无法打开该申请" subTitle={draft.loadError} />;
  if (!detail) return <Skeleton active />;

  if (submitted) {
    return (
      <Result
        status="success"
        title="申请已提交"
        subTitle={`申请编号：${submitted.number}。请等待所在市州鉴定中心核验，进度可在申请详情的时间线中查看。`}
        extra={[
          <Button
            key="receipt"
            onClick={() =>
              void api
                .download(submitted.receiptUrl, `申报回执-${submitted.number}.pdf`)
                .catch(() => undefined)
            }
          >
            下载回执
          </Button>,
          <Button key="detail" type="primary" onClick={() => navigate(`/applications/${submitted.id}`)}>
            查看申请详情
          </Button>,
        ]}
      />
    );
  }

  if (!detail.abilities.edit) {
    return (
      <Result
        status="info"
        title="该申请当前不能修改"
        subTitle={`状态：${detail.statusLabel}。只有草稿或退回补正的申请可以编辑。`}
        extra={
          <Link to={`/applications/${detail.id}`}>
            <Button type="primary">查看申请详情</Button>
          </Link>
        }
      />
    );
  }

  const cleared = precheckCleared(precheck, ack);
  const canSave = step < PRECHECK;

  return (
    <>
      <PageHeader
        title={detail.status === 'returned' ? '补正备案申请' : '填写备案申请'}
        description={
          <Space size={8} wrap>
            <StatusTag status={detail.status} label={detail.statusLabel} />
            {detail.organizationName} · {detail.roundTitle}
          </Space>
        }
        extra={<Link to={`/applications/${detail.id}`}>查看申请详情</Link>}
      />
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={STEPS.map((title, i) => ({ title, disabled: busy || (i === LAST && !cleared) }))}
        onChange={(i) => void go(i)}
      />
      <Card>
        {step === 0 && <FactsStep ref={stepRef} detail={detail} draft={draft} />}
        {step === 1 && (
          <ScopeStep ref={stepRef} detail={detail} draft={draft} chains={chains} focus={focus} />
        )}
        {step === 2 && <MaterialsStep ref={stepRef} detail={detail} draft={draft} focus={focus} />}
        {step === PRECHECK && (
          <PrecheckStep
            applicationId={detail.id}
            result={precheck}
            ack={ack}
            onResult={onResult}
            onAck={onAck}
            onJump={(f) => void go(stepOf(f), { scopeItemIndex: f.scopeItemIndex, slotKey: f.slotKey })}
          />
        )}
        {step === LAST &&
          (cleared ? (
            <CommitStep
              detail={detail}
              draft={draft}
              acknowledgedWarnings={acknowledgedCodes(precheck, ack)}
              onSubmitted={setSubmitted}
              onBackToPrecheck={() => void go(PRECHECK)}
            />
          ) : (
            <Alert type="warning" showIcon title="请先完成预检：处理全部问题并确认全部提示后再签署承诺" />
          ))}
        <Space style={{ marginTop: 24 }} wrap>
          {step > 0 && (
            <Button disabled={busy} onClick={() => void go(step - 1)}>
              上一步
            </Button>
          )}
          {canSave && (
            <Button icon={<SaveOutlined />} loading={busy} onClick={() => void saveDraft()}>
              保存草稿
            </Button>
          )}
          {step < LAST && (
            <Button
              type="primary"
              loading={busy}
              disabled={step === PRECHECK && !cleared}
              onClick={() => void go(step + 1)}
            >
              下一步
            </Button>
          )}
        </Space>
      </Card>
      {draft.conflictModal}
    </>
  );
}
