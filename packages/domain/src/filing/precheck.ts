/**
 * 申报预检 (R1–R9): runs every rule over one PrecheckContext and decides whether the application may be
 * submitted. Errors block; warnings must each be acknowledged by code (stored with the application), so
 * an applicant cannot miss one, and reviewers see what was acknowledged.
 */
import { invalid, type ErrorDetail } from '../errors';
import type { PrecheckContext } from './precheck-context';
import type { RuleFinding } from './rule-finding';
import { checkLegalEntity } from './rules/r1-legal-entity';
import { checkEligibleApplicant } from './rules/r2-eligible-applicant';
import { checkOccupationCategory } from './rules/r3-occupation-category';
import { checkStandardLevels } from './rules/r4-standard-levels';
import { checkQualificationRestriction } from './rules/r5-qualification-restriction';
import { checkIndustryLink } from './rules/r6-industry-link';
import { checkLocalShortage } from './rules/r7-local-shortage';
import { checkMode } from './rules/r8-mode';
import { checkMaterials } from './rules/r9-materials';
import { checkScopeStructure } from './rules/scope-structure';

export interface PrecheckResult {
  /** In rule order (structure, R1 … R9), items in their order within a rule. */
  findings: RuleFinding[];
  /** Any error: submission is refused. */
  blocking: boolean;
  /** Distinct codes of the warnings, which the applicant must acknowledge. */
  warningCodes: string[];
}

const RULES: readonly ((ctx: PrecheckContext) => RuleFinding[])[] = [
  checkScopeStructure,
  checkLegalEntity,
  checkEligibleApplicant,
  checkOccupationCategory,
  checkStandardLevels,
  checkQualificationRestriction,
  checkIndustryLink,
  checkLocalShortage,
  checkMode,
  checkMaterials,
];

export function runPrecheck(ctx: PrecheckContext): PrecheckResult {
  const findings = RULES.flatMap((rule) => rule(ctx));
  return {
    findings,
    blocking: findings.some((f) => f.severity === 'error'),
    warningCodes: [...new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.code))],
  };
}

/** Where the wizard shows a finding: 'scopeItems.2', 'materials.theory_venue' or nothing (the unit). */
const fieldOf = (f: RuleFinding): string | undefined =>
  f.scopeItemIndex !== undefined
    ? `scopeItems.${f.scopeItemIndex}`
    : f.slotKey
      ? `materials.${f.slotKey}`
      : undefined;

const detailOf = (f: RuleFinding): ErrorDetail => {
  const field = fieldOf(f);
  return { code: f.code, message: `${f.message}（${f.clause}）`, ...(field ? { field } : {}) };
};

/**
 * Throws `PRECHECK_FAILED` (details: every error) when anything blocks, else `WARNINGS_NOT_ACKNOWLEDGED`
 * (details: the warnings not yet acknowledged). The server re-runs the pre-check on submit rather than
 * trusting the one the wizard showed, since data may have changed in between.
 */
export function assertSubmittable(result: PrecheckResult, acknowledgedWarningCodes: readonly string[]): void {
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw invalid(
      'PRECHECK_FAILED',
      `申报预检未通过：有${errors.length}项问题须先处理`,
      errors.map(detailOf),
    );
  }
  const acknowledged = new Set(acknowledgedWarningCodes);
  const pending = result.findings.filter((f) => f.severity === 'warning' && !acknowledged.has(f.code));
  if (pending.length > 0) {
    throw invalid(
      'WARNINGS_NOT_ACKNOWLEDGED',
      `申报预检有${pending.length}项提示尚未确认，请阅读并确认后再提交`,
      pending.map(detailOf),
    );
  }
}
