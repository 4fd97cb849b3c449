/**
 * 备案确认 (第N批, 评价机构序列码) and the public 评价机构名录 (通知第五条第五款, docs/domain.md §7). Public shapes
 * carry no personal data: no names of people, phones, ID numbers or internal comments.
 */
import { z } from 'zod';
import { calendarDateString, page, versionField } from './common';
import { FILING_MODES, FILING_STATUSES } from './filings';

const FILABLE_LEVELS = ['level5', 'level4', 'level3', 'level2', 'level1'] as const;
const cityCode = z.string().regex(/^43\d{4}$/, '市州代码应为43开头的6位数字');
const occupationCode = z
  .string()
  .trim()
  .regex(/^X?\d-\d{2}-\d{2}-\d{2}$/, '职业编码格式应如 6-18-02-04');

// ---------------------------------------------------------------- registry (public)

export const REGISTRY_PAGE_SIZE_MAX = 100;

export const registrySearchQuery = z.object({
  page: z.coerce.number().int().min(1, '页码从1开始').max(10_000, '页码过大，请增加查询条件').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(REGISTRY_PAGE_SIZE_MAX, `每页最多${REGISTRY_PAGE_SIZE_MAX}条`)
    .default(20),
  /** Part of the body's name; one or two Chinese characters work. */
  name: z.string().max(200).optional(),
  /** A whole 统一社会信用代码 or its first characters. */
  creditCode: z.string().max(40).optional(),
  occupationCode: occupationCode.optional(),
  level: z.enum(FILABLE_LEVELS, '等级应为 level5（五级）至 level1（一级）').optional(),
  mode: z.enum(FILING_MODES, '评价方式应为 enterprise_self、school_self 或 social').optional(),
  cityCode: cityCode.optional(),
  status: z.enum(FILING_STATUSES, '状态应为 filed、suspended、revoked 或 cancelled').optional(),
});
export type RegistrySearchQuery = z.infer<typeof registrySearchQuery>;
export const registryExportQuery = registrySearchQuery.omit({ page: true, pageSize: true });
export type RegistryExportQuery = z.infer<typeof registryExportQuery>;

export const registryBodySummary = z.object({
  creditCode: z.string(),
  name: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  /** 主管单位 (谁推荐、谁监管): the recommending city. */
  supervisingCityCode: z.string().nullable(),
  supervisingCityName: z.string().nullable(),
  /** 评价机构序列码; null for bodies known only from imported earlier filings. */
  sequenceCode: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  occupationCount: z.number().int(),
  itemCount: z.number().int(),
  modes: z.array(z.string()),
  modeLabels: z.array(z.string()),
  levels: z.array(z.string()),
  levelLabels: z.array(z.string()),
  firstFiledOn: z.string(),
});
export type RegistryBodySummary = z.infer<typeof registryBodySummary>;

export const registrySearchResult = page(registryBodySummary).extend({
  /** The total was counted only up to a limit: there are at least `total` matches. */
  totalCapped: z.boolean(),
});
export type RegistrySearchResult = z.infer<typeof registrySearchResult>;

export const registryScopeItem = z.object({
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  jobName: z.string(),
  mode: z.string(),
  modeLabel: z.string(),
  levels: z.array(z.string()),
  levelLabels: z.array(z.string()),
  effectiveDate: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** 第N批 that filed it; null for an imported earlier filing. */
  filingListSequence: z.number().int().nullable(),
  sourceLabel: z.string(),
});

export const registryEventDto = z.object({
  at: z.string(),
  event: z.string(),
  eventLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  toStatusLabel: z.string(),
  note: z.string().nullable(),
  filingListSequence: z.number().int().nullable(),
});

export const registryBodyDetail = registryBodySummary.extend({
  items: z.array(registryScopeItem),
  events: z.array(registryEventDto),
});
export type RegistryBodyDetail = z.infer<typeof registryBodyDetail>;

export const creditCodeParams = z.object({ creditCode: z.string().max(40) });

// ---------------------------------------------------------------- filing lists (第N批)

