/**
 * The one writer of expert assignments' status besides the submission (expert-reviews.ts): a replacement
 * draw takes the replaced experts off the panel through EXPERT_ASSIGNMENT_MACHINE — each assignment
 * guarded by its version, with its timeline event and its audit entry (`expert_assignment.replaced`).
 */
import { EXPERT_ASSIGNMENT_MACHINE, type Actor } from '@skillcert/domain';
import type { RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { expertAssignments } from '../../db/schema';
import { recordMachineTransition } from '../workflow/record-machine-transition';

export type ExpertAssignmentRow = typeof expertAssignments.$inferSelect;

export async function replaceExpertAssignments(
  tx: Executor,
  actor: Actor,
  rows: readonly ExpertAssignmentRow[],
  input: { reason: string | null; cityCode: string; now: Date; meta: RequestMeta },
): Promise<void> {
  for (const row of rows) {
    await recordMachineTransition(tx, EXPERT_ASSIGNMENT_MACHINE, expertAssignments, row, 'replace', actor, {
      reason: input.reason,
      now: input.now,
      meta: input.meta,
      cityCode: input.cityCode,
      set: { replacedReason: input.reason },
      details: { applicationId: row.applicationId, expertId: row.expertId },
    });
  }
}
