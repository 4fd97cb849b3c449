/** 字典 (reference dictionaries) and the public tools built on them: requests and responses. */
import { z } from 'zod';
import { calendarDateString, page, pageQuery, versionField } from './common';

// ---------------------------------------------------------------- public tools

export const workingDaysQuery = z.object({
  start: calendarDateString,
  days: z.coerce.number().int('工作日天数应为整数').min(1, '工作日天数至少为1').max(366, '工作日天数最多366'),
});

export const workingDaysResponse = z.object({
  start: z.string(),
  days: z.number().int(),
  /** The n-th working day counted from start (inclusive, R10); the period ends at 23:59:59 that day. */
  end: z.string(),
  skipped: z.array(z.object({ date: z.string(), reason: z.string() })),
  /** e.g. '自2026年9月30日起5个工作日，截止2026年10月12日23:59:59；期间…天周末或法定节假日不计'. */
  explanation: z.string(),
  /** 暂定: some day depends on a year whose holiday arrangement is not published yet. */
  provisional: z.boolean(),
  /** Why it is 暂定 (null when not provisional). */
  provisionalReason: z.string().nullable(),
});
export type WorkingDaysResponse = z.infer<typeof workingDaysResponse>;

export const creditCodeQuery = z.object({ value: z.string().max(64) });

export const creditCodeCheckResponse = z.object({
  /** Valid per GB 32100-2015 (length, charset, division shape, check character). */
  valid: z.boolean(),
  normalized: z.string(),
  /** Registered by a Hunan authority (characters 3–4 are 43). */
  inHunan: z.boolean(),
  divisionCode: z.string().nullable(),
  /** The Hunan division of characters 3–8 when known, e.g. '长沙市芙蓉区'. */
  divisionName: z.string().nullable(),
  kindHint: z.string().nullable(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CreditCodeCheck = z.infer<typeof creditCodeCheckResponse>;

export const cityWithCounties = z.object({
  code: z.string(),
  name: z.string(),
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const divisionsResponse = z.array(cityWithCounties);
export type CityWithCounties = z.infer<typeof cityWithCounties>;

// ---------------------------------------------------------------- occupations

export const OCCUPATION_LEVELS = ['major', 'middle', 'minor', 'occupation'] as const;
export const OCCUPATION_LEVEL_LABELS: Record<(typeof OCCUPATION_LEVELS)[number], string> = {
  major: '大类',
  middle: '中类',
  minor: '小类',
  occupation: '职业（细类）',
};
export const RESTRICTION_REVIEWS = ['none', 'uncertain', 'confirmed'] as const;
export const RESTRICTION_REVIEW_LABELS: Record<(typeof RESTRICTION_REVIEWS)[number], string> = {
  none: '不在目录中',
  uncertain: '待确认',
  confirmed: '已确认',
};

export const occupationsQuery = pageQuery.extend({
  /** Code prefix ('6-18') or a part of the name ('焊'). */
  q: z.string().trim().max(50).optional(),
  parentCode: z.string().trim().max(20).optional(),
  level: z.enum(OCCUPATION_LEVELS).optional(),
  /** R5 review state, e.g. 'uncertain' lists the flags an admin still has to confirm. */
  restrictionReview: z.enum(RESTRICTION_REVIEWS).optional(),
});
export type OccupationsQuery = z.infer<typeof occupationsQuery>;

export const occupationItem = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(OCCUPATION_LEVELS),
  parentCode: z.string().nullable(),
  majorCategory: z.number().int(),
  /** 'S' 数字职业, 'L' 绿色职业. */
  markers: z.array(z.string()),
  since: z.string().nullable(),
  restrictedByQualification: z.boolean(),
  restrictionReview: z.enum(RESTRICTION_REVIEWS),
  restrictionNote: z.string().nullable(),
  hasChildren: z.boolean(),
  version: z.number().int(),
});
export type OccupationItem = z.infer<typeof occupationItem>;
export const occupationPage = page(occupationItem);

export const LEVELS_STATUSES = ['recorded', 'pending'] as const;
export const LEVELS_STATUS_LABELS: Record<(typeof LEVELS_STATUSES)[number], string> = {
  recorded: '已录入',
  pending: '待核对',
};
export const MAPPING_STATUSES = ['data', 'name', 'admin', 'unmapped'] as const;
export const MAPPING_STATUS_LABELS: Record<(typeof MAPPING_STATUSES)[number], string> = {
  data: '按编码对应',
  name: '按名称对应',
  admin: '管理员指定',
  unmapped: '未对应',
};

export const standardItem = z.object({
  id: z.number().int(),
  occupationCode: z.string(),
  jobCode: z.string().nullable(),
  name: z.string(),
  year: z.number().int(),
  effectiveFrom: z.string().nullable(),
  issuedBy: z.string().nullable(),
  codeEdition: z.string(),
  catalogueCheck: z.string().nullable(),
  mappedOccupationCode: z.string().nullable(),
  mappedOccupationName: z.string().nullable(),
  mappingStatus: z.enum(MAPPING_STATUSES),
  /** Labels such as '五级/初级工'; empty while 待核对 (R4 then assumes 五级…一级). */
  levels: z.array(z.string()),
  levelsStatus: z.enum(LEVELS_STATUSES),
  levelsSource: z.string().nullable(),
  earlierEditions: z.array(z.record(z.string(), z.unknown())),
  source: z.string().nullable(),
  version: z.number().int(),
});
export type StandardItem = z.infer<typeof standardItem>;
export const standardPage = page(standardItem);

export const occupationDetail = z.object({
  occupation: occupationItem.extend({
    source: z.string().nullable(),
    note: z.string().nullable(),
    jobs: z.array(z.object({ name: z.string(), since: z.string().optional() })),
  }),
  /** Ancestors from the major category down to the parent. */
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(OCCUPATION_LEVELS) })),
  standards: z.array(standardItem),
});
export type OccupationDetail = z.infer<typeof occupationDetail>;

