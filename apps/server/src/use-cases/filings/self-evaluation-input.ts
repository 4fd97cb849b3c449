/**
 * Checks of one 自主评价备案 as the province centre records it by hand (通知第一条第一、二款: R2 admits a
 * school or 规上 enterprise only with a provincial self-evaluation filing). Every problem is reported at
 * once, each with its stable code and a Chinese message naming the field; nothing is written.
 */
import { eq } from 'drizzle-orm';
import {
  firstCodeOf,
  invalid,
  isCalendarDate,
  isFilable,
  isSequenceCode,
  isSkillLevel,
  skillLevelLabel,
  sortSkillLevels,
  validateCreditCode,
  type ErrorDetail,
  type SkillLevel,
} from '@skillcert/domain';
import type { SelfEvaluationFilingFields } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions, occupations, organizations, storedFiles } from '../../db/schema';

export interface CheckedSelfEvaluationFiling {
  organizationId: string | null;
  organizationName: string;
  creditCode: string;
  cityCode: string;
  occupationCode: string;
  jobName: string;
  mode: 'enterprise_self' | 'school_self';
  levels: SkillLevel[];
  effectiveDate: string;
  documentNumber: string;
  selfEvaluationCarriedOut: boolean;
  sequenceCode: string | null;
  evidenceFileId: string | null;
}

export async function checkSelfEvaluationFiling(
  db: Executor,
  input: SelfEvaluationFilingFields,
  today: string,
): Promise<CheckedSelfEvaluationFiling> {
  const errors: ErrorDetail[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });

  const name = input.organizationName.trim();
  if (!name) fail('organizationName', 'FILING_NAME_REQUIRED', '请填写单位名称');

  const credit = validateCreditCode(input.creditCode);
  if (!credit.valid) {
    fail(
      'creditCode',
      credit.errors[0]?.code ?? 'CREDIT_CODE_INVALID',
      credit.errors.map((e) => e.message).join('；'),
    );
  } else if (!credit.inHunan) {
    fail(
      'creditCode',
      'FILING_CREDIT_CODE_NOT_HUNAN',
      `统一社会信用代码"${credit.normalized}"不是湖南省登记的代码（第3至8位应以43开头）`,
    );
  }
  const [org] = credit.valid
    ? await db
        .select({ id: organizations.id, kind: organizations.kind })
        .from(organizations)
        .where(eq(organizations.creditCode, credit.normalized))
    : [];
  // 通知第一条: a school files 院校自主评价, an enterprise 企业自主评价.
  if (org && org.kind === 'school' && input.mode !== 'school_self')
    fail('mode', 'FILING_MODE_KIND_MISMATCH', '该单位登记为院校，自主评价备案应为院校自主评价');
  if (org && org.kind === 'enterprise' && input.mode !== 'enterprise_self')
    fail('mode', 'FILING_MODE_KIND_MISMATCH', '该单位登记为企业，自主评价备案应为企业自主评价');

  const [city] = await db
    .select({ level: divisions.level })
    .from(divisions)
    .where(eq(divisions.code, input.cityCode));
  if (city?.level !== 'city')
    fail('cityCode', 'FILING_CITY_UNKNOWN', `所在市州"${input.cityCode}"不是湖南省14个市州之一`);

  const [occupation] = await db
    .select({ level: occupations.level })
    .from(occupations)
    .where(eq(occupations.code, input.occupationCode));
  if (occupation?.level !== 'occupation')
    fail(
      'occupationCode',
      'FILING_OCCUPATION_UNKNOWN',
      `职业编码"${input.occupationCode}"不是《职业分类大典》中的职业（细类）`,
    );

  const levels: SkillLevel[] = [];
  if (input.levels.length === 0) fail('levels', 'FILING_LEVELS_REQUIRED', '请选择备案等级');
  for (const level of input.levels) {
    if (!isSkillLevel(level)) fail('levels', 'SKILL_LEVEL_UNKNOWN', `无法识别的等级"${level}"`);
    else if (!isFilable(level))
      fail(
        'levels',
        'SKILL_LEVEL_NOT_FILABLE',
        `"${skillLevelLabel(level)}"不属于可备案的等级（只限五级至一级）`,
      );
    else if (!levels.includes(level)) levels.push(level);
  }

  if (!isCalendarDate(input.effectiveDate))
    fail('effectiveDate', 'FILING_DATE_INVALID', `备案日期"${input.effectiveDate}"不是真实的日期`);
  else if (input.effectiveDate > today)
    fail('effectiveDate', 'FILING_DATE_IN_FUTURE', `备案日期${input.effectiveDate}晚于今天`);
  else if (input.effectiveDate < '2000-01-01')
    fail('effectiveDate', 'FILING_DATE_INVALID', `备案日期${input.effectiveDate}过早，请核对`);

  const documentNumber = input.documentNumber.trim();
  if (!documentNumber)
    fail('documentNumber', 'FILING_DOCUMENT_NUMBER_REQUIRED', '请填写备案文件文号，如 湘人社函〔2023〕12号');

  const sequenceCode = input.sequenceCode?.trim() || null;
  if (sequenceCode && !isSequenceCode(sequenceCode))
    fail(
      'sequenceCode',
      'SEQUENCE_CODE_INVALID',
      `评价机构序列码"${sequenceCode}"应为6位数字（000001–999999）`,
    );

  const evidenceFileId = input.evidenceFileId ?? null;
  if (evidenceFileId) {
    const [file] = await db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(eq(storedFiles.id, evidenceFileId));
    if (!file) fail('evidenceFileId', 'FILING_EVIDENCE_UNKNOWN', '备案文件不存在，请重新上传');
  }

  if (errors.length > 0) {
    throw invalid(firstCodeOf(errors, 'VALIDATION_FAILED'), errors.map((e) => e.message).join('；'), errors);
  }
  return {
    organizationId: org?.id ?? null,
    organizationName: name,
    creditCode: credit.normalized,
    cityCode: input.cityCode,
    occupationCode: input.occupationCode,
    jobName: input.jobName.trim(),
    mode: input.mode,
    levels: sortSkillLevels(levels),
    effectiveDate: input.effectiveDate,
    documentNumber,
    selfEvaluationCarriedOut: input.selfEvaluationCarriedOut,
    sequenceCode,
    evidenceFileId,
  };
}
