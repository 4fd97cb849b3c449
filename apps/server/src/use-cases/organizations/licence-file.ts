/**
 * The business licence uploaded at registration, for whoever may read the organization (its city's
 * center checks it before activating, docs/domain.md §2): out of scope → 404, like the organization.
 */
import { eq } from 'drizzle-orm';
import { notFound, type Actor } from '@skillcert/domain';
import type { AppDeps } from '../../deps';
import { storedFiles } from '../../db/schema';
import { getOrganization } from './organization-queries';

export async function organizationLicenceFile(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  organizationId: string,
) {
  const org = await getOrganization(deps.db, actor, organizationId);
  if (!org.licenceFileId) throw notFound();
  const [file] = await deps.db.select().from(storedFiles).where(eq(storedFiles.id, org.licenceFileId));
  if (!file) throw notFound();
  return file;
}