export const filingListSummary = z.object({
  id: z.string(),
  sequence: z.number().int(),
  label: z.string(),
  title: z.string(),
  noticeId: z.string(),
  noticeNumber: z.string().nullable(),
  effectiveDate: z.string(),
  bodyCount: z.number().int(),
  itemCount: z.number().int(),
  confirmedAt: z.string(),
  pdfUrl: z.string(),
  xlsxUrl: z.string(),
});
export type FilingListSummary = z.infer<typeof filingListSummary>;
export const filingListPage = page(filingListSummary);

export const filingListRow = z.object({
  sequenceCode: z.string().nullable(),
  organizationName: z.string(),
  creditCode: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  supervisingCityName: z.string().nullable(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  jobName: z.string(),
  levelLabels: z.array(z.string()),
  modeLabel: z.string(),
});
export type FilingListRow = z.infer<typeof filingListRow>;

export const filingListDetail = filingListSummary.extend({ rows: z.array(filingListRow) });
export type FilingListDetail = z.infer<typeof filingListDetail>;

export const filingListPublicQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export const sequenceParams = z.object({ sequence: z.string().max(12) });

// ---------------------------------------------------------------- confirmation (staff)

export const pendingConfirmation = z.object({
  noticeId: z.string(),
  number: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  passedAt: z.string().nullable(),
  applicationCount: z.number().int(),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export const pendingConfirmationList = z.object({ items: z.array(pendingConfirmation) });

export const confirmationPreviewItem = z.object({
  scopeItemId: z.string(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  jobName: z.string(),
  modeLabel: z.string(),
  levelLabels: z.array(z.string()),
  /** confirm: becomes a filing; held: social item held back by R8; excluded: rejected earlier. */
  outcome: z.enum(['confirm', 'held', 'excluded']),
  reason: z.string().nullable(),
});
export const confirmationPreviewApplication = z.object({
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  organizationName: z.string(),
  creditCode: z.string(),
  cityName: z.string().nullable(),
  supervisingCityName: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** The body's sequence code if it has one already (else one is allocated on confirmation). */
  sequenceCode: z.string().nullable(),
  items: z.array(confirmationPreviewItem),
});
export const confirmationPreview = pendingConfirmation.extend({
  applications: z.array(confirmationPreviewApplication),
  confirmable: z.boolean(),
  /** Why it cannot be confirmed (already confirmed, not passed, …). */
  blockedReason: z.string().nullable(),
  filingListId: z.string().nullable(),
});
export type ConfirmationPreview = z.infer<typeof confirmationPreview>;

export const confirmFilingRequest = z.strictObject({
  noticeId: z.string().uuid('请指定要确认的公示'),
  /** 生效日期: defaults to the confirmation day (Asia/Shanghai). */
  effectiveDate: calendarDateString.optional(),
  /** The notice version the confirmer saw. */
  version: versionField.optional(),
});
export type ConfirmFilingRequest = z.infer<typeof confirmFilingRequest>;

export const confirmFilingResponse = z.object({
  id: z.string(),
  sequence: z.number().int(),
  title: z.string(),
  effectiveDate: z.string(),
  bodyCount: z.number().int(),
  itemCount: z.number().int(),
  heldCount: z.number().int(),
  /** Bodies that received their 评价机构序列码 in this confirmation. */
  newSequenceCodes: z.array(z.object({ creditCode: z.string(), sequenceCode: z.string() })),
});
export type ConfirmFilingResponse = z.infer<typeof confirmFilingResponse>;

export const filingListStaffDetail = filingListDetail.extend({
  confirmedByName: z.string(),
  held: z.array(
    z.object({
      organizationName: z.string(),
      creditCode: z.string(),
      occupationCode: z.string(),
      occupationName: z.string().nullable(),
      jobName: z.string(),
      modeLabel: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  applications: z.array(
    z.object({
      applicationId: z.string(),
      applicationNumber: z.string().nullable(),
      organizationName: z.string(),
    }),
  ),
});
export type FilingListStaffDetail = z.infer<typeof filingListStaffDetail>;

// ---------------------------------------------------------------- portal (public)

export const publicRound = z.object({
  id: z.string(),
  title: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  noticeText: z.string(),
});
export const publicRoundList = z.object({ items: z.array(publicRound) });

export const publicOccupationQuery = z.object({
  /** A code prefix ('6-18') or part of the name ('焊'). */
  q: z.string().max(50).optional(),
});
export const publicOccupationList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});
