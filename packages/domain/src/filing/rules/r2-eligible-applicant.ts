/**
 * R2 申报单位范围 (通知第一条): who may apply at all, judged per organization.
 * - 院校 (第一条第一款): 技工院校、职业院校、设有应用学科的高等院校 "经省人社厅备案已面向本校在籍学生开展自主评价".
 * - 企业 (第一条第二款): 规模以上 and "经省人社厅备案已面向内部职工开展自主评价".
 *   For both, the clause asks two things, each a refusal: a provincial self-evaluation filing of the
 *   kind's own mode (院校自主评价 / 企业自主评价) in the filings (imported or confirmed earlier), **and**
 *   that self-evaluation carried out (`selfEvaluationCarriedOut` on one of them).
 * - 其它机构 (第一条第三款): evaluation experience and a main duty of talent training/evaluation, declared;
 *   influence in the field is for reviewers, so missing evidence only warns.
 * A refused school or enterprise is pointed to 第一条第三款 only where it could honestly use it: a
 * school (talent training is its main duty) or an enterprise that declares training/evaluation as its
 * main duty — an ordinary enterprise is not told of a route that is not open to it.
 */
import { CLAUSES } from '../clauses';
import { FILING_MODE_LABELS, SELF_MODE_OF_KIND } from '../filing-mode';
import { SCHOOL_TYPE_LABELS, type PrecheckContext, type SchoolType } from '../precheck-context';
import { errorFinding, isBlank, warningFinding, type RuleFinding } from '../rule-finding';

export type R2Context = Pick<PrecheckContext, 'organization' | 'facts' | 'ownFilings'>;

const ELIGIBLE_SCHOOL_TYPES: readonly SchoolType[] = ['technical', 'vocational', 'higher_applied'];

export function checkEligibleApplicant(ctx: R2Context): RuleFinding[] {
  switch (ctx.organization.kind) {
    case 'school':
      return [...checkSchoolType(ctx), ...checkSelfEvaluationCarriedOut(ctx, 'school')];
    case 'enterprise':
      return [...checkAboveScale(ctx), ...checkSelfEvaluationCarriedOut(ctx, 'enterprise')];
    case 'other':
      return checkOtherBody(ctx);
  }
}

/** The 第一条第三款 route, offered only to a body whose main duty is talent training/evaluation. */
function otherBodyRoute(ctx: R2Context): string {
  const trainingBody =
    ctx.organization.kind === 'school' || ctx.facts.mainDutyIsTrainingOrEvaluation === true;
  return trainingBody
    ? '；本单位以人才培养评价服务为主要工作职责，如具备考核评价经验且在该职业领域有广泛影响力，也可按通知第一条第三款申报社会评价，请先与市州鉴定中心确认申报身份'
    : '';
}

function checkSchoolType(ctx: R2Context): RuleFinding[] {
  const base = { rule: 'R2', clause: CLAUSES.school } as const;
  const type = ctx.facts.schoolType;
  if (type === undefined) {
    return [
      errorFinding({
        ...base,
        code: 'SCHOOL_TYPE_REQUIRED',
        message: '未填写院校类型，无法判断是否属于征集范围',
        fix: '请在单位信息中选择院校类型：技工院校、职业院校或高等院校（应用型学科）',
      }),
    ];
  }
  if (ELIGIBLE_SCHOOL_TYPES.includes(type)) return [];
  return [
    errorFinding({
      ...base,
      code: 'SCHOOL_TYPE_NOT_ELIGIBLE',
      message: `征集范围限于技工院校、职业院校和设有应用学科的高等院校，"${SCHOOL_TYPE_LABELS[type]}"不在其列`,
      fix: `如院校类型选择有误请更正${otherBodyRoute(ctx)}`,
    }),
  ];
}

function checkAboveScale(ctx: R2Context): RuleFinding[] {
  if (ctx.organization.isAboveScale) return [];
  return [
    errorFinding({
      rule: 'R2',
      clause: CLAUSES.enterprise,
      code: 'ENTERPRISE_NOT_ABOVE_SCALE',
      message: '征集范围限于规模以上企业，本单位未登记为规模以上企业',
      fix: `如属规模以上企业，请在单位信息中更正并提供统计部门证明${otherBodyRoute(ctx)}`,
    }),
  ];
}

function checkSelfEvaluationCarriedOut(ctx: R2Context, kind: 'school' | 'enterprise'): RuleFinding[] {
  const selfMode = SELF_MODE_OF_KIND[kind]!;
  const selfLabel = FILING_MODE_LABELS[selfMode];
  const whom = kind === 'school' ? '本校在籍学生' : '内部职工';
  const unit = kind === 'school' ? '院校' : '规模以上企业';
  const prefix = kind === 'school' ? 'SCHOOL' : 'ENTERPRISE';
  const base = { rule: 'R2', clause: kind === 'school' ? CLAUSES.school : CLAUSES.enterprise } as const;
  const own = ctx.ownFilings.filter((f) => f.mode === selfMode);
  if (own.length === 0) {
    return [
      errorFinding({
        ...base,
        code: `${prefix}_SELF_EVALUATION_FILING_MISSING`,
        message: `征集范围限于经省人社厅备案已面向${whom}开展自主评价的${unit}，系统中未查到本单位的${selfLabel}备案`,
        fix: `请先按湘人社规〔2022〕17号取得${selfLabel}备案并面向${whom}开展评价；如已备案但未查到，请持备案文件（文号）联系省职业技能鉴定中心，由省鉴定中心在“自主评价备案”中录入${otherBodyRoute(ctx)}`,
      }),
    ];
  }
  if (own.some((f) => f.selfEvaluationCarriedOut)) return [];
  return [
    errorFinding({
      ...base,
      code: `${prefix}_SELF_EVALUATION_NOT_CARRIED_OUT`,
      message: `征集范围限于已面向${whom}开展自主评价的${unit}，本单位已有${selfLabel}备案，但系统中未查到已开展的记录`,
      fix: `请先面向${whom}开展已备案职业（工种）的自主评价；如已开展但未记录，请联系省职业技能鉴定中心，由省鉴定中心在“自主评价备案”中更新为已开展${otherBodyRoute(ctx)}`,
    }),
  ];
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
