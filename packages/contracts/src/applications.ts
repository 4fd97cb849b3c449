import { z } from 'zod';
import { page, versionField } from './common';

export const EVALUATION_MODES = ['enterprise_self', 'school_self', 'social'] as const;
export const SCHOOL_TYPES = ['technical', 'vocational', 'higher_applied', 'other'] as const;

/** Step 1 of the wizard: facts the organization declares (R2, R6, R9 context). */
export const applicationFacts = z.strictObject({
  isAboveScale: z.boolean().optional(),
  schoolType: z.enum(SCHOOL_TYPES).optional(),
  selfEvaluationFilingRef: z.string().trim().max(200).optional(),
  businessScope: z.string().trim().max(2000).optional(),
  majors: z.string().trim().max(2000).optional(),
  hasEvaluationExperience: z.boolean().optional(),
  mainDutyIsTrainingOrEvaluation: z.boolean().optional(),
  fieldInfluence: z.string().trim().max(2000).optional(),
  fullTimeStaff: z.number().int().min(0).max(100000).optional(),
  experts: z.number().int().min(0).max(100000).optional(),
  contactName: z.string().trim().max(40).optional(),
  contactPhone: z.string().trim().max(20).optional(),
});
export type ApplicationFacts = z.infer<typeof applicationFacts>;

export const scopeItemInput = z.strictObject({
  occupationCode: z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/, '职业编码格式应为 6-18-02-04'),
  jobName: z.string().trim().max(60).default(''),
  mode: z.enum(EVALUATION_MODES, '请选择评价方式'),
  levels: z.array(z.string()).max(8),
  chainIds: z.array(z.number().int()).max(20).default([]),
  localIndustry: z.string().trim().max(100).optional(),
  localIndustryJustification: z.string().trim().max(2000).optional(),
  businessLink: z.string().trim().max(2000).optional(),
  categoryJustification: z.string().trim().max(2000).optional(),
  selfEvaluationEvidence: z.string().trim().max(2000).optional(),
});
export type ScopeItemInput = z.infer<typeof scopeItemInput>;

export const createApplicationRequest = z.strictObject({ roundId: z.string().uuid('请选择征集批次') });
export const saveFactsRequest = z.strictObject({ facts: applicationFacts, version: versionField });
export const saveScopeItemsRequest = z.strictObject({
  items: z.array(scopeItemInput).max(50, '一次申报最多50个职业（工种）'),
  version: versionField,
});
export const submitRequest = z.strictObject({
  version: versionField,
  signerName: z.string().trim().min(2, '请填写承诺人姓名').max(40),
  commitmentAccepted: z.literal(true, '须勾选并同意承诺事项'),
  acknowledgedWarnings: z.array(z.string()).max(100).default([]),
});
export const withdrawRequest = z.strictObject({
  version: versionField,
  reason: z.string().trim().max(500).optional(),
});

export const finding = z.object({
  rule: z.string(),
  clause: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  fix: z.string(),
  scopeItemIndex: z.number().optional(),
  slotKey: z.string().optional(),
});
export const precheckResponse = z.object({
  findings: z.array(finding),
  blocking: z.boolean(),
  warningCodes: z.array(z.string()),
});

export const scopeItemDto = scopeItemInput.extend({
  id: z.string(),
  occupationName: z.string().nullable(),
  modeLabel: z.string(),
  levelLabels: z.array(z.string()),
  filedInCity: z.number(),
  filedInProvince: z.number(),
  shortage: z.object({ verdict: z.enum(['ok', 'warn', 'refuse']), message: z.string() }),
  verdict: z.string().nullable(),
  verdictReason: z.string().nullable(),
});

export const materialDto = z.object({
  id: z.string(),
  slotKey: z.string(),
  fileId: z.string(),
  originalName: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  mimeType: z.string(),
  uploadedAt: z.string(),
  current: z.boolean(),
});

export const timelineEvent = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  toStatusLabel: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  reason: z.string().nullable(),
});

export const applicationSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  roundId: z.string(),
  roundTitle: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  scopeCount: z.number(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export const applicationList = page(applicationSummary);
export const applicationListQuery = z.object({
  roundId: z.string().uuid().optional(),
  status: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const applicationDetail = applicationSummary.extend({
  organization: z.object({
    kind: z.string(),
    kindLabel: z.string(),
    creditCode: z.string(),
    status: z.string(),
    isAboveScale: z.boolean(),
  }),
  facts: applicationFacts,
  /** The round's targeted shortage occupations in the applicant's city (R7; empty = none named). */
  targetedOccupations: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  scopeItems: z.array(scopeItemDto),
  materials: z.array(materialDto),
  materialSlots: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      required: z.boolean(),
      accept: z.array(z.string()),
      maxMB: z.number(),
    }),
  ),
  commitment: z.object({ signerName: z.string(), signedAt: z.string() }).nullable(),
  precheck: precheckResponse.nullable(),
  timeline: z.array(timelineEvent),
  /** The city center's comments of the latest return for correction, shown beside each slot. */
  returnComments: z.array(z.object({ slotKey: z.string(), comment: z.string() })),
  stageDueDate: z.string().nullable(),
  stageDueProvisional: z.boolean(),
  stageDaysRemaining: z.number().nullable(),
  abilities: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    downloadReceipt: z.boolean(),
    verify: z.boolean(),
    sendBack: z.boolean(),
  }),
});

export const submitResponse = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  receiptUrl: z.string(),
});

export const occupationOption = z.object({
  code: z.string(),
  name: z.string(),
  majorCategory: z.number(),
  restrictedByQualification: z.boolean(),
  restrictionReview: z.string(),
  standards: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      year: z.number(),
      levels: z.array(z.string()),
      levelsStatus: z.string(),
    }),
  ),
  jobs: z.array(z.string()),
  /** Why it cannot be filed (R3/R4/R5, 通知第三条); null when it can. */
  exclusion: z
    .object({ rule: z.enum(['R3', 'R4', 'R5']), clause: z.string(), reason: z.string() })
    .nullable(),
});
export const occupationOptionsQuery = z.object({
  q: z.string().trim().min(1, '请输入职业名称或编码').max(40),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
