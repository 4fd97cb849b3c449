/** The logged-in user as the web shell needs it (names resolved, nothing secret). */
import { actionsOf, ROLE_LABELS, type Actor } from '@skillcert/domain';
import type { Me } from '@skillcert/contracts';
import type { SessionProfile } from '../../security/sessions';

/** The shell's view from what the session lookup already read (no query of its own). */
export function presentCurrentUser(actor: Actor, profile: SessionProfile): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    cityCode: actor.cityCode,
    cityName: profile.cityName,
    organizationId: actor.organizationId,
    organizationName: profile.organizationName,
    organizationStatus: profile.organizationStatus,
    isOrgAdmin: actor.isOrgAdmin,
    mustChangePassword: profile.mustChangePassword,
    abilities: actionsOf(actor),
  };
}
