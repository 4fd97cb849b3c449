/**
 * R8 评价方式 (通知第四条). Enterprises evaluate their own employees, schools their own students, and any
 * of them may evaluate socially once filed as a 社会培训评价组织; other bodies only socially.
 *
 * "企业、院校自主评价职业（工种）与社会评价职业（工种）可同步申报": an enterprise or school may apply for
 * social evaluation of an occupation together with, or without, its self-evaluation, and whatever passes
 * the public notice is filed (通知第五条第五款) — nothing here refuses or holds it. The sentence
 * "应按照先开展自主评价再进行社会评价的原则稳步有序进行" binds *carrying out* certification: social
 * evaluation of an occupation starts only after the body has carried out its self-evaluation (enforced
 * where certification is carried out, R12). The applicant is told so on the item (`modeOrderNote`).
 */
import { CLAUSES } from '../clauses';
import {
  FILING_MODE_LABELS,
  MODES_ALLOWED_FOR_KIND,
  ORGANIZATION_KIND_LABELS,
  SELF_MODE_OF_KIND,
  filingModeLabel,
  type FilingMode,
  type OrganizationKind,
} from '../filing-mode';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type R8Context = Pick<PrecheckContext, 'organization' | 'scopeItems' | 'occupations'>;

export function checkMode(ctx: R8Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const kind = ctx.organization.kind;
  const allowed = MODES_ALLOWED_FOR_KIND[kind];
  ctx.scopeItems.forEach((item, index) => {
    if (allowed.includes(item.mode)) return;
    findings.push(
      errorFinding({
        rule: 'R8',
        clause: CLAUSES.authority,
        scopeItemIndex: index,
        code: 'MODE_NOT_ALLOWED_FOR_KIND',
        message: `${itemLabel(item, index, ctx.occupations)}：${ORGANIZATION_KIND_LABELS[kind]}不能申报"${filingModeLabel(item.mode)}"，只能申报${allowed.map((m) => `"${FILING_MODE_LABELS[m]}"`).join('或')}`,
        fix: `请将评价方式改为${allowed.map((m) => FILING_MODE_LABELS[m]).join('或')}`,
      }),
    );
  });
  return findings;
}

/**
 * The note an enterprise or school reads on a social-evaluation item (通知第四条): it may be applied for
 * and filed together with the self-evaluation, but carried out only after it. Null for other items.
 */
export function modeOrderNote(kind: OrganizationKind, mode: FilingMode): string | null {
  const selfMode = SELF_MODE_OF_KIND[kind];
  if (mode !== 'social' || selfMode === null) return null;
  const self = FILING_MODE_LABELS[selfMode];
  return (
    `${ORGANIZATION_KIND_LABELS[kind]}的${self}与社会评价可同步申报，经公示无异议后一并备案；` +
    `开展认定时应按照先开展自主评价再进行社会评价的原则：本单位完成该职业（工种）的${self}后，方可面向社会开展评价（${CLAUSES.authority}）`
  );
}
