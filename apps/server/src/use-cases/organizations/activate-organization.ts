/**
 * 激活: the city center of the organization's city activates a pending registration (ORGANIZATION_MACHINE);
 * what it checked (the business licence against the registration) is the reason the audit trail keeps.
 */
import { can, notFound, ORGANIZATION_MACHINE, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { organizations } from '../../db/schema';
import { getOrganization } from './organization-queries';
import { assertVersion } from '../version-check';
import { recordMachineTransition } from '../workflow/record-machine-transition';

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
    await recordMachineTransition(tx, ORGANIZATION_MACHINE, organizations, org, 'activate', actor, {
      reason,
      now,
      meta,
      set: { activatedAt: now },
      cityCode: org.cityCode,
    });
  });
}
