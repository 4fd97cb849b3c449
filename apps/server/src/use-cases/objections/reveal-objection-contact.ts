/** 查看异议人完整电话: like every reveal of personal data, an audited action with a reason (docs/domain.md §10). */
import type { Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { appendAudit } from '../../audit/audit-writer';
import { loadObjection } from './objection-queries';

export async function revealObjectionContact(
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  reason: string,
  meta: RequestMeta,
): Promise<{ phone: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const objection = await loadObjection(tx, id);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'personal_data.revealed',
        targetType: 'objection',
        targetId: objection.id,
        reason,
        after: { field: 'contactPhone', receiptNumber: objection.receiptNumber },
      },
      now,
    );
    return { phone: deps.fieldCrypto.decrypt(objection.contactPhoneEnc) };
  });
}
