/**
 * R6 服务产业发展 (通知第三条第一款: 服务"三高四新"，对接二十条新兴优势产业链，服务地方特色产业，符合当地党委政府
 * 确定的产业发展方向; 通知第二条第一款: 职业与企业主营业务或院校设置专业相关). Each item names an active
 * Hunan industrial chain, or a local specialty industry with its justification, and its link to the
 * unit's business or majors. A retired chain no longer counts, so citing one is an error to correct.
 */
import { CLAUSES } from '../clauses';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, isBlank, type RuleFinding } from '../rule-finding';
import { itemLabel } from './item-label';

export type R6Context = Pick<PrecheckContext, 'scopeItems' | 'occupations' | 'activeChainIds'>;

export function checkIndustryLink(ctx: R6Context): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const active = new Set(ctx.activeChainIds);
  ctx.scopeItems.forEach((item, index) => {
    const label = itemLabel(item, index, ctx.occupations);
    const at = { rule: 'R6', clause: CLAUSES.industry, scopeItemIndex: index } as const;
    const inactive = item.chainIds.filter((id) => !active.has(id));
    if (inactive.length > 0) {
      findings.push(
        errorFinding({
          ...at,
          code: 'CHAIN_INACTIVE',
          message: `${label}：所选产业链（编号${inactive.join('、')}）已停用或不存在`,
          fix: '请重新从现行产业链目录中选择',
        }),
      );
    }
    const hasActiveChain = item.chainIds.some((id) => active.has(id));
    const hasLocalIndustry = !isBlank(item.localIndustry) && !isBlank(item.localIndustryJustification);
    if (!hasActiveChain && !hasLocalIndustry) {
      findings.push(
        errorFinding({
          ...at,
          code: 'CHAIN_OR_LOCAL_INDUSTRY_REQUIRED',
          message: isBlank(item.localIndustry)
            ? `${label}：未对接湖南省新兴优势产业链，也未填写地方特色产业`
            : `${label}：填写了地方特色产业但未说明其为当地党委政府确定的产业发展方向`,
          fix: '请至少选择一条产业链，或填写地方特色产业并说明依据（如当地党委政府文件）',
        }),
      );
    }
    if (isBlank(item.businessLink)) {
      findings.push(
        errorFinding({
          ...at,
          clause: CLAUSES.legalEntity,
          code: 'BUSINESS_LINK_REQUIRED',
          message: `${label}：未说明该职业与本单位主营业务或设置专业的关系`,
          fix: '请说明该职业与企业主营业务或院校所设专业的对应关系',
        }),
      );
    }
  });
  return findings;
}
