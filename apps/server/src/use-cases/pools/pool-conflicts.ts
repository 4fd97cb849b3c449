/**
 * 申报利益冲突 (docs/domain.md §6): a member declares a conflict of interest with a unit — on their own
 * record, or staff record what the member declared — and from then on every draw of that pool recuses
 * the member from that unit. Audited as `<kind>.conflict_declared`, saying who declared it.
 */
import { eq } from 'drizzle-orm';
import { conflict, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { divisions } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { normalizeCreditCode } from './pool-fields';
import { getMember, ownMember } from './pool-members';
import type { PoolConfig, PoolMemberRow } from './pool-kinds';

export interface ConflictInput {
  creditCode: string;
  reason: string;
}

async function addConflict(
  tx: Executor,
  pool: PoolConfig,
  actor: Actor,
  m: PoolMemberRow,
  input: ConflictInput,
  declaredBy: 'staff' | PoolConfig['kind'],
  now: Date,
  meta: RequestMeta,
): Promise<void> {
  const creditCode = normalizeCreditCode(input.creditCode, 'creditCode');
  if (m.conflicts.some((c) => c.creditCode === creditCode)) {
    throw conflict('CONFLICT_ALREADY_DECLARED', `已登记与该单位（${creditCode}）的利益冲突`);
  }
  const conflicts = [...m.conflicts, { creditCode, reason: input.reason }];
  await tx
    .update(pool.table)
    .set({ conflicts, version: m.version + 1 })
    .where(eq(pool.table.id, m.id));
  await appendAudit(
    tx,
    {
      actor,
      ip: meta.ip,
      action: `${pool.kind}.conflict_declared`,
      targetType: pool.kind,
      targetId: m.id,
      cityCode: m.cityCode,
      reason: input.reason,
      after: { code: m.code, creditCode, declaredBy, version: m.version + 1 },
    },
    now,
  );
}

/** Staff record a conflict of interest a member declared. */
export async function declareMemberConflict(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: ConflictInput,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const m = await getMember(tx, pool, actor, id, { forUpdate: true });
    await addConflict(tx, pool, actor, m, input, 'staff', now, meta);
  });
}

/** A member declares a conflict on their own record. */
export async function declareOwnMemberConflict(
  pool: PoolConfig,
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: ConflictInput,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const m = await ownMember(tx, pool, actor, { forUpdate: true });
    if (!m) {
      throw conflict(
        `${pool.codePrefix}_PROFILE_MISSING`,
        `当前账号尚未关联${pool.pool}记录，请联系${pool.keeper}`,
      );
    }
    await addConflict(tx, pool, actor, m, input, pool.kind, now, meta);
  });
}

/** The caller's own record as they see it (no phone, no account), or null when none is linked. */
export async function ownMemberProfile(db: Executor, pool: PoolConfig, actor: Actor) {
  const m = await ownMember(db, pool, actor);
  if (!m) return null;
  const [city] = await db
    .select({ name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, m.cityCode));
  return {
    code: m.code,
    name: m.name,
    unit: m.unit,
    cityCode: m.cityCode,
    cityName: city?.name ?? null,
    conflicts: m.conflicts,
    active: m.active,
  };
}
