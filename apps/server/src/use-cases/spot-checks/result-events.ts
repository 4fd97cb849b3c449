/**
 * The application's timeline gets a line for each step of the joint spot-check result (通知§五(三)):
 * drafted, submitted, signed, dissented. The status stays 抽查中 until the result takes effect, when
 * the transition itself (spot_check_pass / spot_check_fail) is the next line.
 */
import type { Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { applicationEvents } from '../../db/schema';

export type ResultEventAction =
  | 'spot_check_result_drafted'
  | 'spot_check_result_submitted'
  | 'spot_check_result_signed'
  | 'spot_check_result_dissented';

export async function appendResultEvent(
  tx: Executor,
  app: { id: string; status: string },
  actor: Actor,
  action: ResultEventAction,
  reason: string | null,
  now: Date,
): Promise<void> {
  await tx.insert(applicationEvents).values({
    applicationId: app.id,
    at: now,
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: actor.role,
    action,
    fromStatus: app.status,
    toStatus: app.status,
    reason,
  });
}
