/**
 * 督导人员库 (通知第五条第三款; docs/domain.md §6): the inspector pool's request and response schemas and an
 * inspector's own profile.
 */
import { z } from 'zod';
import { page } from './common';
import {
  createPoolMemberResponse,
  declareConflictRequest,
  declaredConflict,
  poolAccountField,
  poolCityCodeField,
  poolListQuery,
  poolMemberDto,
  poolMemberFields,
  updatePoolMemberFields,
} from './pools';

export const inspectorConflict = declaredConflict;

export const inspectorDto = poolMemberDto;
export type InspectorDto = z.infer<typeof inspectorDto>;
export const inspectorList = page(inspectorDto);

export const inspectorListQuery = poolListQuery;

export const inspectorCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}\d{4,6}$/, '督导人员编号应为2位字母加4至6位数字，如 DC0001');

export const createInspectorRequest = z.strictObject({
  /** Given, or the next DCnnnn. */
  code: inspectorCodeField.optional(),
  ...poolMemberFields,
  cityCode: poolCityCodeField,
  ...poolAccountField,
});
export type CreateInspectorRequest = z.infer<typeof createInspectorRequest>;
export const createInspectorResponse = createPoolMemberResponse;

export const updateInspectorRequest = z.strictObject(updatePoolMemberFields);

export const inspectorConflictRequest = declareConflictRequest;

export const myInspectorProfile = z.object({
  inspector: z
    .object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      cityCode: z.string(),
      cityName: z.string().nullable(),
      conflicts: z.array(inspectorConflict),
      active: z.boolean(),
    })
    .nullable(),
});
