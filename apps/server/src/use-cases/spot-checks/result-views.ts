/**
 * How a spot-check result reads (通知§五(三); domain.md §5 R11): the on-site facts, the draft's verdicts,
 * who of the panel has signed or dissented and who has not yet, the province centre's decision of a
 * disputed result, and the actions the viewer may take (the domain's state machine decides).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  JOINT_RESULT_STATE_LABELS,
  jointResultAllowedActions,
  jointResultIsEffective,
  SPOT_CHECK_OUTCOME_LABELS,
  type JointResultActor,
  type JointResultState,
  type SpotCheckOutcome,
} from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applicationEvents,
  inspectors,
  spotCheckAssignments,
  spotCheckResults,
  spotCheckResultSignatures,
  storedFiles,
} from '../../db/schema';
import { occupationText, scopeItemViews } from '../city-review/review-context';

export interface StoredResultItem {
  scopeItemId: string;
  verdict: 'pass' | 'fail';
  reason: string | null;
}

export type ResultRow = typeof spotCheckResults.$inferSelect;

/** Who reads: a drawn inspector (by inspector id), the province centre, or another province reader. */
export type ResultViewer =
  { kind: 'inspector'; inspectorId: string } | { kind: 'province_center' } | { kind: 'other' };

/** The outcome and item verdicts that count: the decision's once decided, else the draft's. */
export function effectiveOutcome(r: ResultRow): { outcome: SpotCheckOutcome; items: StoredResultItem[] } {
  if (r.status === 'decided' && r.decisionOutcome) {
    return {
      outcome: r.decisionOutcome as SpotCheckOutcome,
      items: (r.decisionItemVerdicts as StoredResultItem[] | null) ?? [],
    };
  }
  return { outcome: r.outcome as SpotCheckOutcome, items: (r.itemVerdicts as StoredResultItem[]) ?? [] };
}

/** The inspector ids currently on the panel of each application (replaced members no longer sign). */
export async function currentPanels(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: spotCheckAssignments.applicationId,
      inspectorId: inspectors.id,
      code: inspectors.code,
      name: inspectors.name,
    })
    .from(spotCheckAssignments)
    .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
    .where(
      and(
        inArray(spotCheckAssignments.applicationId, applicationIds),
        eq(spotCheckAssignments.status, 'assigned'),
      ),
    )
    .orderBy(asc(inspectors.code));
}

function actorOf(
  viewer: ResultViewer,
  r: ResultRow,
  acted: Set<string>,
  panel: Set<string>,
): JointResultActor {
  if (viewer.kind === 'province_center') return { kind: 'province_center' };
  if (viewer.kind === 'inspector' && panel.has(viewer.inspectorId)) {
    return {
      kind: 'panel_member',
      isDrafter: r.drafterInspectorId === viewer.inspectorId,
      hasActed: acted.has(viewer.inspectorId),
    };
  }
  return { kind: 'other' };
}

