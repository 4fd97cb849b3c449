/**
 * 决定书 / 通知书 for a negative outcome (docs/domain.md §4: "Every negative outcome … produces a decision letter
 * (PDF) with the reasons and the route for 申诉/复核"). Sober, generic wording; the reasons are given
 * by the caller (timeline reason, verification comments, opinion items).
 */
import { renderPdf } from './pdf';
import type { DecisionReviewPeriod } from '@skillcert/domain';
import { formatShanghaiDate } from './format';

export type DecisionKind = 'returned' | 'rejected' | 'not_recommended';

export interface DecisionLetterData {
  kind: DecisionKind;
  applicationNumber: string;
  roundTitle: string;
  organizationName: string;
  creditCode: string;
  /** The unit that took the decision (signature block). */
  issuer: string;
  /** Where a request for review (复核) is addressed. */
  reviewBody: string;
  /** 复核申请期限 and its basis: a [policy] system parameter (docs/domain.md §11). */
  reviewPeriod: DecisionReviewPeriod;
  /** The stage of the decision, e.g. 材料核验, 书面评估. */
  stage: string;
  /** The general reason given with the decision, if any. */
  reason: string | null;
  /** Itemised reasons (material comments, scope items not recommended). */
  details: string[];
  decidedAt: Date;
}

const TITLES: Record<DecisionKind, string> = {
  returned: '职业技能等级认定评价机构备案申请退回补正通知书',
  rejected: '职业技能等级认定评价机构备案申请不予通过决定书',
  not_recommended: '职业技能等级认定评价机构备案申请不予推荐决定书',
};

const OUTCOMES: Record<DecisionKind, string> = {
  returned: '退回补正',
  rejected: '不予通过',
  not_recommended: '不予推荐',
};

export function renderDecisionLetter(data: DecisionLetterData): Promise<Buffer> {
  const decidedOn = formatShanghaiDate(data.decidedAt);
  const opening =
    data.kind === 'returned'
      ? `你单位提交的职业技能等级认定评价机构备案申请（申请编号：${data.applicationNumber}），经${data.stage}，需补正后重新提交。现将有关意见告知如下。`
      : `你单位提交的职业技能等级认定评价机构备案申请（申请编号：${data.applicationNumber}），经${data.stage}，决定${OUTCOMES[data.kind]}。现将理由告知如下。`;
  const reasons = [...(data.reason ? [data.reason] : []), ...data.details];
  const next =
    data.kind === 'returned'
      ? '请按上述意见补正后，通过系统重新提交申请。'
      : data.kind === 'not_recommended'
        ? '未获推荐的职业（工种）本批次不再报送省级评估；符合条件的，可在以后的征集批次中重新申报。'
        : '本申请在本批次中办理终结；符合条件的，可在以后的征集批次中重新申报。';
  return renderPdf({
    title: TITLES[data.kind],
    subtitle: [data.roundTitle],
    reference: `申请编号：${data.applicationNumber}`,
    info: { subject: `${OUTCOMES[data.kind]} ${data.applicationNumber}`, createdAt: data.decidedAt },
    footer: { text: `申请编号 ${data.applicationNumber} · ${data.issuer}` },
    blocks: [
      { kind: 'paragraph', text: `${data.organizationName}（统一社会信用代码：${data.creditCode}）：` },
      { kind: 'paragraph', text: opening, indent: true },
      { kind: 'heading', text: data.kind === 'returned' ? '一、补正意见' : '一、理由' },
      ...(reasons.length
        ? reasons.map((r, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${r}`, indent: true }))
        : [{ kind: 'paragraph' as const, text: '（无具体说明）', indent: true }]),
      { kind: 'heading', text: '二、后续事项' },
      { kind: 'paragraph', text: next, indent: true },
      {
        kind: 'paragraph',
        text: `如对本${data.kind === 'returned' ? '通知' : '决定'}有异议，可自收到本通知之日起${data.reviewPeriod.workingDays}个工作日内，向${data.reviewBody}提出书面复核申请，并说明理由、附相关证明材料（复核申请期限依据：${data.reviewPeriod.basis}）。`,
        indent: true,
      },
      { kind: 'paragraph', note: true, text: `决定日期：${decidedOn}。本文书由系统根据办理记录生成。` },
      { kind: 'signature', signer: data.issuer, seal: true, date: data.decidedAt },
    ],
  });
}
