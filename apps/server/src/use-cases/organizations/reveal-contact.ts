/** 查看完整联系电话: showing an unmasked phone is an audited action with a reason. */
import { can, notFound, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { appendAudit } from '../../audit/audit-writer';
import { getOrganization } from './organization-queries';

export async function revealOrganizationContact(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  reason: string,
  meta: RequestMeta,
): Promise<{ phone: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const org = await getOrganization(tx, actor, id);
    if (!can(actor, 'organization.revealContact', { cityCode: org.cityCode })) throw notFound();
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'personal_data.revealed',
        targetType: 'organization',
        targetId: org.id,
        cityCode: org.cityCode,
        reason,
        after: { field: 'contactPhone' },
      },
      now,
    );
    return { phone: deps.fieldCrypto.decrypt(org.contactPhoneEnc) };
  });
}
