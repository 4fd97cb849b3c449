/**
 * 提交申请: the server re-runs every rule R1–R9 (whatever the browser showed), checks the round's window,
 * records the commitment (承诺) and issues the application number from a gapless counter — all in one
 * transaction on the locked row, so of two concurrent submits exactly one wins.
 */
import { eq } from 'drizzle-orm';
import { assertSubmittable, conflict, runPrecheck, todayInShanghai, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { collectionRounds } from '../../db/schema';
import { assertVersion } from '../version-check';
import { nextCounterValue } from '../counters';
import { getApplication } from './application-queries';
import { buildPrecheckContext } from './precheck-context';
import { recordTransition } from './record-transition';
import { isAcceptingSubmissions } from '../rounds/rounds';

export interface SubmitInput {
  version: number;
  signerName: string;
  acknowledgedWarnings: string[];
}

export async function submitApplication(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: SubmitInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, id, { forUpdate: true });
    assertVersion(app.version, input.version);
    const resubmission = app.status === 'returned';
    const [round] = await tx.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId));
    // A correction (补正) requested by the city may be handed in after the window; a first submission may not.
    if (!resubmission && app.status === 'draft' && !isAcceptingSubmissions(round!, now)) {
      throw conflict(
        'ROUND_WINDOW_CLOSED',
        `不在申报时间内（申报期 ${round!.windowStart} 至 ${round!.windowEnd}），不能提交`,
      );
    }
    const result = runPrecheck(await buildPrecheckContext(tx, app, todayInShanghai(now)));
    assertSubmittable(result, input.acknowledgedWarnings);
    const number =
      app.number ??
      `SQ${todayInShanghai(now).slice(0, 4)}-${String(await nextCounterValue(tx, `application:${todayInShanghai(now).slice(0, 4)}`)).padStart(6, '0')}`;
    const updated = await recordTransition(tx, app, resubmission ? 'resubmit' : 'submit', actor, {
      now,
      meta,
      set: {
        number,
        submittedAt: now,
        commitment: { signerName: input.signerName, signedAt: now.toISOString() },
        acknowledgedWarnings: input.acknowledgedWarnings,
        precheck: result,
      },
      audit: { number, signerName: input.signerName, acknowledgedWarnings: input.acknowledgedWarnings },
    });
    return updated;
  });
}

export async function withdrawApplication(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { version: number; reason?: string | undefined },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, id, { forUpdate: true });
    assertVersion(app.version, input.version);
    return recordTransition(tx, app, 'withdraw', actor, { now, meta, reason: input.reason });
  });
}
