/**
 * [policy] values of the expert review (docs/domain.md §2): how many experts a draw takes and how long a
 * reviewer of a rejected application stays recused. A system parameter (sys_admin); defaults apply
 * until one is saved.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_EXPERT_DRAW_COUNT, DEFAULT_RECUSAL_DAYS } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { systemParameters } from '../../db/schema';

export interface ExpertReviewPolicy {
  drawCount: number;
  recusalDays: number;
}

export const EXPERT_REVIEW_POLICY_KEY = 'expert_review_policy';

export const DEFAULT_EXPERT_REVIEW_POLICY: ExpertReviewPolicy = {
  drawCount: DEFAULT_EXPERT_DRAW_COUNT,
  recusalDays: DEFAULT_RECUSAL_DAYS,
};

export async function loadExpertReviewPolicy(db: Executor): Promise<ExpertReviewPolicy> {
  const [row] = await db
    .select()
    .from(systemParameters)
    .where(eq(systemParameters.key, EXPERT_REVIEW_POLICY_KEY))
    .limit(1);
  return {
    ...DEFAULT_EXPERT_REVIEW_POLICY,
    ...((row?.value as Partial<ExpertReviewPolicy> | undefined) ?? {}),
  };
}
