/**
 * 严重失信主体名单 (R1 "社会信用良好", 通知第二条第一款): imported from Excel by the province centre, each
 * import with its source (发布机关或网站) and date; entries are removed with a reason, never deleted.
 */
import { z } from 'zod';
import { calendarDateString, page, pageQuery, reasonField } from './common';

/** Header row of the list's import template, in column order. */
export const CREDIT_BLACKLIST_IMPORT_HEADERS = [
  '统一社会信用代码',
  '单位名称',
  '列入机关',
  '列入日期',
  '有效期至（长期有效的不填）',
  '列入事由',
] as const;

export const creditBlacklistQuery = pageQuery.extend({
  /** Part of the unit's name or authority, or a credit-code prefix. */
  q: z.string().trim().max(100).optional(),
  /** in_force: listed and not yet expired today; all: every entry not removed (default). */
  state: z.enum(['all', 'in_force', 'expired', 'removed']).default('all'),
});
export type CreditBlacklistQuery = z.infer<typeof creditBlacklistQuery>;

export const creditBlacklistEntry = z.object({
  id: z.string(),
  creditCode: z.string(),
  unitName: z.string(),
  authority: z.string(),
  listedOn: z.string(),
  until: z.string().nullable(),
  /** 有效期 as shown: "…至…" or "…起长期有效". */
  periodText: z.string(),
  reason: z.string(),
  inForce: z.boolean(),
  /** Where the entry came from: the import's source and its date. */
  importSource: z.string(),
  importSourceDate: z.string(),
  importedAt: z.string(),
  removedAt: z.string().nullable(),
  removedByName: z.string().nullable(),
  removalReason: z.string().nullable(),
});
export type CreditBlacklistEntry = z.infer<typeof creditBlacklistEntry>;
export const creditBlacklistPage = page(creditBlacklistEntry);

export const creditBlacklistImportResponse = z.object({
  importId: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type CreditBlacklistImportResponse = z.infer<typeof creditBlacklistImportResponse>;

export const creditBlacklistRemoveBody = z.object({ reason: reasonField });

/** The multipart text fields sent before the file: the list's source and its date. */
export const creditBlacklistImportFields = z.object({
  source: z.string(),
  sourceDate: calendarDateString,
});
