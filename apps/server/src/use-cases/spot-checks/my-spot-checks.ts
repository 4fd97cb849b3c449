/**
 * "我的抽查" (通知§五(三) 实地抽查复核; docs/domain.md §5): the targets an inspector is drawn for, with the
 * panel, the scope items still in the running and the result so far.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { applicationStateLabel, type Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applications,
  divisions,
  inspectors,
  organizations,
  spotCheckAssignments,
  spotCheckDraws,
  spotCheckResults,
} from '../../db/schema';
import { occupationText, scopeItemViews } from '../city-review/review-context';
import { ownInspector } from '../inspectors/inspector-pool';
import { paramsOf } from './draw-records';
import { resultViews } from './result-views';

/** "我的抽查": the targets the caller is drawn for, with the panel, the items and the result. */
export async function mySpotChecks(db: Executor, actor: Actor) {
  const me = await ownInspector(db, actor);
  if (!me) return { items: [] };
  const rows = await db
    .select({
      a: spotCheckAssignments,
      app: applications,
      orgName: organizations.name,
      cityName: divisions.name,
    })
    .from(spotCheckAssignments)
    .innerJoin(applications, eq(applications.id, spotCheckAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(divisions, eq(divisions.code, applications.cityCode))
    .where(and(eq(spotCheckAssignments.inspectorId, me.id), eq(spotCheckAssignments.status, 'assigned')))
    .orderBy(asc(spotCheckAssignments.assignedAt), asc(applications.number));
  if (rows.length === 0) return { items: [] };
  const appIds = rows.map((r) => r.app.id);
  const [panels, draws, scope] = await Promise.all([
    db
      .select({
        applicationId: spotCheckAssignments.applicationId,
        code: inspectors.code,
        name: inspectors.name,
        id: inspectors.id,
      })
      .from(spotCheckAssignments)
      .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
      .where(
        and(inArray(spotCheckAssignments.applicationId, appIds), eq(spotCheckAssignments.status, 'assigned')),
      )
      .orderBy(asc(inspectors.code)),
    db
      .select()
      .from(spotCheckDraws)
      .where(inArray(spotCheckDraws.id, [...new Set(rows.map((r) => r.a.drawId))])),
    scopeItemViews(db, appIds),
  ]);
  const drawOf = new Map(draws.map((d) => [d.id, d]));
  const rootOf = (drawId: string) => paramsOf(drawOf.get(drawId)!).rootDrawId ?? drawId;
  const rootIds = [...new Set(rows.map((r) => rootOf(r.a.drawId)))];
  const [roots, results] = await Promise.all([
    db
      .select({ id: spotCheckDraws.id, number: spotCheckDraws.number })
      .from(spotCheckDraws)
      .where(inArray(spotCheckDraws.id, rootIds)),
    db
      .select()
      .from(spotCheckResults)
      .where(and(inArray(spotCheckResults.drawId, rootIds), inArray(spotCheckResults.applicationId, appIds))),
  ]);
  const rootNumber = new Map(roots.map((r) => [r.id, r.number]));
  const views = await resultViews(db, results, { kind: 'inspector', inspectorId: me.id });
  return {
    items: rows.map((r) => {
      const root = rootOf(r.a.drawId);
      const result = views.get(r.app.id) ?? null;
      return {
        drawId: root,
        drawNumber: rootNumber.get(root) ?? '',
        applicationId: r.app.id,
        applicationNumber: r.app.number ?? '',
        organizationName: r.orgName,
        cityName: r.cityName,
        status: r.app.status,
        statusLabel: applicationStateLabel(r.app.status),
        assignedAt: r.a.assignedAt.toISOString(),
        panel: panels
          .filter((p) => p.applicationId === r.app.id)
          .map((p) => ({ code: p.code, name: p.name, self: p.id === me.id })),
        scopeItems: scope
          .filter(
            (s) =>
              s.applicationId === r.app.id &&
              !['not_recommended', 'rejected', 'held'].includes(s.verdict ?? ''),
          )
          .map((s) => ({
            id: s.id,
            occupationText: occupationText(s),
            levelsLabel: s.levelsLabel,
            modeLabel: s.modeLabel,
          })),
        result,
        canRecord: result === null && r.app.status === 'spot_check',
        version: r.app.version,
      };
    }),
  };
}
