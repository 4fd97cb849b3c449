/**
 * 一公开 (通知§五(三); docs/domain.md §5, R11): the results of a round draw are published once every drawn
 * target has an effective one; a failed result's items feed the decision letter.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { conflict, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applications, spotCheckDraws, spotCheckResults } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertVersion } from '../version-check';
import { occupationText, scopeItemViews } from '../city-review/review-context';
import { getDraw, paramsOf, replacementDrawsOf, resultOf, type DrawRow } from './draw-records';
import { effectiveOutcome, type StoredResultItem } from './result-views';
import { EFFECTIVE_RESULT_STATES } from './spot-check-results';

/** The drawn targets of a round draw that still need a result (withdrawn ones do not). */
export async function targetsWithoutResult(db: Executor, d: DrawRow): Promise<string[]> {
  const r = resultOf(d);
  const skipped = new Set((r?.skipped ?? []).map((s) => s.applicationNumber));
  const numbers = (r?.selected ?? []).map((s) => s.applicationNumber).filter((n) => !skipped.has(n));
  if (numbers.length === 0) return [];
  const apps = await db
    .select({ id: applications.id, number: applications.number, status: applications.status })
    .from(applications)
    .where(and(inArray(applications.number, numbers), eq(applications.roundId, d.roundId)));
  const results = await db
    .select({ applicationId: spotCheckResults.applicationId })
    .from(spotCheckResults)
    .where(and(eq(spotCheckResults.drawId, d.id), inArray(spotCheckResults.status, EFFECTIVE_RESULT_STATES)));
  const done = new Set(results.map((x) => x.applicationId));
  return apps.filter((a) => !done.has(a.id) && a.status !== 'withdrawn').map((a) => a.number!);
}

/** 一公开: publishes the results of a drawn round draw once every drawn target has one. */
export async function publishSpotCheckResults(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { version: number },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const d = await getDraw(tx, id, { forUpdate: true });
    assertVersion(d.version, input.version);
    if (paramsOf(d).kind !== 'round' || d.status !== 'drawn') {
      throw conflict('SPOT_CHECK_NOT_DRAWN', `${d.number}尚未抽取（或为替换抽取记录），没有可公开的复核结果`);
    }
    if (d.resultsPublishedAt)
      throw conflict('SPOT_CHECK_RESULTS_PUBLISHED', `${d.number}的复核结果已于此前公开`);
    const missing = await targetsWithoutResult(tx, d);
    if (missing.length > 0) {
      throw conflict(
        'SPOT_CHECK_RESULTS_INCOMPLETE',
        `还有${missing.length}个抽查对象（${missing.slice(0, 5).join('、')}${missing.length > 5 ? '等' : ''}）尚无生效的复核结果（全员签字确认或省鉴定中心裁决），全部生效后才能公开`,
      );
    }
    await tx
      .update(spotCheckDraws)
      .set({ resultsPublishedAt: now, version: d.version + 1 })
      .where(eq(spotCheckDraws.id, d.id));
    const replacements = await replacementDrawsOf(tx, d.id);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'spot_check.results_published',
        targetType: 'spot_check_draw',
        targetId: d.id,
        before: { resultsPublishedAt: null, version: d.version },
        after: {
          resultsPublishedAt: now.toISOString(),
          version: d.version + 1,
          replacementDraws: replacements.length,
        },
      },
      now,
    );
  });
}

/** For the decision letter of a failed spot check: the failed items with their reasons. */
export async function spotCheckFailureDetails(db: Executor, applicationId: string): Promise<string[]> {
  const [row] = await db
    .select()
    .from(spotCheckResults)
    .where(
      and(
        eq(spotCheckResults.applicationId, applicationId),
        inArray(spotCheckResults.status, EFFECTIVE_RESULT_STATES),
      ),
    )
    .orderBy(sql`${spotCheckResults.createdAt} desc`)
    .limit(1);
  if (!row) return [];
  const { outcome, items } = effectiveOutcome(row);
  if (outcome !== 'fail') return [];
  const scope = await scopeItemViews(db, [applicationId]);
  return (items as StoredResultItem[])
    .filter((v) => v.verdict === 'fail')
    .map((v) => {
      const s = scope.find((x) => x.id === v.scopeItemId);
      return `${s ? occupationText(s) : '申报职业（工种）'}：${v.reason ?? '抽查复核不通过'}`;
    });
}
