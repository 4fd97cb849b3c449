/**
 * 抽查公开 (一公开; docs/domain.md §6, R11): what anyone sees without logging in — every draw's commitment
 * (hashes, parameters, both pools as codes, the recusals as codes + rule) from the moment it is
 * committed; after the draw the seed and the result; after publication the outcome per drawn target
 * (pass / fail only). Codes only: never an inspector's name, phone or unit, an organization's contact,
 * the findings or anyone's comments.
 */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { SPOT_CHECK_OUTCOME_LABELS, type SpotCheckOutcome } from '@skillcert/domain';
import type { PublicDrawDetail } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { preparedPer } from '../../db/prepared';
import { pageTotal, windowTotal } from '../../db/paging';
import { applications, collectionRounds, spotCheckDraws, spotCheckResults } from '../../db/schema';
import {
  findDraw,
  numbersOf,
  paramsOf,
  presentParams,
  presentRecusals,
  presentResult,
  publishedSeed,
  resultOf,
  summaryFields,
  type DrawRow,
} from './draw-records';
import { effectiveOutcome } from './result-views';
import { EFFECTIVE_RESULT_STATES } from './spot-check-results';

function publicSummary(d: DrawRow, roundTitle: string) {
  const s = summaryFields(d, roundTitle, null);
  return {
    id: s.id,
    number: s.number,
    roundTitle: s.roundTitle,
    kind: s.kind,
    kindLabel: s.kindLabel,
    status: s.status,
    statusLabel: s.statusLabel,
    poolSize: s.poolSize,
    sampleSize: s.sampleSize,
    inspectorsPerTarget: s.inspectorsPerTarget,
    committedAt: s.committedAt,
    drawnAt: s.drawnAt,
    resultsPublishedAt: s.resultsPublishedAt,
  };
}

/** The public list: one prepared query (the page and the total). */
const drawPage = preparedPer((db) =>
  db
    .select({ d: spotCheckDraws, roundTitle: collectionRounds.title, total: windowTotal() })
    .from(spotCheckDraws)
    .innerJoin(collectionRounds, eq(collectionRounds.id, spotCheckDraws.roundId))
    .orderBy(desc(spotCheckDraws.committedAt), desc(spotCheckDraws.number))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('public_draw_page'),
);

export async function listPublicDraws(db: Executor, f: { page: number; pageSize: number }) {
  const rows = await drawPage(db).execute({ limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const total = await pageTotal(rows, f.page, async () => {
    const [row] = await db.select({ n: count() }).from(spotCheckDraws);
    return Number(row?.n ?? 0);
  });
  return {
    items: rows.map((r) => publicSummary(r.d, r.roundTitle)),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** One draw by id or public number (CC2026-01). */
export async function publicDrawDetail(db: Executor, idOrNumber: string): Promise<PublicDrawDetail> {
  const d = await findDraw(db, idOrNumber);
  const p = paramsOf(d);
  const [[round], replaces] = await Promise.all([
    db
      .select({ title: collectionRounds.title })
      .from(collectionRounds)
      .where(eq(collectionRounds.id, d.roundId)),
    numbersOf(db, [d.replacesDrawId]),
  ]);
  const s = summaryFields(
    d,
    round?.title ?? '',
    d.replacesDrawId ? (replaces.get(d.replacesDrawId) ?? null) : null,
  );
  return {
    ...publicSummary(d, round?.title ?? ''),
    algorithmVersion: d.algorithmVersion,
    params: presentParams(p),
    targetPool: (d.targetPool as string[]) ?? [],
    targetPoolHash: d.targetPoolHash,
    inspectorPool: (d.inspectorPool as string[]) ?? [],
    inspectorPoolHash: d.inspectorPoolHash,
    recusals: presentRecusals(d),
    recusalHash: d.recusalHash,
    seedHash: d.seedHash,
    seed: publishedSeed(d),
    result: presentResult(d),
    reason: s.reason,
    replacesDrawId: s.replacesDrawId,
    replacesNumber: s.replacesNumber,
    voided: s.voided,
    outcomes: d.resultsPublishedAt ? await publicOutcomes(db, d) : null,
  };
}

async function publicOutcomes(db: Executor, d: DrawRow) {
  const r = resultOf(d);
  const skipped = new Set((r?.skipped ?? []).map((x) => x.applicationNumber));
  const numbers = (r?.selected ?? []).map((x) => x.applicationNumber).filter((n) => !skipped.has(n));
  if (numbers.length === 0) return [];
  const apps = await db
    .select({ id: applications.id, number: applications.number, status: applications.status })
    .from(applications)
    .where(and(inArray(applications.number, numbers), eq(applications.roundId, d.roundId)));
  const results = await db
    .select()
    .from(spotCheckResults)
    .where(and(eq(spotCheckResults.drawId, d.id), inArray(spotCheckResults.status, EFFECTIVE_RESULT_STATES)));
  // 一公开 publishes what took effect: the panel's agreed result or the province centre's decision.
  const outcomeOf = new Map(results.map((x) => [x.applicationId, effectiveOutcome(x).outcome]));
  return numbers.map((n) => {
    const a = apps.find((x) => x.number === n);
    const outcome = (a && outcomeOf.get(a.id)) ?? (a?.status === 'withdrawn' ? 'withdrawn' : 'pending');
    return {
      applicationNumber: n,
      outcome,
      outcomeLabel: SPOT_CHECK_OUTCOME_LABELS[outcome as SpotCheckOutcome] ?? outcome,
    };
  });
}
