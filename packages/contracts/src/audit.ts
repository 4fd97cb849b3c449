import { z } from 'zod';
import { page } from './common';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  /** The action's Chinese name (审计日志 shows it; the code stays for searching). */
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetLabel: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's name where the system knows it (user, organization, application, notice, round). */
  targetName: z.string().nullable(),
  cityCode: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export const auditList = page(auditEntry);
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditQuery = z.object({
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const chainVerification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().nullable(),
  message: z.string(),
});
export type ChainVerification = z.infer<typeof chainVerification>;

export const liveSession = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
export type LiveSession = z.infer<typeof liveSession>;

export const securityPolicy = z.strictObject({
  passwordMinLength: z.number().int().min(8, '口令最小长度不得低于8位').max(64),
  passwordMinClasses: z.number().int().min(3, '至少包含3类字符').max(4),
  maxLoginFailures: z.number().int().min(3).max(10),
  lockMinutes: z.number().int().min(5).max(1440),
});

export const homeStats = z.object({
  cards: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })),
});
export type HomeStats = z.infer<typeof homeStats>;
