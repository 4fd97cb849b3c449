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

/**
 * Login answer: a session, or the second step still needed (动态口令): `verify` an enrolled factor, or
 * `enrol` one first (a role that requires it and has none). The challenge token carries no session.
 */
export const loginResponse = z.union([
  sessionResponse,
  z.object({ secondFactor: z.enum(['verify', 'enrol']), challenge: z.string() }),
]);

const challenge = z.string().min(1).max(300);
export const secondFactorVerifyRequest = z.strictObject({
  challenge,
  code: z.string().trim().min(1, '请输入动态口令或恢复码').max(20),
});
export const secondFactorEnrolRequest = z.strictObject({ challenge });
export const secondFactorEnrolment = z.object({
  /** otpauth:// URI for the authenticator app; the client shows it as a QR code. */
  otpauthUri: z.string(),
  /** The same secret in base32, for typing in by hand. */
  secret: z.string(),
});
export const secondFactorEnrolConfirmRequest = secondFactorVerifyRequest;
export const secondFactorEnrolled = sessionResponse.extend({
  /** Shown once; each logs in once when the authenticator is lost. */
  recoveryCodes: z.array(z.string()),
});

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
