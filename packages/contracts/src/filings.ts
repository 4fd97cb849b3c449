/** 已备案名录 (filings): the Excel import of earlier filings, the scoped list and the R7 counts. */
import { z } from 'zod';
import { calendarDateString, page, pageQuery, reasonField, versionField } from './common';

export const FILING_MODES = ['enterprise_self', 'school_self', 'social'] as const;
export type FilingModeCode = (typeof FILING_MODES)[number];
export const FILING_MODE_LABELS: Record<FilingModeCode, string> = {
  enterprise_self: '企业自主评价',
  school_self: '院校自主评价',
  social: '社会评价',
};

export const FILING_STATUSES = ['filed', 'suspended', 'revoked', 'cancelled'] as const;
export const FILING_STATUS_LABELS: Record<(typeof FILING_STATUSES)[number], string> = {
  filed: '已备案',
  suspended: '暂停',
  revoked: '已撤销',
  cancelled: '已注销',
};

export const FILING_SOURCES = ['import', 'confirmation', 'manual'] as const;
export const FILING_SOURCE_LABELS: Record<(typeof FILING_SOURCES)[number], string> = {
  import: '导入',
  confirmation: '备案确认',
  manual: '省鉴定中心录入',
};

/** The modes a provincial 自主评价备案 can have (通知第一条第一、二款). */
export const SELF_EVALUATION_MODES = ['enterprise_self', 'school_self'] as const;

/** Header row of the filings import template, in column order. */
export const FILINGS_IMPORT_HEADERS = [
  '单位名称',
  '统一社会信用代码',
  '所在市州代码',
  '职业编码',
  '工种',
  '评价方式（企业自主评价/院校自主评价/社会评价）',
  '等级（五级、四级…）',
  '备案日期',
  '已开展自主评价（是/否）',
  '来源说明',
] as const;

const cityCode = z.string().regex(/^43\d{4}$/, '市州代码应为43开头的6位数字');

export const filingListQuery = pageQuery.extend({
  /** Part of the unit's name, a credit-code prefix or an occupation name part. */
  q: z.string().trim().max(100).optional(),
  occupationCode: z.string().trim().max(20).optional(),
  cityCode: cityCode.optional(),
  mode: z.enum(FILING_MODES).optional(),
  status: z.enum(FILING_STATUSES).optional(),
  /** self_evaluation: only 自主评价备案 (企业/院校自主评价). */
  kind: z.enum(['self_evaluation']).optional(),
});
export type FilingListQuery = z.infer<typeof filingListQuery>;

export const filingItem = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string(),
  creditCode: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  /** '' when the whole occupation is filed. */
  jobName: z.string(),
  mode: z.string(),
  modeLabel: z.string(),
  /** SkillLevel ids ('level5' …), lowest first. */
  levels: z.array(z.string()),
  levelLabels: z.array(z.string()),
  effectiveDate: z.string(),
  supervisingCityCode: z.string().nullable(),
  selfEvaluationCarriedOut: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  sourceNote: z.string().nullable(),
  /** 自主评价备案 recorded by the province centre: its document number, the body's pre-system 序列码. */
  documentNumber: z.string().nullable(),
  sequenceCode: z.string().nullable(),
  evidenceFile: z.object({ id: z.string(), name: z.string() }).nullable(),
  statusReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type FilingItem = z.infer<typeof filingItem>;
export const filingPage = page(filingItem);

export const filingCountsQuery = z.object({
  occupationCode: z.string().trim().min(1, '请指定职业编码').max(20),
  /** 工种: counts filings of that 工种 and of the whole occupation; omitted = the whole occupation. */
  jobName: z.string().trim().max(60).optional(),
  /** Defaults to the caller's city; province staff must give one. */
  cityCode: cityCode.optional(),
});
export const filingCounts = z.object({
  occupationCode: z.string(),
  jobName: z.string(),
  cityCode: z.string(),
  /** Distinct bodies (credit codes, status 已备案) filed for 社会评价 of the occupation (工种), city / province. */
  city: z.number().int(),
  province: z.number().int(),
});

export const filingsImportResponse = z.object({
  /** Data rows read from the file. */
  rows: z.number().int(),
  /** New filings. */
  inserted: z.number().int(),
  /** Imported filings (same credit code + occupation + 工种 + mode) whose data changed. */
  updated: z.number().int(),
  /** Rows identical to what is stored, or matching a filing created by confirmation (left as is). */
  unchanged: z.number().int(),
  /** Rows linked to a registered organization by credit code. */
  linkedOrganizations: z.number().int(),
});
export type FilingsImportResponse = z.infer<typeof filingsImportResponse>;

// ------------------------------------------------- 自主评价备案 recorded by hand (province centre)

/** One provincial self-evaluation filing as the province centre records it; rules are checked server-side. */
export const selfEvaluationFilingFields = z.object({
  organizationName: z.string().trim().max(100),
  creditCode: z.string().trim().max(30),
  cityCode: z.string().trim().max(10),
  occupationCode: z.string().trim().max(20),
  jobName: z.string().trim().max(50).default(''),
  mode: z.enum(SELF_EVALUATION_MODES),
  /** SkillLevel ids ('level5' …). */
  levels: z.array(z.string().max(20)).max(10),
  effectiveDate: calendarDateString,
  /** 备案文件文号, e.g. 湘人社函〔2023〕12号. */
  documentNumber: z.string().trim().max(100),
  selfEvaluationCarriedOut: z.boolean(),
  /** The body's provincial 6-digit 序列码 when it was filed before this system; '' or absent if none. */
  sequenceCode: z.string().trim().max(10).optional(),
  /** An uploaded evidence file (POST /api/filings/evidence). */
  evidenceFileId: z.string().uuid('备案文件编号无效').nullable().optional(),
});
export type SelfEvaluationFilingFields = z.infer<typeof selfEvaluationFilingFields>;

export const selfEvaluationFilingUpdate = selfEvaluationFilingFields.extend({
  version: versionField,
  reason: reasonField,
});
export type SelfEvaluationFilingUpdate = z.infer<typeof selfEvaluationFilingUpdate>;

export const filingRevokeRequest = z.object({ version: versionField, reason: reasonField });
export type FilingRevokeRequest = z.infer<typeof filingRevokeRequest>;

export const filingEvidenceResponse = z.object({ id: z.string(), name: z.string() });
