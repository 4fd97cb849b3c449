/**
 * R8 at filing confirmation (通知第四条: 企业、院校…应按照先开展自主评价再进行社会评价的原则): which social
 * items of a confirmed application are filed now and which are held back (`held`, with the reason given
 * in the 备案确认通知书). It asks the same rule the pre-check asks (rules/r8-mode.ts `checkMode`), with
 * the filings as they stand at confirmation:
 *
 * - `strict` round policy: the body's self-evaluation filing of the occupation must already exist
 *   (imported or confirmed earlier) and be carried out; otherwise the social item is held.
 * - `concurrent` (同步申报): the self-evaluation may be filed by this same confirmation; social is still
 *   confirmed only once the self-evaluation has been carried out — recorded on the existing filing, or,
 *   for a self-evaluation filed now, shown by the carrying-out evidence the applicant gave with the
 *   social item (the pre-check asks for it: "…开展后，请上传开展情况证明，社会评价方可备案确认"), which
 *   the city and province reviewed.
 * - A mode the organization kind may not use at all (R8 error) is held too — it cannot normally get
 *   this far, but confirmation does not trust earlier stages blindly.
 *
 * Self-evaluation items and social items of `other` bodies are not affected.
 */
import { SELF_MODE_OF_KIND, type FilingMode, type OrganizationKind } from '../filing/filing-mode';
import type {
  OwnFiling,
  PrecheckOccupation,
  PrecheckOrganization,
  PrecheckRound,
  PrecheckScopeItem,
  SocialPolicy,
} from '../filing/precheck-context';
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
  selfEvaluationEvidence?: string | null | undefined;
}

export interface ConfirmationR8Input {
  kind: OrganizationKind;
  socialPolicy: SocialPolicy;
  /** The continuing items of the application being confirmed (self and social). */
  items: readonly ConfirmationItem[];
  /** The body's filings in force before this confirmation (status 已备案; imported ones included). */
  existingFilings: readonly OwnFiling[];
}

export type ConfirmationDecision =
  | { id: string; confirm: true }
  | { id: string; confirm: false; code: string; reason: string; clause: string };

const isBlank = (s: string | null | undefined) => !s || s.trim() === '';
/** Findings read '第1项 6-18-02-04 焊工：…'; the letter shows the item in its own row, so the label goes. */
const withoutLabel = (message: string) => message.slice(message.indexOf('：') + 1);

export function decideConfirmation(input: ConfirmationR8Input): ConfirmationDecision[] {
  const selfMode = SELF_MODE_OF_KIND[input.kind];
  const scopeItems: PrecheckScopeItem[] = input.items.map((i) => ({
    occupationCode: i.occupationCode,
    jobName: i.jobName,
    mode: i.mode,
    levels: i.levels,
    chainIds: [],
    ...(isBlank(i.selfEvaluationEvidence) ? {} : { selfEvaluationEvidence: i.selfEvaluationEvidence! }),
  }));
  const occupations: Record<string, PrecheckOccupation | undefined> = {};
  for (const i of input.items) {
    // Only the name is read (for the item's label).
    occupations[i.occupationCode] = { name: i.occupationName ?? '' } as PrecheckOccupation;
  }
  // checkMode reads only the kind of the organization and the social policy of the round.
  const findings = checkMode({
    organization: { kind: input.kind } as PrecheckOrganization,
    round: { socialPolicy: input.socialPolicy } as PrecheckRound,
    scopeItems,
    occupations,
    ownFilings: input.existingFilings,
  });

  return input.items.map((item, index) => {
    const mine = findings.filter((f) => f.scopeItemIndex === index);
    const error = mine.find((f) => f.severity === 'error');
    if (error) {
      return {
        id: item.id,
        confirm: false,
        code: error.code,
        reason: withoutLabel(error.message),
        clause: CLAUSES.authority,
      };
    }
    const pending = mine.find((f) => f.code === 'SOCIAL_CONFIRMED_AFTER_SELF');
    if (pending && selfMode) {
      // Concurrent policy, self-evaluation not (yet) recorded as carried out: the evidence decides.
      const existing = input.existingFilings.find(
        (f) => f.occupationCode === item.occupationCode && f.mode === selfMode,
      );
      if (existing || isBlank(item.selfEvaluationEvidence)) {
        return {
          id: item.id,
          confirm: false,
          code: 'SOCIAL_HELD_SELF_NOT_CARRIED_OUT',
          reason: '该职业的自主评价尚未开展，社会评价暂缓备案确认，待自主评价开展后另行确认',
          clause: CLAUSES.authority,
        };
      }
    }
    return { id: item.id, confirm: true };
  });
}
