/**
 * 评价方式与单位类别 (docs/domain.md §3, 通知第四条). The notice distinguishes who is evaluated: an enterprise's
 * own employees (企业自主评价), a school's own students (院校自主评价), or any worker (社会评价). Which
 * modes an organization kind may ask for is rule R8 (rules/r8-mode.ts).
 */
export const FILING_MODES = ['enterprise_self', 'school_self', 'social'] as const;
export type FilingMode = (typeof FILING_MODES)[number];

export const FILING_MODE_LABELS: Readonly<Record<FilingMode, string>> = {
  enterprise_self: '企业自主评价',
  school_self: '院校自主评价',
  social: '社会评价',
};

/** Same labels under the glossary's word 评价方式 (evaluation mode). */
export const EVALUATION_MODE_LABELS = FILING_MODE_LABELS;

export const ORGANIZATION_KINDS = ['enterprise', 'school', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, string>> = {
  enterprise: '企业',
  school: '院校',
  other: '其它机构',
};

/**
 * The self-evaluation mode of a kind, if it has one: enterprises evaluate their employees, schools
 * their students (通知第四条); other bodies only evaluate socially.
 */
export const SELF_MODE_OF_KIND: Readonly<Record<OrganizationKind, FilingMode | null>> = {
  enterprise: 'enterprise_self',
  school: 'school_self',
  other: null,
};

/** Modes each kind may ask for (R8, 通知第四条). */
export const MODES_ALLOWED_FOR_KIND: Readonly<Record<OrganizationKind, readonly FilingMode[]>> = {
  enterprise: ['enterprise_self', 'social'],
  school: ['school_self', 'social'],
  other: ['social'],
};

export const isFilingMode = (v: unknown): v is FilingMode =>
  typeof v === 'string' && (FILING_MODES as readonly string[]).includes(v);
export const isOrganizationKind = (v: unknown): v is OrganizationKind =>
  typeof v === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(v);
export const isSelfMode = (mode: FilingMode): boolean => mode !== 'social';
export const filingModeLabel = (mode: string): string =>
  isFilingMode(mode) ? FILING_MODE_LABELS[mode] : mode;