export const occupationRestrictionUpdate = z.strictObject({
  restrictedByQualification: z.boolean(),
  note: z.string().trim().min(2, '请填写依据或说明（至少2个字）').max(500),
  version: versionField,
});

// ---------------------------------------------------------------- skill standards

export const standardsQuery = pageQuery.extend({
  /** Code prefix, or a part of the name or of the document number. */
  q: z.string().trim().max(50).optional(),
  levelsStatus: z.enum(LEVELS_STATUSES).optional(),
  mappingStatus: z.enum(MAPPING_STATUSES).optional(),
  /** Standards serving this 2022 occupation. */
  occupationCode: z.string().trim().max(20).optional(),
});
export type StandardsQuery = z.infer<typeof standardsQuery>;

export const standardUpdate = z.strictObject({
  /** The levels the standard covers: among 五级/初级工 … 一级/高级技师 (other spellings such as '五级' are accepted). */
  levels: z.array(z.string().trim().min(1).max(20)).min(1, '请至少选择一个等级').max(5).optional(),
  levelsSource: z.string().trim().max(300).optional(),
  /** A 2022 occupation (细类) code, or null to clear the mapping. */
  mappedOccupationCode: z.string().trim().max(20).nullable().optional(),
  version: versionField,
});
export type StandardUpdate = z.infer<typeof standardUpdate>;

export const STANDARDS_IMPORT_HEADERS = [
  '职业编码',
  '标准名称',
  '年份',
  '文件号',
  '等级（用、分隔，如 五级、四级、三级）',
] as const;

export const standardsImportResponse = z.object({
  /** New standards added. */
  imported: z.number().int(),
  /** Existing standards (same occupation code + name) whose year, document number or levels changed. */
  updated: z.number().int(),
});

// ---------------------------------------------------------------- holidays

export const holidayDay = z.strictObject({
  date: calendarDateString,
  name: z.string().trim().min(1, '请填写节日名称').max(40),
  /** true = 放假; false = 调休上班. */
  isOffDay: z.boolean(),
});

export const holidaysQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const holidayYearResponse = z.object({
  year: z.number().int(),
  /** Whether this year's arrangement has been entered; an unpublished year cannot be computed (R10). */
  published: z.boolean(),
  source: z.string().nullable(),
  updatedAt: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), name: z.string(), isOffDay: z.boolean() })),
});
export type HolidayYear = z.infer<typeof holidayYearResponse>;
export type HolidayDay = HolidayYear['days'][number];

export const holidayYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const holidayYearUpdate = z.strictObject({
  days: z.array(holidayDay).min(1, '请至少录入一天（如元旦）').max(120),
  source: z.string().trim().min(2, '请填写来源（如国务院办公厅通知文号）').max(300),
});

export const holidayYearsResponse = z.array(
  z.object({
    year: z.number().int(),
    source: z.string(),
    updatedAt: z.string(),
    days: z.number().int(),
    offDays: z.number().int(),
    workingDays: z.number().int(),
  }),
);

// ---------------------------------------------------------------- industrial chains

export const chainItem = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  /** 示例: demo placeholder, not an official chain. */
  isExample: z.boolean(),
  active: z.boolean(),
  source: z.string().nullable(),
  version: z.number().int(),
});
export type ChainItem = z.infer<typeof chainItem>;
export const chainList = z.array(chainItem);

const chainName = z.string().trim().min(2, '产业链名称至少2个字').max(60);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const chainCreate = z.strictObject({
  name: chainName,
  description: optionalText(500),
  source: optionalText(300),
});

export const chainUpdate = z.strictObject({
  name: chainName.optional(),
  description: optionalText(500),
  active: z.boolean().optional(),
  source: optionalText(300),
  version: versionField,
});

export const idParams = z.strictObject({ id: z.coerce.number().int().min(1) });
export const occupationCodeParams = z.strictObject({ code: z.string().trim().min(1).max(20) });

// ---------------------------------------------------------------- history

export const DICTIONARY_TARGET_TYPES = [
  'occupation',
  'skill_standard',
  'holiday_year',
  'industrial_chain',
] as const;
export type DictionaryTargetType = (typeof DICTIONARY_TARGET_TYPES)[number];

export const historyQuery = pageQuery.extend({
  targetType: z.enum(DICTIONARY_TARGET_TYPES),
  /** Omit to list every edit of that dictionary (e.g. spreadsheet imports). */
  targetId: z.string().trim().min(1).max(40).optional(),
});

export const historyEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const historyPage = page(historyEntry);
