/**
 * [policy] values of the spot check (R11, docs/domain.md §2, §5): sample ratio (default 20 %, at least one
 * target), inspectors per target (≥ 2, default 2) and whether same-city inspectors are recused (default
 * on). A system parameter the province centre edits; each commitment snapshots the values it used.
 */
import { eq } from 'drizzle-orm';
import {
  assertSpotCheckParams,
  DEFAULT_INSPECTORS_PER_TARGET,
  DEFAULT_SAMPLE_RATIO_PERCENT,
  type Actor,
} from '@skillcert/domain';
import type { SpotCheckPolicyDto } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { systemParameters } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';

export const SPOT_CHECK_POLICY_KEY = 'spot_check_policy';

export const DEFAULT_SPOT_CHECK_POLICY: SpotCheckPolicyDto = {
  sampleRatioPercent: DEFAULT_SAMPLE_RATIO_PERCENT,
  inspectorsPerTarget: DEFAULT_INSPECTORS_PER_TARGET,
  sameCityRecusal: true,
};

export async function loadSpotCheckPolicy(db: Executor): Promise<SpotCheckPolicyDto> {
  const [row] = await db
    .select()
    .from(systemParameters)
    .where(eq(systemParameters.key, SPOT_CHECK_POLICY_KEY))
    .limit(1);
  return { ...DEFAULT_SPOT_CHECK_POLICY, ...((row?.value as Partial<SpotCheckPolicyDto> | undefined) ?? {}) };
}

export async function saveSpotCheckPolicy(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  policy: SpotCheckPolicyDto,
  meta: RequestMeta,
): Promise<SpotCheckPolicyDto> {
  assertSpotCheckParams(policy);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadSpotCheckPolicy(tx);
    await tx
      .insert(systemParameters)
      .values({ key: SPOT_CHECK_POLICY_KEY, value: policy, updatedAt: now })
      .onConflictDoUpdate({ target: systemParameters.key, set: { value: policy, updatedAt: now } });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.policy_updated',
        targetType: 'system_parameter',
        targetId: SPOT_CHECK_POLICY_KEY,
        before,
        after: policy,
      },
      now,
    );
    return policy;
  });
}
