/** Presents an organization row for the caller: masked contact, names resolved, abilities attached. */
import { can, maskMobile, ORGANIZATION_MACHINE, type Actor } from '@skillcert/domain';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_STATUS_LABELS } from '@skillcert/contracts';
import type { FieldCrypto } from '../../security/field-crypto';
import type { organizations } from '../../db/schema';

type OrganizationRow = typeof organizations.$inferSelect & {
  cityName: string | null;
  countyName: string | null;
};

export function presentOrganization(row: OrganizationRow, actor: Actor, crypto: FieldCrypto) {
  const kind = row.kind as keyof typeof ORGANIZATION_KIND_LABELS;
  const resource = { cityCode: row.cityCode, organizationId: row.id };
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    kind,
    kindLabel: ORGANIZATION_KIND_LABELS[kind],
    registrationType: row.registrationType,
    isAboveScale: row.isAboveScale,
    cityCode: row.cityCode,
    cityName: row.cityName,
    countyCode: row.countyCode,
    countyName: row.countyName,
    address: row.address,
    status: row.status,
    statusLabel: ORGANIZATION_STATUS_LABELS[row.status] ?? row.status,
    contactName: row.contactName,
    contactPhoneMasked: maskMobile(crypto.decrypt(row.contactPhoneEnc)),
    licenceFileId: row.licenceFileId,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    version: row.version,
    abilities: {
      activate:
        ORGANIZATION_MACHINE.allowedActions(row.status, actor).includes('activate') &&
        can(actor, 'organization.activate', resource),
      revealContact: can(actor, 'organization.revealContact', resource),
      manageColleagues: can(actor, 'organization.manageColleagues', resource),
    },
  };
}
