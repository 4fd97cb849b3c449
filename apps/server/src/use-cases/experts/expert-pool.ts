/**
 * 专家库 (通知第五条第二款 "组织专家"): the expert pool is the pool module (use-cases/pools) configured as
 * EXPERT_POOL — sys_admin and city bureaus keep experts (a city bureau its own city's; out of scope is
 * 404), with the occupations each may review. These are its entry points under the names the routes use.
 */
import type { Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { EXPERT_POOL } from '../pools/pool-kinds';
import {
  createMember,
  listMembers,
  memberView,
  updateMember,
  type CreateMemberInput,
  type MemberFilter,
  type UpdateMemberInput,
} from '../pools/pool-members';
import { declareMemberConflict, declareOwnMemberConflict, type ConflictInput } from '../pools/pool-conflicts';

export { occupationNames } from '../pools/pool-members';

type MemberView = Awaited<ReturnType<typeof memberView>>;

/** An expert always lists their occupations (the pool has them). */
const asExpert = (m: MemberView) => ({
  ...m,
  occupationCodes: m.occupationCodes ?? [],
  occupations: m.occupations ?? [],
});

export async function listExperts(deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, actor: Actor, f: MemberFilter) {
  const { items, total } = await listMembers(EXPERT_POOL, deps, actor, f);
  return { items: items.map(asExpert), total };
}

export const expertView = async (deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, actor: Actor, id: string) =>
  asExpert(await memberView(EXPERT_POOL, deps, actor, id));

export const createExpert = (
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>,
  actor: Actor,
  input: Omit<CreateMemberInput, 'code'> & { occupationCodes: string[] },
  meta: RequestMeta,
) => createMember(EXPERT_POOL, deps, actor, input, meta);

export const updateExpert = (
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  input: UpdateMemberInput,
  meta: RequestMeta,
) => updateMember(EXPERT_POOL, deps, actor, id, input, meta);

/** Staff record a conflict of interest declared by an expert. */
export const declareConflict = (
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: ConflictInput,
  meta: RequestMeta,
) => declareMemberConflict(EXPERT_POOL, deps, actor, id, input, meta);

/** An expert declares a conflict on their own record. */
export const declareOwnConflict = (
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: ConflictInput,
  meta: RequestMeta,
) => declareOwnMemberConflict(EXPERT_POOL, deps, actor, input, meta);
