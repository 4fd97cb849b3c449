import { z } from 'zod';
import { calendarDateString, page, versionField } from './common';

export const FILE_KINDS = ['pdf', 'jpg', 'png', 'xlsx', 'docx', 'mp4'] as const;
export const ORG_KINDS = ['enterprise', 'school', 'other'] as const;

export const materialSlot = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, '材料项编码应为小写字母、数字或下划线'),
  label: z.string().trim().min(2).max(60),
  required: z.boolean(),
  kinds: z.array(z.enum(ORG_KINDS)).min(1, '至少适用于一类单位'),
  accept: z.array(z.enum(FILE_KINDS)).min(1, '至少允许一种文件类型'),
  maxMB: z.number().int().min(1).max(1024),
});
export type MaterialSlotDto = z.infer<typeof materialSlot>;

/** [policy] values of a round (docs/domain.md §2); fixed once the round opens. */
export const roundPolicy = z.strictObject({
  /** R7: a city with fewer than this many filed bodies for the occupation counts as short of them. */
  fewThreshold: z.number().int().min(1).max(100),
  shortagePolicy: z.enum(['warn', 'refuse']),
  materialSlots: z.array(materialSlot).min(1),
});
export type RoundPolicyDto = z.infer<typeof roundPolicy>;

/** The title of the notice a round implements, as written between 《》 (the brackets are not part of it). */
const noticeDocumentTitle = z
  .string()
  .trim()
  .min(6, '请填写所依据通知的完整标题')
  .max(200)
  .refine((t) => !/[《》]/.test(t), '通知标题无需书名号《》');

export const roundInput = z.strictObject({
  title: z.string().trim().min(4, '标题至少4个字').max(120),
  /** Omitted: the 2022-10-20 notice (NOTICE_DOCUMENT_TITLE). */
  noticeDocumentTitle: noticeDocumentTitle.optional(),
  noticeText: z.string().trim().min(10, '请填写申报通知正文').max(20000),
  windowStart: calendarDateString,
  windowEnd: calendarDateString,
  policy: roundPolicy.optional(),
  targetedOccupations: z
    .record(z.string().regex(/^43\d{4}$/), z.array(z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/)))
    .optional(),
});
export const roundUpdate = roundInput.partial().extend({ version: versionField });

export const roundDto = z.object({
  id: z.string(),
  title: z.string(),
  noticeDocumentTitle: z.string(),
  noticeText: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  statusLabel: z.string(),
  policy: roundPolicy,
  targetedOccupations: z.record(z.string(), z.array(z.string())),
  acceptingSubmissions: z.boolean(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ edit: z.boolean(), open: z.boolean(), close: z.boolean() }),
});
export const roundList = page(roundDto);
export const roundListQuery = z.object({
  status: z.enum(['draft', 'open', 'closed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
