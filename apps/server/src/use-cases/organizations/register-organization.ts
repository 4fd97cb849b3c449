/**
 * 单位注册: an organization in Hunan registers itself with its first user, who becomes the
 * organization's administrator. The organization stays pending (待激活) until its city center
 * activates it; pending ones may draft but not submit. A credit code registers once.
 */
import { eq, or } from 'drizzle-orm';
import {
  conflict,
  firstCodeOf,
  invalid,
  validateCreditCode,
  validateMobile,
  type ErrorDetail,
} from '@skillcert/domain';
import type { RegistrationFields } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import { divisions, organizations, storedFiles, users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertStrongPassword } from '../auth/change-own-password';
import type { UploadedFile } from '../files/uploaded-file';

export interface RegistrationResult {
  organizationId: string;
  username: string;
  status: 'pending';
  warnings: ErrorDetail[];
}

export async function registerOrganization(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>,
  input: RegistrationFields,
  licence: UploadedFile,
  meta: RequestMeta,
): Promise<RegistrationResult> {
  const now = deps.clock.now();
  const credit = validateCreditCode(input.creditCode);
  if (!credit.valid) {
    throw invalid(
      firstCodeOf(credit.errors, 'CREDIT_CODE_INVALID'),
      credit.errors.map((e) => e.message).join('；'),
      credit.errors,
    );
  }
  if (!credit.inHunan) {
    throw invalid(
      'CREDIT_CODE_NOT_HUNAN',
      '统一社会信用代码的登记管理机关不在湖南省（第3-4位应为43），本系统仅受理湖南省内单位',
    );
  }
  // R1 (通知 §二(一)): an independent legal entity; 个体工商户 (92…) is not one.
  if (credit.registrationType === 'individual_business') {
    throw invalid(
      'CREDIT_CODE_INDIVIDUAL_BUSINESS',
      '个体工商户不是独立法人单位，不能注册为申报单位（通知第二条第一款）',
    );
  }
  const phone = validateMobile(input.contactPhone);
  if (!phone.valid) throw invalid('MOBILE_INVALID', phone.errors[0]?.message ?? '手机号格式不正确');

  const warnings: ErrorDetail[] = [];
  return deps.db.transaction(async (tx) => {
    const [county] = await tx.select().from(divisions).where(eq(divisions.code, input.countyCode));
    if (!county || county.level !== 'county' || county.parentCode !== input.cityCode) {
      throw invalid('DIVISION_INVALID', '所选县市区不属于所选市州，请重新选择');
    }
    // R1: the registering division is only a proxy; the chosen city is authoritative, so a mismatch warns.
    if (credit.divisionCode && credit.divisionCode.slice(0, 4) !== input.cityCode.slice(0, 4)) {
      warnings.push({
        code: 'CREDIT_CODE_CITY_MISMATCH',
        message: '统一社会信用代码中的登记机关所在地与所选市州不一致，将以所选市州为准，请确认',
      });
    }
    await assertStrongPassword(tx, input.password, input.username);
    const taken = await tx
      .select({ creditCode: organizations.creditCode })
      .from(organizations)
      .where(eq(organizations.creditCode, credit.normalized));
    if (taken.length > 0) {
      throw conflict(
        'CREDIT_CODE_TAKEN',
        '该统一社会信用代码已注册。如认为被他人冒用，请联系所在市州鉴定中心处理',
      );
    }
    const userTaken = await tx
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.username, input.username)));
    if (userTaken.length > 0) throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已被使用，请换一个`);

    const [file] = await tx
      .insert(storedFiles)
      .values({
        storageKey: licence.key,
        originalName: licence.originalName,
        mimeType: licence.mimeType,
        sizeBytes: licence.sizeBytes,
        sha256: licence.sha256,
        createdAt: now,
      })
      .returning({ id: storedFiles.id });
    const [org] = await tx
      .insert(organizations)
      .values({
        name: input.orgName,
        creditCode: credit.normalized,
        kind: input.kind,
        registrationType: credit.registrationType ?? 'other',
        cityCode: input.cityCode,
        countyCode: input.countyCode,
        address: input.address ?? null,
        isAboveScale: input.kind === 'enterprise' && input.isAboveScale === 'true',
        contactName: input.contactName,
        contactPhoneEnc: deps.fieldCrypto.encrypt(phone.normalized),
        contactPhoneMac: deps.fieldCrypto.mac(phone.normalized),
        licenceFileId: file!.id,
        status: 'pending',
        createdAt: now,
      })
      .returning({ id: organizations.id });
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: await deps.passwords.hash(input.password),
        role: 'applicant',
        organizationId: org!.id,
        isOrgAdmin: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    await tx.update(storedFiles).set({ uploadedBy: user!.id }).where(eq(storedFiles.id, file!.id));
    await appendAudit(
      tx,
      {
        actor: { userId: user!.id, displayName: input.displayName, role: 'applicant' },
        ip: meta.ip,
        action: 'organization.registered',
        targetType: 'organization',
        targetId: org!.id,
        cityCode: input.cityCode,
        after: {
          name: input.orgName,
          creditCode: credit.normalized,
          kind: input.kind,
          cityCode: input.cityCode,
          countyCode: input.countyCode,
          status: 'pending',
          adminUsername: input.username,
          licenceSha256: licence.sha256,
        },
      },
      now,
    );
    return { organizationId: org!.id, username: input.username, status: 'pending' as const, warnings };
  });
}
