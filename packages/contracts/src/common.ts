import { z } from 'zod';

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z
    .array(z.object({ code: z.string(), message: z.string(), field: z.string().optional() }))
    .optional(),
});

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** 'YYYY-MM-DD' as typed; existence of the date is checked by the domain calendar. */
export const calendarDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const versionField = z.number().int().min(1);
export const reasonField = z.string().trim().min(2, '请填写原因（至少2个字）').max(500);
