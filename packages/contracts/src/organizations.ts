import { z } from 'zod';
import { page, reasonField, versionField } from './common';

export const ORGANIZATION_KINDS = ['enterprise', 'school', 'other'] as const;
export const ORGANIZATION_KIND_LABELS: Record<(typeof ORGANIZATION_KINDS)[number], string> = {
  enterprise: '企业',
  school: '院校',
  other: '其它机构',
};
export const ORGANIZATION_STATUS_LABELS: Record<string, string> = {
  pending: '待激活',
  active: '已激活',
  disabled: '已停用',
};

export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
export const USERNAME_RULE = '用户名应为4-32位字母、数字或下划线，并以字母开头';
export const usernameField = z.string().trim().regex(USERNAME_PATTERN, USERNAME_RULE);
export const displayNameField = z.string().trim().min(2, '姓名至少2个字').max(40);

/** Fields of the self-registration form (multipart; the business licence is the file part `licence`). */
export const registrationFields = z.strictObject({
  orgName: z.string().trim().min(4, '单位名称至少4个字').max(100),
  creditCode: z.string().trim().min(1, '请填写统一社会信用代码'),
  kind: z.enum(ORGANIZATION_KINDS, '请选择单位类型'),
  isAboveScale: z.enum(['true', 'false']).default('false'),
  cityCode: z.string().regex(/^43\d{4}$/, '请选择所在市州'),
  countyCode: z.string().regex(/^43\d{4}$/, '请选择所在县市区'),
  address: z.string().trim().max(200).optional(),
  contactName: displayNameField,
  contactPhone: z.string().trim().min(1, '请填写联系人手机号'),
  username: usernameField,
  displayName: displayNameField,
  password: z.string().min(1).max(128),
});
export type RegistrationFields = z.infer<typeof registrationFields>;

export const registrationResponse = z.object({
  organizationId: z.string(),
  username: z.string(),
  status: z.literal('pending'),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const organizationSummary = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  kindLabel: z.string(),
  registrationType: z.string(),
  isAboveScale: z.boolean(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  address: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  licenceFileId: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ activate: z.boolean(), revealContact: z.boolean(), manageColleagues: z.boolean() }),
});
export const organizationList = page(organizationSummary);
export type OrganizationSummary = z.infer<typeof organizationSummary>;

export const organizationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['pending', 'active', 'disabled']).optional(),
  cityCode: z
    .string()
    .regex(/^43\d{4}$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const versionBody = z.strictObject({ version: versionField });
export const revealRequest = z.strictObject({ reason: reasonField });
/** 激活: what the city center checked (the business licence, the contact), recorded in the audit trail. */
export const activateRequest = z.strictObject({ version: versionField, reason: reasonField.optional() });

export const colleague = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  isOrgAdmin: z.boolean(),
  status: z.string(),
  phoneMasked: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type Colleague = z.infer<typeof colleague>;
export const addColleagueRequest = z.strictObject({
  username: usernameField,
  displayName: displayNameField,
  password: z.string().min(1).max(128),
  phone: z.string().trim().optional(),
});
export const resetPasswordRequest = z.strictObject({
  newPassword: z.string().min(1).max(128),
  reason: reasonField.optional(),
});
export const transferAdminRequest = z.strictObject({ userId: z.string().uuid('请选择同事') });

export const settleDisputeRequest = z.strictObject({
  reason: reasonField,
  version: versionField,
  newAdmin: z.strictObject({
    username: usernameField,
    displayName: displayNameField,
    password: z.string().min(1).max(128),
  }),
});
