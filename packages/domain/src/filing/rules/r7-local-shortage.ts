/**
 * R7 本地紧缺 (通知第三条第二款: "当地无相关职业（工种）备案评价机构或备案评价机构数量较少"). What counts as
 * "few" and whether exceeding it warns or refuses are round policies (domain.md §5 R7 [policy]); the
 * counts are shown either way so reviewers see the market, hence the separate `shortageVerdict` the UI
 * uses while the applicant picks occupations.
 */
import { CLAUSES } from '../clauses';
import type { FiledCounts, PrecheckContext, ShortagePolicy } from '../precheck-context';
import { errorFinding, warningFinding, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type R7Context = Pick<PrecheckContext, 'scopeItems' | 'occupations' | 'filedCounts' | 'round'>;

export interface ShortageVerdict {
  verdict: 'ok' | 'warn' | 'refuse';
  message: string;
}

/** City count below the threshold is short (ok); at or above it warns or refuses per the round policy. */
export function shortageVerdict(
  counts: FiledCounts | undefined,
  threshold: number,
  policy: ShortagePolicy,
): ShortageVerdict {
  const city = counts?.city ?? 0;
  const province = counts?.province ?? 0;
  const tally = `本市州已备案评价机构${city}家，全省${province}家`;
  if (city < threshold) {
    return {
      verdict: 'ok',
      message: city === 0 ? `${tally}，当地无备案评价机构` : `${tally}，少于${threshold}家，属数量较少`,
    };
  }
  return {
    verdict: policy === 'refuse' ? 'refuse' : 'warn',
    message: `${tally}，已达到本批次"数量较少"上限${threshold}家，不属当地紧缺`,
  };
}

export function checkLocalShortage(ctx: R7Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  ctx.scopeItems.forEach((item, index) => {
    const v = shortageVerdict(
      ctx.filedCounts[item.occupationCode],
      ctx.round.fewThreshold,
      ctx.round.shortagePolicy,
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
