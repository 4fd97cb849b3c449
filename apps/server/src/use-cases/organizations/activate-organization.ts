/**
 * 激活: the city center of the organization's city activates a pending registration; what it checked
 * (the business licence against the registration) is the reason the audit trail keeps.
 */
import { eq } from 'drizzle-orm';
import { can, conflict, notFound, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { organizations } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { getOrganization } from './organization-queries';
import { assertVersion } from '../version-check';

export async function activateOrganization(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
  reason?: string | undefined,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const org = await getOrganization(tx, actor, id, { forUpdate: true });
    if (!can(actor, 'organization.activate', { cityCode: org.cityCode })) throw notFound();
    assertVersion(org.version, version);
    if (org.status !== 'pending') {
      throw conflict(
        'ORGANIZATION_NOT_PENDING',
        `该单位当前状态为"${org.status === 'active' ? '已激活' : '已停用'}"，无需激活`,
      );
    }
    await tx
      .update(organizations)
      .set({ status: 'active', activatedAt: now, version: org.version + 1 })
      .where(eq(organizations.id, org.id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'organization.activated',
        targetType: 'organization',
        targetId: org.id,
        cityCode: org.cityCode,
        reason: reason?.trim() || null,
        before: { status: org.status, version: org.version },
        after: { status: 'active', version: org.version + 1 },
      },
      now,
    );
  });
}
