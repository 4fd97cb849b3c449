/**
 * 决定书复核申请期限 ([policy], docs/domain.md §11): the period and its basis every decision letter prints.
 * A system parameter the province centre edits with a version check; version 0 means the default has
 * never been replaced.
 */
import { eq } from 'drizzle-orm';
import { assertDecisionReviewPeriod, DEFAULT_DECISION_REVIEW_PERIOD, type Actor } from '@skillcert/domain';
import type { DecisionReviewPeriod } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { systemParameters } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertVersion } from '../version-check';

export const DECISION_REVIEW_PERIOD_KEY = 'decision_review_period';

export interface StoredDecisionReviewPeriod extends DecisionReviewPeriod {
  version: number;
  updatedAt: string | null;
}

export async function loadDecisionReviewPeriod(db: Executor): Promise<StoredDecisionReviewPeriod> {
  const [row] = await db
    .select()
    .from(systemParameters)
    .where(eq(systemParameters.key, DECISION_REVIEW_PERIOD_KEY))
    .limit(1);
  if (!row) return { ...DEFAULT_DECISION_REVIEW_PERIOD, version: 0, updatedAt: null };
  const value = row.value as DecisionReviewPeriod & { version: number };
  return {
    workingDays: value.workingDays,
    basis: value.basis,
    version: value.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function saveDecisionReviewPeriod(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: DecisionReviewPeriod & { version: number },
  meta: RequestMeta,
): Promise<StoredDecisionReviewPeriod> {
  const period = assertDecisionReviewPeriod(input);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadDecisionReviewPeriod(tx);
    assertVersion(before.version, input.version);
    const value = { ...period, version: before.version + 1 };
    await tx
      .insert(systemParameters)
      .values({ key: DECISION_REVIEW_PERIOD_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: systemParameters.key, set: { value, updatedAt: now } });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'policy.decision_review_period_updated',
        targetType: 'system_parameter',
        targetId: DECISION_REVIEW_PERIOD_KEY,
        before: { workingDays: before.workingDays, basis: before.basis },
        after: period,
      },
      now,
    );
    return { ...value, updatedAt: now.toISOString() };
  });
}
