/** The logged-in user as the web shell needs it (names resolved, nothing secret). */
import { eq } from 'drizzle-orm';
import { actionsOf, ROLE_LABELS, type Actor } from '@skillcert/domain';
import type { Me } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions, organizations, users } from '../../db/schema';

export async function currentUser(db: Executor, actor: Actor): Promise<Me> {
  const rows = await db
    .select({
      mustChangePassword: users.mustChangePassword,
      cityName: divisions.name,
      organizationName: organizations.name,
      organizationStatus: organizations.status,
    })
    .from(users)
    .leftJoin(divisions, eq(divisions.code, users.cityCode))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, actor.userId))
    .limit(1);
  const row = rows[0];
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    cityCode: actor.cityCode,
    cityName: row?.cityName ?? null,
    organizationId: actor.organizationId,
    organizationName: row?.organizationName ?? null,
    organizationStatus: row?.organizationStatus ?? null,
    isOrgAdmin: actor.isOrgAdmin,
    mustChangePassword: row?.mustChangePassword ?? false,
    abilities: actionsOf(actor),
  };
}
