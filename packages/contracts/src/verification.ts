import { z } from 'zod';
import { page, versionField } from './common';

export const slotVerdict = z.strictObject({
  slotKey: z.string().min(1),
  verdict: z.enum(['accepted', 'problem']),
  comment: z.string().trim().max(1000).optional(),
});

export const verifyRequest = z.strictObject({
  outcome: z.enum(['pass', 'return', 'reject']),
  slotVerdicts: z.array(slotVerdict).max(50).default([]),
  reason: z.string().trim().max(2000).optional(),
  version: versionField,
});

export const sendBackRequest = z.strictObject({
  reason: z.string().trim().min(2, '请填写退回原因').max(2000),
  version: versionField,
});

export const inboxItem = z.object({
  id: z.string(),
  number: z.string().nullable(),
  organizationName: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  roundTitle: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  occupations: z.array(z.string()),
  dueDate: z.string().nullable(),
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export const inboxList = page(inboxItem);
export const inboxQuery = z.object({
  roundId: z.string().uuid().optional(),
  status: z.string().max(40).optional(),
  occupationCode: z.string().max(20).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['due', 'updated']).default('due'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const messageDto = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const messageList = page(messageDto).extend({ unread: z.number() });

export const stageLimitsDto = z.strictObject({
  submitted: z.number().int().min(1).max(120),
  verified: z.number().int().min(1).max(120),
  recommended: z.number().int().min(1).max(120),
  province_review: z.number().int().min(1).max(120),
});

/** 决定书复核申请期限 ([policy], default 10 working days; the notice sets none). */
export const decisionReviewPeriodDto = z.strictObject({
  workingDays: z.number(),
  basis: z.string(),
  /** Concurrency check: send back the version you read. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export const updateDecisionReviewPeriod = z.strictObject({
  workingDays: z.number(),
  basis: z.string(),
  version: z.number().int(),
});
