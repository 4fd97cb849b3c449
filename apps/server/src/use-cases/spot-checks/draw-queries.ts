/**
 * 抽查复核 records for province staff (and audit): the draws per round, and one draw with its pools
 * (codes with names), recusals, commitment, seed and result once drawn, and — for a round draw — each
 * drawn target with its panel (also replaced members) and result. The actions the viewer may take come
 * with it.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  applicationStateLabel,
  SPOT_CHECK_ASSIGNMENT_MACHINE,
  SPOT_CHECK_DRAW_MACHINE,
  spotCheckDrawAction,
  type Actor,
} from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applications,
  collectionRounds,
  divisions,
  inspectors,
  organizations,
  spotCheckAssignments,
  spotCheckDraws,
  spotCheckResults,
} from '../../db/schema';
import {
  DRAW_STATUS_LABELS,
  getDraw,
  numbersOf,
  paramsOf,
  presentParams,
  presentRecusals,
  presentResult,
  publishedSeed,
  replacementDrawsOf,
  resultOf,
  summaryFields,
  type DrawRow,
} from './draw-records';
import { statusFilter } from '../workflow/status-filter';
import { EFFECTIVE_RESULT_STATES, resultViews } from './spot-check-results';

export interface DrawFilter {
  roundId?: string | undefined;
  status?: 'committed' | 'drawn' | 'void' | undefined;
  page: number;
  pageSize: number;
}

export async function listSpotCheckDraws(db: Executor, f: DrawFilter) {
  const where: SQL | undefined = and(
    f.roundId ? eq(spotCheckDraws.roundId, f.roundId) : undefined,
    statusFilter(SPOT_CHECK_DRAW_MACHINE, spotCheckDraws.status, f.status),
  );
  const [rows, totals] = await Promise.all([
    db
      .select({ d: spotCheckDraws, roundTitle: collectionRounds.title })
      .from(spotCheckDraws)
      .innerJoin(collectionRounds, eq(collectionRounds.id, spotCheckDraws.roundId))
      .where(where)
      .orderBy(desc(spotCheckDraws.committedAt), desc(spotCheckDraws.number))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(spotCheckDraws).where(where),
  ]);
  const ids = rows.map((r) => r.d.id);
  const [replaces, resultCounts] = await Promise.all([
    numbersOf(
      db,
      rows.map((r) => r.d.replacesDrawId),
    ),
    ids.length
      ? db
          .select({ drawId: spotCheckResults.drawId, n: count() })
          .from(spotCheckResults)
          // Only effective results count (agreed by the whole panel or decided by the province centre).
          .where(
            and(
              inArray(spotCheckResults.drawId, ids),
              inArray(spotCheckResults.status, EFFECTIVE_RESULT_STATES),
            ),
          )
          .groupBy(spotCheckResults.drawId)
      : Promise.resolve([]),
  ]);
  const resultsOf = new Map(resultCounts.map((r) => [r.drawId, Number(r.n)]));
  return {
    items: rows.map(({ d, roundTitle }) => ({
      ...summaryFields(d, roundTitle, d.replacesDrawId ? (replaces.get(d.replacesDrawId) ?? null) : null),
      resultCount: resultsOf.get(d.id) ?? 0,
      targetCount: paramsOf(d).kind === 'round' ? (resultOf(d)?.selected.length ?? 0) : 0,
    })),
    total: Number(totals[0]?.n ?? 0),
  };
}

export async function spotCheckDrawDetail(db: Executor, actor: Actor, id: string) {
  const d = await getDraw(db, id);
  const p = paramsOf(d);
  const targetNumbers = (d.targetPool as string[]) ?? [];
  const inspectorCodes = (d.inspectorPool as string[]) ?? [];
  const [[round], apps, pool, followUpRows, replaces] = await Promise.all([
    db
      .select({ title: collectionRounds.title })
      .from(collectionRounds)
      .where(eq(collectionRounds.id, d.roundId)),
    targetNumbers.length
      ? db
          .select({ app: applications, orgName: organizations.name, cityName: divisions.name })
          .from(applications)
          .innerJoin(organizations, eq(organizations.id, applications.organizationId))
          .leftJoin(divisions, eq(divisions.code, applications.cityCode))
          .where(and(inArray(applications.number, targetNumbers), eq(applications.roundId, d.roundId)))
      : Promise.resolve([]),
    inspectorCodes.length
      ? db
          .select({
            code: inspectors.code,
            name: inspectors.name,
            unit: inspectors.unit,
            cityName: divisions.name,
          })
          .from(inspectors)
          .leftJoin(divisions, eq(divisions.code, inspectors.cityCode))
          .where(inArray(inspectors.code, inspectorCodes))
      : Promise.resolve([]),
    db
      .select()
      .from(spotCheckDraws)
      .where(
        sql`${spotCheckDraws.replacesDrawId} = ${d.id} or ${spotCheckDraws.params}->>'rootDrawId' = ${d.id}`,
      )
      .orderBy(asc(spotCheckDraws.committedAt), asc(spotCheckDraws.number)),
    numbersOf(db, [d.replacesDrawId]),
  ]);
  const appOf = new Map(apps.map((a) => [a.app.number!, a]));
  const inspectorOf = new Map(pool.map((i) => [i.code, i]));
  const targets = p.kind === 'round' && d.status === 'drawn' ? await drawnTargets(db, d, appOf, actor) : [];
  const manage = actor.role === 'province_center';
  const allowed = SPOT_CHECK_DRAW_MACHINE.allowedActions(d.status, actor);
  return {
    ...summaryFields(
      d,
      round?.title ?? '',
      d.replacesDrawId ? (replaces.get(d.replacesDrawId) ?? null) : null,
    ),
    algorithmVersion: d.algorithmVersion,
    params: presentParams(p),
    targetPool: targetNumbers.map((n) => {
      const a = appOf.get(n);
      return {
        applicationNumber: n,
        applicationId: a?.app.id ?? null,
        organizationName: a?.orgName ?? null,
        cityName: a?.cityName ?? null,
      };
    }),
    targetPoolHash: d.targetPoolHash,
    inspectorPool: inspectorCodes.map((c) => {
      const i = inspectorOf.get(c);
      return { code: c, name: i?.name ?? null, unit: i?.unit ?? null, cityName: i?.cityName ?? null };
    }),
    inspectorPoolHash: d.inspectorPoolHash,
    recusals: presentRecusals(d),
    recusalHash: d.recusalHash,
    seedHash: d.seedHash,
    seed: publishedSeed(d),
    result: presentResult(d),
    targets,
    followUps: followUpRows.map((f) => ({
      id: f.id,
      number: f.number,
      kind: paramsOf(f).kind,
      status: f.status,
      statusLabel: DRAW_STATUS_LABELS[f.status],
    })),
    abilities: {
      draw: allowed.includes(spotCheckDrawAction(p.kind)),
      void: allowed.includes('void'),
      // Only once every drawn target has a result (withdrawn ones need none).
      publish:
        manage &&
        p.kind === 'round' &&
        d.status === 'drawn' &&
        !d.resultsPublishedAt &&
        targets.every((t) => t.result?.effective || t.status === 'withdrawn'),
      replace:
        manage &&
        p.kind === 'round' &&
        d.status === 'drawn' &&
        targets.some((t) => t.status === 'spot_check' && t.result === null),
    },
    version: d.version,
  };
}

async function drawnTargets(
  db: Executor,
  d: DrawRow,
  appOf: Map<string, { app: typeof applications.$inferSelect; orgName: string; cityName: string | null }>,
  actor: Actor,
) {
  const selected = resultOf(d)?.selected ?? [];
  const appIds = selected.map((s) => appOf.get(s.applicationNumber)?.app.id).filter((x): x is string => !!x);
  if (appIds.length === 0) return [];
  const replacements = await replacementDrawsOf(db, d.id);
  const drawIds = [d.id, ...replacements.map((r) => r.id)];
  const numberOf = new Map([[d.id, d.number], ...replacements.map((r) => [r.id, r.number] as const)]);
  const [panel, results] = await Promise.all([
    db
      .select({
        a: spotCheckAssignments,
        code: inspectors.code,
        name: inspectors.name,
        unit: inspectors.unit,
      })
      .from(spotCheckAssignments)
      .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
      .where(
        and(
          inArray(spotCheckAssignments.applicationId, appIds),
          inArray(spotCheckAssignments.drawId, drawIds),
        ),
      )
      .orderBy(asc(spotCheckAssignments.assignedAt), asc(inspectors.code)),
    db
      .select()
      .from(spotCheckResults)
      .where(and(eq(spotCheckResults.drawId, d.id), inArray(spotCheckResults.applicationId, appIds))),
  ]);
  const views = await resultViews(
    db,
    results,
    actor.role === 'province_center' ? { kind: 'province_center' } : { kind: 'other' },
  );
  return selected.flatMap((s) => {
    const a = appOf.get(s.applicationNumber);
    if (!a) return [];
    return [
      {
        applicationId: a.app.id,
        applicationNumber: s.applicationNumber,
        organizationName: a.orgName,
        cityCode: a.app.cityCode,
        cityName: a.cityName,
        status: a.app.status,
        statusLabel: applicationStateLabel(a.app.status),
        panel: panel
          .filter((x) => x.a.applicationId === a.app.id)
          .map((x) => ({
            assignmentId: x.a.id,
            inspectorId: x.a.inspectorId,
            code: x.code,
            name: x.name,
            unit: x.unit,
            status: x.a.status,
            allowedActions: SPOT_CHECK_ASSIGNMENT_MACHINE.allowedActions(x.a.status, actor),
            drawId: x.a.drawId,
            drawNumber: numberOf.get(x.a.drawId) ?? '',
            replacedReason: x.a.replacedReason,
          })),
        result: views.get(a.app.id) ?? null,
      },
    ];
  });
}
