/**
 * 预检结论 (RuleFinding): one problem found by the R1–R9 pre-check. It says which rule and clause, how
 * serious (an error blocks submission, a warning must be acknowledged), why in Chinese and how to fix
 * it, and where (which scope item or material slot), so the wizard can put it next to the field.
 */
export type RuleId = 'SCOPE' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9';

/** Titles shown as group headings in the pre-check report. */
export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  SCOPE: '申报范围',
  R1: '独立法人主体',
  R2: '申报单位范围',
  R3: '职业大类',
  R4: '国家职业技能标准与等级',
  R5: '国家职业资格目录限制',
  R6: '服务产业发展',
  R7: '本地紧缺',
  R8: '评价方式',
  R9: '备案材料',
};

export type FindingSeverity = 'error' | 'warning';

export interface RuleFinding {
  rule: RuleId;
  /** e.g. '通知第二条第一款' (see clauses.ts). */
  clause: string;
  severity: FindingSeverity;
  /** Stable UPPER_SNAKE code; warnings are acknowledged by this code. */
  code: string;
  /** Why, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  fix: string;
  /** Index into the context's scopeItems when the finding is about one item. */
  scopeItemIndex?: number;
  /** Material slot key when the finding is about a material. */
  slotKey?: string;
}

type FindingBody = Omit<RuleFinding, 'severity'>;

export const errorFinding = (f: FindingBody): RuleFinding => ({ ...f, severity: 'error' });
export const warningFinding = (f: FindingBody): RuleFinding => ({ ...f, severity: 'warning' });

/** Blank after trimming, so a field of spaces does not count as a declaration. */
export const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';
