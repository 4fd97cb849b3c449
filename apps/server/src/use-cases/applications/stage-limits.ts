/** 办理时限 policy: working days per stage, a system parameter the province center edits. */
import { eq } from 'drizzle-orm';
import { DEFAULT_STAGE_LIMITS, type StageLimits } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { systemParameters } from '../../db/schema';

const KEY = 'stage_limits';

export async function loadStageLimits(db: Executor): Promise<StageLimits> {
  const [row] = await db.select().from(systemParameters).where(eq(systemParameters.key, KEY));
  return { ...DEFAULT_STAGE_LIMITS, ...((row?.value as StageLimits | undefined) ?? {}) };
}

export async function saveStageLimits(db: Executor, limits: StageLimits, now: Date): Promise<void> {
  await db
    .insert(systemParameters)
    .values({ key: KEY, value: limits, updatedAt: now })
    .onConflictDoUpdate({ target: systemParameters.key, set: { value: limits, updatedAt: now } });
}
