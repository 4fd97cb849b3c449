/**
 * 督导人员库 (inspector pool, R11; 通知第五条第三款 "双随机"): the pool module (use-cases/pools) configured as
 * INSPECTOR_POOL — the province centre (and sys_admin) keep the province-wide pool the spot-check draw
 * picks from; a 编号 (DC0001) is given or the next free one. Public draw records carry the 编号 only.
 * These are its entry points under the names the routes and the spot-check use cases use.
 */
import type { Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { INSPECTOR_POOL } from '../pools/pool-kinds';
import {
  createMember,
  listMembers,
  memberView,
  ownMember,
  updateMember,
  type CreateMemberInput,
  type MemberFilter,
  type UpdateMemberInput,
} from '../pools/pool-members';
import {
  declareMemberConflict,
  declareOwnMemberConflict,
  ownMemberProfile,
  type ConflictInput,
} from '../pools/pool-conflicts';

export const listInspectors = (
  deps: Pick<AppDeps, 'db' | 'fieldCrypto'>,
  actor: Actor,
  f: Omit<MemberFilter, 'occupationCode'>,
) => listMembers(INSPECTOR_POOL, deps, actor, f);

export const inspectorView = (deps: Pick<AppDeps, 'db' | 'fieldCrypto'>, actor: Actor, id: string) =>
  memberView(INSPECTOR_POOL, deps, actor, id);

/** Adds an inspector (the demo seed calls this too). */
export const createInspector = (
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords' | 'fieldCrypto'>,
  actor: Actor,
  input: Omit<CreateMemberInput, 'occupationCodes'> & { cityCode: string },
  meta: RequestMeta,
) => createMember(INSPECTOR_POOL, deps, actor, input, meta);

export const updateInspector = (
  deps: Pick<AppDeps, 'db' | 'clock' | 'fieldCrypto'>,
  actor: Actor,
  id: string,
  input: Omit<UpdateMemberInput, 'occupationCodes'>,
  meta: RequestMeta,
) => updateMember(INSPECTOR_POOL, deps, actor, id, input, meta);

/** Staff record a conflict of interest an inspector declared (recused from that unit in later draws). */
export const declareInspectorConflict = (
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: ConflictInput,
  meta: RequestMeta,
) => declareMemberConflict(INSPECTOR_POOL, deps, actor, id, input, meta);

/** An inspector declares a conflict on their own record. */
export const declareOwnInspectorConflict = (
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: ConflictInput,
  meta: RequestMeta,
) => declareOwnMemberConflict(INSPECTOR_POOL, deps, actor, input, meta);

/** The inspector record linked to the caller's account, if any. */
export const ownInspector = (db: Executor, actor: Actor, opts: { forUpdate?: boolean } = {}) =>
  ownMember(db, INSPECTOR_POOL, actor, opts);

export const myInspectorProfile = async (db: Executor, actor: Actor) => ({
  inspector: await ownMemberProfile(db, INSPECTOR_POOL, actor),
});
