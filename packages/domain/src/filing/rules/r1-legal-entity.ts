/**
 * R1 独立法人主体 (通知第二条第一款: "在湖南省行政区域内依法批准设立独立法人主体单位，管理规范，社会信用良好").
 * The account must be activated by the city centre (it vouches for the unit), the credit code valid and
 * not a 个体工商户 (not a legal person), the registration in Hunan — the code's division is only a proxy,
 * the chosen city is authoritative, so a mismatch warns — with the legal-entity proof uploaded, and of
 * good social credit: not on the 严重失信主体名单 for a period covering the day of the check.
 */
import { validateCreditCode } from '../../credit-code';
import { CLAUSES } from '../clauses';
import { LEGAL_ENTITY_PROOF_SLOT_KEY } from '../material-slots';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, warningFinding, type RuleFinding } from '../rule-finding';
import { listingInForce, listingPeriodText } from '../serious-dishonesty';

export type R1Context = Pick<
  PrecheckContext,
  'organization' | 'materials' | 'legalEntityProofSlotKey' | 'today'
>;

const base = { rule: 'R1', clause: CLAUSES.legalEntity } as const;

export function checkLegalEntity(ctx: R1Context): RuleFinding[] {
  const org = ctx.organization;
  const findings: RuleFinding[] = [];

  if (org.status === 'pending') {
    findings.push(
      errorFinding({
        ...base,
        code: 'ORGANIZATION_PENDING',
        message: '单位账号尚待市州鉴定中心激活，激活后方可提交',
        fix: '请联系所在市州职业技能鉴定中心核实单位信息并激活账号',
      }),
    );
  } else if (org.status === 'disabled') {
    findings.push(
      errorFinding({
        ...base,
        code: 'ORGANIZATION_DISABLED',
        message: '单位账号已停用，不能提交备案申请',
        fix: '请联系所在市州职业技能鉴定中心了解停用原因',
      }),
    );
  }

  const credit = validateCreditCode(org.creditCode);
  if (!credit.valid) {
    findings.push(
      errorFinding({
        ...base,
        code: 'CREDIT_CODE_INVALID',
        message: `统一社会信用代码无效：${credit.errors.map((e) => e.message).join('；')}`,
        fix: '请按营业执照或法人登记证书核对统一社会信用代码，并联系市州鉴定中心更正单位信息',
      }),
    );
  }

  const registrationType = org.registrationType ?? credit.registrationType;
  if (registrationType === 'individual_business') {
    findings.push(
      errorFinding({
        ...base,
        code: 'INDIVIDUAL_BUSINESS_NOT_ALLOWED',
        message: '个体工商户不是独立法人主体，不能申报备案评价机构',
        fix: '须以依法设立的独立法人单位申报',
      }),
    );
  }

  if (credit.divisionCode !== null) {
    const mismatch = divisionMismatch(credit.divisionCode, org.cityCode);
    if (mismatch) {
      findings.push(
        warningFinding({
          ...base,
          code: 'CREDIT_CODE_DIVISION_MISMATCH',
          message: mismatch,
          fix: '以所选市州为准；如所选市州有误请修改，如单位已迁入请在材料中附登记地变更说明',
        }),
      );
    }
  }

  const proofKey = ctx.legalEntityProofSlotKey ?? LEGAL_ENTITY_PROOF_SLOT_KEY;
  if ((ctx.materials[proofKey] ?? 0) < 1) {
    findings.push(
      errorFinding({
        ...base,
        code: 'LEGAL_ENTITY_PROOF_MISSING',
        message: '未上传法人资格证明，无法确认申报单位为独立法人主体',
        fix: '请上传营业执照、事业单位法人证书或民办非企业单位登记证书等法人资格证明',
        slotKey: proofKey,
      }),
    );
  }

  const listing = listingInForce(org.dishonestyListings, ctx.today);
  if (listing) {
    findings.push(
      errorFinding({
        ...base,
        code: 'SERIOUS_DISHONESTY_LISTED',
        message:
          `单位被${listing.authority}于${listing.listedOn}列入严重失信主体名单` +
          `（有效期：${listingPeriodText(listing)}；事由：${listing.reason}），不符合"社会信用良好"的申报条件`,
        fix: '移出严重失信主体名单或有效期届满后方可申报；如有异议请向列入机关申请信用修复或复核',
      }),
    );
  }
  return findings;
}

/**
 * The credit code's registering division against the chosen city, or null when consistent. Codes
 * registered by the province (430000) or a national authority (100000) say nothing about the city, and
 * the pseudo-city 省直 (430000) accepts any Hunan division.
 */
function divisionMismatch(division: string, cityCode: string): string | null {
  if (division === '100000') return null;
  if (!division.startsWith('43')) {
    return `统一社会信用代码的登记机关行政区划（${division}）不在湖南省，与所选市州不一致`;
  }
  if (division.slice(2, 4) === '00' || cityCode === '430000') return null;
  if (division.slice(0, 4) !== cityCode.slice(0, 4)) {
    return `统一社会信用代码的登记机关行政区划（${division}）与所选市州（${cityCode}）不一致`;
  }
  return null;
}
