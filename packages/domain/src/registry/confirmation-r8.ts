/**
 * R8 at filing confirmation (通知第四条, 第五条第五款 "经公示无异议的…纳入备案管理"): every item that passed
 * the notice is filed — self-evaluation and social evaluation alike, since the notice lets enterprises
 * and schools apply for both at once (同步申报) and the order "先开展自主评价再进行社会评价" binds carrying
 * them out, not filing them (rules/r8-mode.ts). Confirmation does not trust earlier stages blindly,
 * though: an item whose mode the organization kind may not use at all (an R8 error) is held back
 * (`held`, with the reason given in the 备案确认通知书) — it cannot normally get this far.
 */
import type { FilingMode, OrganizationKind } from '../filing/filing-mode';
import type { PrecheckOccupation, PrecheckOrganization, PrecheckScopeItem } from '../filing/precheck-context';
import { checkMode } from '../filing/rules/r8-mode';
import { CLAUSES } from '../filing/clauses';

export interface ConfirmationItem {
  /** The scope item's id (opaque here). */
  id: string;
  occupationCode: string;
  occupationName?: string | undefined;
  jobName: string;
  mode: FilingMode;
  levels: readonly string[];
}

export interface ConfirmationR8Input {
  kind: OrganizationKind;
  /** The continuing items of the application being confirmed (self and social). */
  items: readonly ConfirmationItem[];
}

export type ConfirmationDecision =
  | { id: string; confirm: true }
  | { id: string; confirm: false; code: string; reason: string; clause: string };

/** Findings read '第1项 6-18-02-04 焊工：…'; the letter shows the item in its own row, so the label goes. */
const withoutLabel = (message: string) => message.slice(message.indexOf('：') + 1);

export function decideConfirmation(input: ConfirmationR8Input): ConfirmationDecision[] {
  const scopeItems: PrecheckScopeItem[] = input.items.map((i) => ({
    occupationCode: i.occupationCode,
    jobName: i.jobName,
    mode: i.mode,
    levels: i.levels,
    chainIds: [],
  }));
  const occupations: Record<string, PrecheckOccupation | undefined> = {};
  for (const i of input.items) {
    // Only the name is read (for the item's label).
    occupations[i.occupationCode] = { name: i.occupationName ?? '' } as PrecheckOccupation;
  }
  // checkMode reads only the kind of the organization.
  const findings = checkMode({
    organization: { kind: input.kind } as PrecheckOrganization,
    scopeItems,
    occupations,
  });
  return input.items.map((item, index) => {
    const error = findings.find((f) => f.scopeItemIndex === index && f.severity === 'error');
    return error
      ? {
          id: item.id,
          confirm: false,
          code: error.code,
          reason: withoutLabel(error.message),
          clause: CLAUSES.authority,
        }
      : { id: item.id, confirm: true };
  });
}
