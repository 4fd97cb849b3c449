/**
 * R7 本地紧缺 (通知第三条第二款: "当地无相关职业（工种）备案评价机构或备案评价机构数量较少，无法满足评价市场需求").
 * "备案评价机构" that serve the evaluation market are the bodies filed for 社会评价 of that occupation (of that
 * 工种 where one is named) in the city; a body's self-evaluation (企业/院校自主评价) serves only its own
 * employees or students, and the applicant itself is not the market it would serve, so neither counts
 * (the server counts accordingly, see `FiledCounts`). What counts as "few" and whether exceeding it warns
 * or refuses are round policies (docs/domain.md §5 R7 [policy]); the counts and the round's targeted list
 * (紧缺职业（工种）目录 of the city) are shown either way so reviewers see the market, hence the separate
 * `shortageVerdict` the UI uses while the applicant picks occupations.
 */
import { CLAUSES } from '../clauses';
import type { FiledCounts, PrecheckContext, ShortagePolicy } from '../precheck-context';
import { errorFinding, warningFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type R7Context = Pick<
  PrecheckContext,
  'scopeItems' | 'occupations' | 'filedCounts' | 'targetedOccupationCodes' | 'round'
>;

export interface ShortageVerdict {
  verdict: 'ok' | 'warn' | 'refuse';
  message: string;
}

/**
 * The key of `filedCounts` for a scope item: the occupation, or occupation/工种 when a 工种 is named
 * (a body filed for the whole occupation counts for each of its 工种; a body filed for one 工种 counts
 * for the whole occupation too, so an occupation-wide item is never shown as shorter than it is).
 */
export const shortageKey = (occupationCode: string, jobName: string): string =>
  jobName.trim() ? `${occupationCode}/${jobName.trim()}` : occupationCode;

/**
 * Whether the round lists the occupation among the city's targeted shortage occupations: undefined when
 * the round names none for the city (then nothing is said about it).
 */
export function isTargeted(targetedCodes: readonly string[], occupationCode: string): boolean | undefined {
  return targetedCodes.length === 0 ? undefined : targetedCodes.includes(occupationCode);
}

/**
 * City count below the threshold is short (ok); at or above it warns or refuses per the round policy.
 * `targeted` (see isTargeted) only adds to the explanation: the condition of the notice is the count.
 */
export function shortageVerdict(
  counts: FiledCounts | undefined,
  threshold: number,
  policy: ShortagePolicy,
  targeted?: boolean,
): ShortageVerdict {
  const city = counts?.city ?? 0;
  const province = counts?.province ?? 0;
  const tally = `本市州已备案该职业（工种）社会评价机构${city}家（不含本单位），全省${province}家`;
  const target =
    targeted === undefined
      ? ''
      : targeted
        ? '；本批次已将其列入本市州紧缺职业（工种）目录'
        : '；不在本批次本市州紧缺职业（工种）目录中';
  if (city < threshold) {
    return {
      verdict: 'ok',
      message:
        (city === 0 ? `${tally}，当地无备案评价机构` : `${tally}，少于${threshold}家，属数量较少`) + target,
    };
  }
  return {
    verdict: policy === 'refuse' ? 'refuse' : 'warn',
    message: `${tally}，已达到本批次"数量较少"上限${threshold}家，不属当地紧缺${target}`,
  };
}

export function checkLocalShortage(ctx: R7Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  ctx.scopeItems.forEach((item, index) => {
    const v = shortageVerdict(
      ctx.filedCounts[shortageKey(item.occupationCode, item.jobName)],
      ctx.round.fewThreshold,
      ctx.round.shortagePolicy,
      isTargeted(ctx.targetedOccupationCodes, item.occupationCode),
    );
    if (v.verdict === 'ok') return;
    const body = {
      rule: 'R7',
      clause: CLAUSES.shortage,
      code: 'NOT_SHORTAGE_IN_CITY',
      message: `${itemLabel(item, index, ctx.occupations)}：${v.message}`,
      fix:
        v.verdict === 'refuse'
          ? '本批次只受理当地紧缺职业，请删除该项或改选其它职业'
          : '请在申报理由中说明当地评价需求仍未满足的情况，由审核人员判断',
      scopeItemIndex: index,
    } as const;
    findings.push(v.verdict === 'refuse' ? errorFinding(body) : warningFinding(body));
  });
  return findings;
}
