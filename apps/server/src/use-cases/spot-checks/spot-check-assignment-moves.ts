/**
 * The one writer of spot-check assignments' status: a replacement draw takes the inspectors who cannot
 * attend off the target's panel through SPOT_CHECK_ASSIGNMENT_MACHINE — each assignment guarded by its
 * version, with its timeline event and its audit entry (`spot_check_assignment.replaced`); the reason is
 * the replacement draw's public one.
 */
import { SPOT_CHECK_ASSIGNMENT_MACHINE, type Actor } from '@skillcert/domain';
import type { RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { spotCheckAssignments } from '../../db/schema';
import { recordMachineTransition } from '../workflow/record-machine-transition';

export type SpotCheckAssignmentRow = typeof spotCheckAssignments.$inferSelect;

export async function replaceSpotCheckAssignments(
  tx: Executor,
  actor: Actor,
  rows: readonly SpotCheckAssignmentRow[],
  input: { reason: string | null; cityCode: string; now: Date; meta: RequestMeta },
): Promise<void> {
  for (const row of rows) {
    await recordMachineTransition(
      tx,
      SPOT_CHECK_ASSIGNMENT_MACHINE,
      spotCheckAssignments,
      row,
      'replace',
      actor,
      {
        reason: input.reason,
        now: input.now,
        meta: input.meta,
        cityCode: input.cityCode,
        set: { replacedReason: input.reason },
        details: { applicationId: row.applicationId, inspectorId: row.inspectorId, drawId: row.drawId },
      },
    );
  }
}
