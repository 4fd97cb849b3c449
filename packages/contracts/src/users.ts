import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '@skillcert/domain';
import { page, reasonField, versionField } from './common';
import { displayNameField, usernameField } from './organizations';

/** A work mailbox for e-mail notifications; an empty string clears it on edit. */
export const emailField = z
  .string()
  .trim()
  .max(254, '电子邮箱过长')
  .pipe(z.union([z.literal(''), z.email('电子邮箱格式不正确，例如 zhangsan@hrss.hunan.gov.cn')]));

export const staffUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  organizationId: z.string().nullable(),
  status: z.string(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export const userList = page(staffUser);
export type StaffUser = z.infer<typeof staffUser>;
export const userListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  cityCode: z
    .string()
    .regex(/^43\d{4}$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const createStaffUserRequest = z.strictObject({
  username: usernameField,
  displayName: displayNameField,
  role: z.enum(STAFF_ROLES as [string, ...string[]], '请选择角色'),
  cityCode: z
    .string()
    .regex(/^43\d{4}$/, '请选择市州')
    .optional(),
  phone: z.string().trim().optional(),
  email: emailField.optional(),
  password: z.string().min(1).max(128),
});
export const updateStaffUserRequest = z.strictObject({
  displayName: displayNameField.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  cityCode: z
    .string()
    .regex(/^43\d{4}$/)
    .nullable()
    .optional(),
  email: emailField.optional(),
  version: versionField,
});
export const adminResetPasswordRequest = z.strictObject({
  newPassword: z.string().min(1).max(128),
  reason: reasonField,
});
