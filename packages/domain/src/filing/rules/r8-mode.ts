/**
 * R8 评价方式 (通知第四条). Enterprises evaluate their own employees, schools their own students, and any
 * of them may evaluate socially once filed as a 社会培训评价组织; other bodies only socially. Enterprises
 * and schools follow "先开展自主评价再进行社会评价": under the round's `strict` policy social evaluation of
 * an occupation needs its self-evaluation filed and carried out; under `concurrent` both may be asked at
 * once (同步申报) but social is only confirmed after the self-evaluation has been carried out.
 */
import { CLAUSES } from '../clauses';
import {
  FILING_MODE_LABELS,
  MODES_ALLOWED_FOR_KIND,
  ORGANIZATION_KIND_LABELS,
  SELF_MODE_OF_KIND,
  filingModeLabel,
} from '../filing-mode';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, isBlank, warningFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type R8Context = Pick<
  PrecheckContext,
  'organization' | 'scopeItems' | 'occupations' | 'ownFilings' | 'round'
>;

export function checkMode(ctx: R8Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const kind = ctx.organization.kind;
  const allowed = MODES_ALLOWED_FOR_KIND[kind];
  const selfMode = SELF_MODE_OF_KIND[kind];

  ctx.scopeItems.forEach((item, index) => {
    const label = itemLabel(item, index, ctx.occupations);
    const at = { rule: 'R8', clause: CLAUSES.authority, scopeItemIndex: index } as const;
    if (!allowed.includes(item.mode)) {
      findings.push(
        errorFinding({
          ...at,
          code: 'MODE_NOT_ALLOWED_FOR_KIND',
          message: `${label}：${ORGANIZATION_KIND_LABELS[kind]}不能申报"${filingModeLabel(item.mode)}"，只能申报${allowed.map((m) => `"${FILING_MODE_LABELS[m]}"`).join('或')}`,
          fix: `请将评价方式改为${allowed.map((m) => FILING_MODE_LABELS[m]).join('或')}`,
        }),
      );
      return;
    }
    if (item.mode !== 'social' || selfMode === null) return;

    const filing = ctx.ownFilings.find(
      (f) => f.occupationCode === item.occupationCode && f.mode === selfMode,
    );
    const carriedOut = filing?.selfEvaluationCarriedOut === true;
    const selfLabel = FILING_MODE_LABELS[selfMode];
    const requiresSelf = (message: string) =>
      errorFinding({
        ...at,
        code: 'SOCIAL_REQUIRES_SELF_EVALUATION',
        message: `${label}：${message}`,
        fix:
          ctx.round.socialPolicy === 'strict'
            ? `请先申报并开展该职业的${selfLabel}，再申报社会评价`
            : `请在本申请中同时申报该职业的${selfLabel}，或先取得其${selfLabel}备案`,
      });

    if (ctx.round.socialPolicy === 'strict') {
      if (!filing) {
        findings.push(
          requiresSelf(`企业、院校须先开展自主评价再进行社会评价，本单位尚无该职业的${selfLabel}备案`),
        );
        return;
      }
      if (!carriedOut) {
        findings.push(requiresSelf(`本单位已备案该职业的${selfLabel}，但尚未实际开展，暂不能申报社会评价`));
        return;
      }
    } else {
      const inSameApplication = ctx.scopeItems.some(
        (other) => other.occupationCode === item.occupationCode && other.mode === selfMode,
      );
      if (!filing && !inSameApplication) {
        findings.push(requiresSelf(`申报社会评价须同时申报或已备案该职业的${selfLabel}`));
        return;
      }
      if (!carriedOut) {
        findings.push(
          warningFinding({
            ...at,
            code: 'SOCIAL_CONFIRMED_AFTER_SELF',
            message: `${label}：社会评价须在自主评价开展后方可确认`,
            fix: `${selfLabel}开展后，请上传开展情况证明，社会评价方可备案确认`,
          }),
        );
      }
    }
    if (filing && isBlank(item.selfEvaluationEvidence)) {
      findings.push(
        warningFinding({
          ...at,
          code: 'SELF_EVALUATION_EVIDENCE_MISSING',
          message: `${label}：未提供${selfLabel}开展情况的证明`,
          fix: `请简述已开展的${selfLabel}（批次、人数、证书发放）并上传证明`,
        }),
      );
    }
  });
  return findings;
}