export async function resultViews(db: Executor, rows: ResultRow[], viewer: ResultViewer = { kind: 'other' }) {
  if (rows.length === 0) return new Map<string, SpotCheckResultView>();
  const appIds = rows.map((r) => r.applicationId);
  const fileIds = rows.flatMap((r) => r.attachmentFileIds);
  const [scope, files, signatures, panels, events] = await Promise.all([
    scopeItemViews(db, appIds),
    fileIds.length
      ? db
          .select({
            id: storedFiles.id,
            originalName: storedFiles.originalName,
            sizeBytes: storedFiles.sizeBytes,
            sha256: storedFiles.sha256,
          })
          .from(storedFiles)
          .where(inArray(storedFiles.id, fileIds))
      : Promise.resolve([]),
    db
      .select()
      .from(spotCheckResultSignatures)
      .where(
        inArray(
          spotCheckResultSignatures.resultId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(spotCheckResultSignatures.createdAt)),
    currentPanels(db, appIds),
    // The overall reason of an effective result is the transition's reason (application_events).
    db
      .select({ applicationId: applicationEvents.applicationId, reason: applicationEvents.reason })
      .from(applicationEvents)
      .where(
        and(
          inArray(applicationEvents.applicationId, appIds),
          inArray(applicationEvents.action, ['spot_check_pass', 'spot_check_fail']),
        ),
      )
      .orderBy(desc(applicationEvents.id)),
  ]);
  const fileOf = new Map(files.map((f) => [f.id, f]));
  const reasonOf = new Map<string, string | null>();
  for (const e of events) if (!reasonOf.has(e.applicationId)) reasonOf.set(e.applicationId, e.reason);
  const present = (r: ResultRow): SpotCheckResultView => {
    const state = r.status;
    const effective = jointResultIsEffective(state);
    const { outcome, items } = effectiveOutcome(r);
    const own = signatures.filter((s) => s.resultId === r.id);
    const panel = panels.filter((p) => p.applicationId === r.applicationId);
    const acted = new Set(own.map((s) => s.inspectorId));
    return {
      status: state,
      statusLabel: JOINT_RESULT_STATE_LABELS[state] ?? r.status,
      effective,
      outcome,
      outcomeLabel: SPOT_CHECK_OUTCOME_LABELS[outcome] ?? outcome,
      findings: r.findings,
      reason: effective ? (reasonOf.get(r.applicationId) ?? r.reason) : r.reason,
      visitDate: r.visitDate,
      place: r.place,
      present: r.present,
      items: items.map((v) => {
        const s = scope.find((x) => x.id === v.scopeItemId);
        return {
          scopeItemId: v.scopeItemId,
          occupationText: s ? occupationText(s) : v.scopeItemId,
          verdict: v.verdict,
          verdictLabel: v.verdict === 'pass' ? '通过' : '不通过',
          reason: v.reason,
        };
      }),
      attachments: r.attachmentFileIds.flatMap((id) => {
        const f = fileOf.get(id);
        return f ? [f] : [];
      }),
      recordedByName: r.recordedByName,
      createdAt: r.createdAt.toISOString(),
      signatures: own.map((s) => ({
        inspectorName: s.inspectorName,
        kind: s.kind as 'sign' | 'dissent',
        kindLabel: s.kind === 'sign' ? '已签字确认' : '提出异议',
        reason: s.reason,
        createdAt: s.createdAt.toISOString(),
      })),
      // Only a submitted result waits for signatures.
      awaiting:
        state === 'signing'
          ? panel.filter((p) => !acted.has(p.inspectorId)).map((p) => `${p.code} ${p.name}`)
          : [],
      decision:
        state === 'decided' && r.decisionOutcome
          ? {
              outcome: r.decisionOutcome as SpotCheckOutcome,
              outcomeLabel: SPOT_CHECK_OUTCOME_LABELS[r.decisionOutcome as SpotCheckOutcome],
              reason: r.decisionReason ?? '',
              decidedByName: r.decidedByName ?? '',
              decidedAt: r.decidedAt?.toISOString() ?? '',
            }
          : null,
      allowedActions: jointResultAllowedActions(
        state,
        actorOf(viewer, r, acted, new Set(panel.map((p) => p.inspectorId))),
      ),
      version: r.version,
    };
  };
  return new Map(rows.map((r) => [r.applicationId, present(r)]));
}

export interface SpotCheckResultView {
  status: JointResultState;
  statusLabel: string;
  effective: boolean;
  outcome: SpotCheckOutcome;
  outcomeLabel: string;
  findings: string;
  reason: string | null;
  visitDate: string | null;
  place: string | null;
  present: string | null;
  items: {
    scopeItemId: string;
    occupationText: string;
    verdict: 'pass' | 'fail';
    verdictLabel: string;
    reason: string | null;
  }[];
  attachments: { id: string; originalName: string; sizeBytes: number; sha256: string }[];
  recordedByName: string;
  createdAt: string;
  signatures: {
    inspectorName: string;
    kind: 'sign' | 'dissent';
    kindLabel: string;
    reason: string | null;
    createdAt: string;
  }[];
  awaiting: string[];
  decision: {
    outcome: SpotCheckOutcome;
    outcomeLabel: string;
    reason: string;
    decidedByName: string;
    decidedAt: string;
  } | null;
  allowedActions: ('submit' | 'sign' | 'dissent' | 'decide')[];
  version: number;
}
