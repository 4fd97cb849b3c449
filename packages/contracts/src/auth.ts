import { z } from 'zod';
import { ACTION_NAMES, ROLES } from '@skillcert/domain';

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  organizationStatus: z.string().nullable(),
  isOrgAdmin: z.boolean(),
  mustChangePassword: z.boolean(),
  /** What the caller may do (the domain's action table): the web's menu, page guards and buttons read it. */
  abilities: z.array(z.enum(ACTION_NAMES)),
});
export type Me = z.infer<typeof me>;

export const sessionResponse = z.object({ user: me, csrfToken: z.string() });
export type SessionAnswer = z.infer<typeof sessionResponse>;

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
