/**
 * R2 申报单位范围 (通知第一条): who may apply at all, judged per organization.
 * - 院校 (第一条第一款): 技工院校、职业院校、设有应用学科的高等院校. The clause also speaks of schools already
 *   filed for self-evaluation; that data is often still being imported (domain.md §5), so its absence
 *   only warns and reviewers judge.
 * - 企业 (第一条第二款): 规模以上 AND already filed by the province for self-evaluation of its employees.
 * - 其它机构 (第一条第三款): evaluation experience and a main duty of talent training/evaluation, declared;
 *   influence in the field is for reviewers, so missing evidence only warns.
 */
import { CLAUSES } from '../clauses';
import { SCHOOL_TYPE_LABELS, type PrecheckContext, type SchoolType } from '../precheck-context';
import { errorFinding, isBlank, warningFinding, type RuleFinding } from '../rule-finding';

export type R2Context = Pick<PrecheckContext, 'organization' | 'facts' | 'hasProvinceSelfEvaluationFiling'>;

const ELIGIBLE_SCHOOL_TYPES: readonly SchoolType[] = ['technical', 'vocational', 'higher_applied'];

export function checkEligibleApplicant(ctx: R2Context): RuleFinding[] {
  switch (ctx.organization.kind) {
    case 'school':
      return checkSchool(ctx);
    case 'enterprise':
      return checkEnterprise(ctx);
    case 'other':
      return checkOtherBody(ctx);
  }
}

function checkSchool(ctx: R2Context): RuleFinding[] {
  const base = { rule: 'R2', clause: CLAUSES.school } as const;
  const findings: RuleFinding[] = [];
  const type = ctx.facts.schoolType;
  if (type === undefined) {
    findings.push(
      errorFinding({
        ...base,
        code: 'SCHOOL_TYPE_REQUIRED',
        message: '未填写院校类型，无法判断是否属于征集范围',
        fix: '请在单位信息中选择院校类型：技工院校、职业院校或高等院校（应用型学科）',
      }),
    );
  } else if (!ELIGIBLE_SCHOOL_TYPES.includes(type)) {
    findings.push(
      errorFinding({
        ...base,
        code: 'SCHOOL_TYPE_NOT_ELIGIBLE',
        message: `征集范围限于技工院校、职业院校和设有应用学科的高等院校，"${SCHOOL_TYPE_LABELS[type]}"不在其列`,
        fix: '如院校类型选择有误请更正；其它院校可作为"其它机构"按第一条第三款申报社会评价',
      }),
    );
  }
  if (!ctx.hasProvinceSelfEvaluationFiling) {
    findings.push(
      warningFinding({
        ...base,
        code: 'SCHOOL_SELF_EVALUATION_FILING_NOT_FOUND',
        message: '系统中未查到本校经省人社厅备案开展自主评价的记录，将由审核人员核实',
        fix: '请在材料中附省人社厅自主评价备案文件',
      }),
    );
  }
  return findings;
}

function checkEnterprise(ctx: R2Context): RuleFinding[] {
  const base = { rule: 'R2', clause: CLAUSES.enterprise } as const;
  const findings: RuleFinding[] = [];
  if (!ctx.organization.isAboveScale) {
    findings.push(
      errorFinding({
        ...base,
        code: 'ENTERPRISE_NOT_ABOVE_SCALE',
        message: '征集范围限于规模以上企业，本单位未登记为规模以上企业',
        fix: '如属规模以上企业，请在单位信息中更正并提供统计部门证明；否则可作为其它机构申报社会评价',
      }),
    );
  }
  if (!ctx.hasProvinceSelfEvaluationFiling) {
    findings.push(
      errorFinding({
        ...base,
        code: 'ENTERPRISE_SELF_EVALUATION_FILING_MISSING',
        message:
          '征集范围限于经省人社厅备案已面向内部职工开展自主评价的企业，系统中未查到本单位的自主评价备案',
        fix: '请先按湘人社规〔2022〕17号取得企业自主评价备案；如已备案但未查到，请联系市州鉴定中心补录',
      }),
    );
  }
  return findings;
}

function checkOtherBody(ctx: R2Context): RuleFinding[] {
  const base = { rule: 'R2', clause: CLAUSES.otherBody } as const;
  const findings: RuleFinding[] = [];
  if (ctx.facts.hasEvaluationExperience !== true) {
    findings.push(
      errorFinding({
        ...base,
        code: 'EVALUATION_EXPERIENCE_REQUIRED',
        message: '其它机构须具备考核评价经验和基础条件，本单位未声明具备',
        fix: '如具备考核评价经验，请在单位信息中声明并在材料中提供以往开展评价的证明',
      }),
    );
  }
  if (ctx.facts.mainDutyIsTrainingOrEvaluation !== true) {
    findings.push(
      errorFinding({
        ...base,
        code: 'MAIN_DUTY_NOT_TRAINING_OR_EVALUATION',
        message: '其它机构须以人才培养评价服务为主要工作职责，本单位未声明',
        fix: '如主要职责为人才培养评价服务，请在单位信息中声明并提供章程或职责文件',
      }),
    );
  }
  if (isBlank(ctx.facts.fieldInfluence)) {
    findings.push(
      warningFinding({
        ...base,
        code: 'FIELD_INFLUENCE_EVIDENCE_MISSING',
        message: '未说明本单位在拟开展认定职业领域的影响力，将由评审专家判断',
        fix: '请在单位信息中简述在该职业领域的影响力（如行业地位、培训评价规模、获奖情况）',
      }),
    );
  }
  return findings;
}
