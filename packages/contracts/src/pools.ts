/**
 * 人员库 (pool) shapes every pool shares — the member as listed, the list query, the member's fields, the
 * add and edit requests, the declared conflict — built once; each pool (experts.ts: 专家库,
 * spot-checks.ts: 督导人员库) adds only what is its own (occupations, a given 编号).
 */
import { z } from 'zod';
import { reasonField, versionField } from './common';
import { displayNameField, usernameField } from './organizations';

export const poolCityCodeField = z.string().regex(/^43\d{4}$/, '请选择市州');
export const creditCodeField = z
  .string()
  .trim()
  .min(18, '统一社会信用代码应为18位')
  .max(18, '统一社会信用代码应为18位');

/** A conflict of interest a member declared. */
export const declaredConflict = z.object({ creditCode: z.string(), reason: z.string() });

export const declareConflictRequest = z.strictObject({
  creditCode: creditCodeField,
  reason: reasonField,
});

/** A member as the pool's list shows it (phone masked). */
export const poolMemberDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  unitCreditCode: z.string().nullable(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  title: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  conflicts: z.array(declaredConflict),
  active: z.boolean(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const poolListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  cityCode: poolCityCodeField.optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The fields a member is added and edited with. */
export const poolMemberFields = {
  name: displayNameField,
  unit: z.string().trim().min(2, '请填写工作单位').max(100),
  unitCreditCode: creditCodeField.nullable().optional(),
  title: z.string().trim().max(60).nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
};

/** Creates a login account of the pool's role (a one-time password is returned), or links one. */
export const poolAccountField = { username: usernameField.optional() };

export const createPoolMemberResponse = z.object({
  id: z.string(),
  code: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  /** Shown once, when a new account was created; the member must change it at first login. */
  initialPassword: z.string().nullable(),
});

/** Every field optional but the version; `active: false` takes the member out of later draws. */
export const updatePoolMemberFields = {
  name: poolMemberFields.name.optional(),
  unit: poolMemberFields.unit.optional(),
  unitCreditCode: poolMemberFields.unitCreditCode,
  title: poolMemberFields.title,
  phone: poolMemberFields.phone,
  cityCode: poolCityCodeField.optional(),
  active: z.boolean().optional(),
  version: versionField,
};
