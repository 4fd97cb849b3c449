/**
 * 专家随机抽取 (通知第五条第二款; docs/domain.md §6): a city bureau draws experts for a verified application of its
 * city. In one transaction: freeze the eligible pool and the recusals (codes + reasons), hash them,
 * generate a seed and store its hash (the commitment), draw with the domain's algorithm, store seed and
 * result, create the assignments, audit. A later draw is a replacement: it needs a reason, marks the
 * replaced (not yet submitted) assignments 'replaced' and is a new draw row pointing at the draw it
 * follows — nothing is edited in place. Any stored draw can be replayed from its record.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import {
  ALGORITHM_VERSION,
  buildExpertDrawPool,
  commitExpertDraw,
  conflict,
  drawExperts,
  EXPERT_DRAW_MACHINE,
  invalid,
  notFound,
  replayExpertDraw,
  type Actor,
  type PoolExpert,
  type Recusal,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  draws,
  expertAssignments,
  expertReviews,
  experts,
  organizations,
} from '../../db/schema';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { getApplication, type ApplicationRow } from '../applications/application-queries';
import { loadExpertReviewPolicy } from './expert-policy';
import { replaceExpertAssignments } from './expert-assignment-moves';

/** Application states that end in a refusal: their reviewers are recused for the policy window. */
const REJECTED_STATES = ['rejected', 'not_recommended'];

export type DrawRow = typeof draws.$inferSelect;

export interface ExpertDrawInput {
  count?: number | undefined;
  reason?: string | undefined;
  replaceExpertIds?: string[] | undefined;
}

export interface ExpertDrawOptions {
  /** Test hook: a fixed seed instead of 32 random bytes. */
  seed?: string;
}

export async function drawExpertsForApplication(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  input: ExpertDrawInput,
  meta: RequestMeta,
  opts: ExpertDrawOptions = {},
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    if (app.status !== 'verified') {
      throw conflict('DRAW_APPLICATION_NOT_VERIFIED', '申请须经市州鉴定中心核验通过后才能抽取评审专家');
    }
    const policy = await loadExpertReviewPolicy(tx);
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, app.organizationId));
    const items = await tx
      .select({ occupationCode: applicationScopeItems.occupationCode })
      .from(applicationScopeItems)
      .where(eq(applicationScopeItems.applicationId, app.id));
    const occupationCodes = [...new Set(items.map((i) => i.occupationCode))].sort();

    const previous = drawChain(
      await tx
        .select()
        .from(draws)
        .where(and(eq(draws.applicationId, app.id), eq(draws.kind, 'expert'))),
    ).at(-1);
    const current = await tx
      .select({ a: expertAssignments, code: experts.code })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .where(eq(expertAssignments.applicationId, app.id))
      .for('update', { of: expertAssignments });
    const onPanel = current.filter((c) => c.a.status !== 'replaced');

    // A first draw, or a replacement of some (not yet submitted) panel members.
    let toReplace: typeof current = [];
    let count: number;
    if (previous) {
      if (!input.reason) {
        throw invalid(
          'DRAW_REASON_REQUIRED',
          '本申请已抽取过评审专家，替换专家须填写原因（将作为新的抽取记录留痕）',
        );
      }
      if (input.replaceExpertIds) {
        const wanted = new Set(input.replaceExpertIds);
        toReplace = onPanel.filter((c) => wanted.has(c.a.expertId));
        if (toReplace.length !== wanted.size) {
          throw invalid('REPLACE_EXPERT_UNKNOWN', '要替换的专家不在本申请当前的评审专家组中');
        }
        const submitted = toReplace.filter((c) => c.a.status === 'submitted');
        if (submitted.length > 0) {
          throw conflict(
            'REPLACE_EXPERT_SUBMITTED',
            `专家${submitted.map((c) => c.code).join('、')}已提交评审意见，不能替换`,
          );
        }
      } else {
        toReplace = onPanel.filter((c) => c.a.status === 'assigned');
      }
      if (toReplace.length === 0) {
        throw conflict('DRAW_NOTHING_TO_REPLACE', '本申请的评审专家均已提交评审意见，没有可替换的专家');
      }
      count = toReplace.length;
    } else {
      count = input.count ?? policy.drawCount;
    }

    // Freeze the pool: every expert of the city (the domain keeps the eligible ones) and the recusals.
    const candidates = await tx
      .select()
      .from(experts)
      .where(and(eq(experts.cityCode, app.cityCode), eq(experts.active, true)));
    const priorRejectedReviews = await tx
      .select({
        expertCode: experts.code,
        applicationNumber: applications.number,
        reviewedAt: expertReviews.submittedAt,
      })
      .from(expertReviews)
      .innerJoin(applications, eq(applications.id, expertReviews.applicationId))
      .innerJoin(experts, eq(experts.id, expertReviews.expertId))
      .where(
        and(
          eq(applications.organizationId, app.organizationId),
          ne(applications.id, app.id),
          inArray(applications.status, REJECTED_STATES),
        ),
      );
    const replacedCodes = new Set([
      ...current.filter((c) => c.a.status === 'replaced').map((c) => c.code),
      ...toReplace.map((c) => c.code),
    ]);
    const stayCodes = onPanel.filter((c) => !toReplace.includes(c)).map((c) => c.code);
    const pool = candidates.map((e): PoolExpert => ({
      code: e.code,
      cityCode: e.cityCode,
      occupationCodes: e.occupationCodes,
      active: e.active,
      unitCreditCode: e.unitCreditCode,
      conflicts: e.conflicts,
    }));
    const frozen = buildExpertDrawPool(
      pool,
      {
        cityCode: app.cityCode,
        creditCode: org!.creditCode,
        occupationCodes,
        priorRejectedReviews: priorRejectedReviews.map((r) => ({
          expertCode: r.expertCode,
          applicationNumber: r.applicationNumber,
          reviewedAt: r.reviewedAt.toISOString(),
        })),
        assignedExpertCodes: stayCodes,
        replacedExpertCodes: [...replacedCodes],
      },
      { asOf: now.toISOString(), withinDays: policy.recusalDays },
    );

    const seed = opts.seed ?? randomBytes(32).toString('hex');
    const commitment = await commitExpertDraw(frozen.pool, frozen.recusals, seed);
    const params = {
      count,
      cityCode: app.cityCode,
      occupationCodes,
      applicationNumber: app.number,
      recusalDays: policy.recusalDays,
      eligibleCount: frozen.eligible.length,
      replacedExpertCodes: toReplace.map((c) => c.code).sort(),
    };
    // 1. The commitment (seed hash, pool and recusal hashes) is stored before the draw is made.
    const [committed] = await tx
      .insert(draws)
      .values({
        kind: 'expert',
        applicationId: app.id,
        cityCode: app.cityCode,
        algorithmVersion: commitment.algorithmVersion,
        params,
        pool: frozen.pool,
        poolHash: commitment.poolHash,
        recusals: frozen.recusals,
        recusalHash: commitment.recusalHash,
        seedHash: commitment.seedHash,
        status: 'committed',
        reason: input.reason ?? null,
        replacesDrawId: previous?.id ?? null,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    // 2. The draw itself (DRAW_POOL_TOO_SMALL rolls everything back).
    const result = await drawExperts(frozen.pool, count, seed);
    await replaceExpertAssignments(
      tx,
      actor,
      toReplace.map((c) => c.a),
      { reason: input.reason ?? null, cityCode: app.cityCode, now, meta },
    );
    const byCode = new Map(candidates.map((e) => [e.code, e]));
    const assigned = await tx
      .insert(expertAssignments)
      .values(
        result.map((code) => ({
          applicationId: app.id,
          expertId: byCode.get(code)!.id,
          drawId: committed!.id,
          status: 'assigned' as const,
          assignedAt: now,
        })),
      )
      .returning();
    // The draw's own move, through its writer: the version-checked status change, the timeline, the audit.
    const { row: drawn } = await recordMachineTransition(
      tx,
      EXPERT_DRAW_MACHINE,
      draws,
      committed!,
      previous ? 'redraw' : 'draw',
      actor,
      {
        reason: input.reason ?? null,
        now,
        meta,
        set: { seed, result, drawnAt: now },
        cityCode: app.cityCode,
        details: {
          ...(previous
            ? { replacesDrawId: previous.id, replacedExpertCodes: params.replacedExpertCodes }
            : {}),
          applicationId: app.id,
          applicationNumber: app.number,
          algorithmVersion: ALGORITHM_VERSION,
          seedHash: commitment.seedHash,
          poolHash: commitment.poolHash,
          recusalHash: commitment.recusalHash,
          poolSize: frozen.pool.length,
          recusals: frozen.recusals.map((r) => ({ expertCode: r.expertCode, rule: r.rule })),
          count,
          result,
        },
      },
    );
    return {
      draw: presentDraw(drawn),
      experts: assigned.map((a) => {
        const e = candidates.find((c) => c.id === a.expertId)!;
        return {
          assignmentId: a.id,
          expertId: e.id,
          code: e.code,
          name: e.name,
          unit: e.unit,
          status: a.status,
        };
      }),
    };
  });
}

/**
 * The draws of one application in the order they were made: each replacement names the draw it
 * follows, so the chain is followed from the first (timestamps can tie within a test clock).
 */
export function drawChain(rows: DrawRow[]): DrawRow[] {
  const next = new Map<string | null, DrawRow[]>();
  for (const r of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const key = r.replacesDrawId ?? null;
    next.set(key, [...(next.get(key) ?? []), r]);
  }
  const ordered: DrawRow[] = [];
  const queue = [...(next.get(null) ?? [])];
  while (queue.length > 0) {
    const r = queue.shift()!;
    ordered.push(r);
    queue.push(...(next.get(r.id) ?? []));
  }
  // Anything not reachable (a broken link) is still listed, by time.
  return [...ordered, ...rows.filter((r) => !ordered.includes(r))];
}

export function presentDraw(d: DrawRow) {
  return {
    id: d.id,
    kind: d.kind,
    applicationId: d.applicationId,
    cityCode: d.cityCode,
    algorithmVersion: d.algorithmVersion,
    params: (d.params as Record<string, unknown>) ?? {},
    pool: (d.pool as string[]) ?? [],
    poolHash: d.poolHash,
    recusals: (d.recusals as Recusal[]) ?? [],
    recusalHash: d.recusalHash,
    seedHash: d.seedHash,
    seed: d.seed,
    result: (d.result as string[] | null) ?? null,
    status: d.status,
    reason: d.reason,
    replacesDrawId: d.replacesDrawId,
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    drawnAt: d.drawnAt?.toISOString() ?? null,
  };
}

/** The draw records of an application, oldest first, with every assignment (also replaced ones). */
export async function listExpertDraws(db: Executor, actor: Actor, applicationId: string) {
  const app = await getApplication(db, actor, applicationId);
  const [rows, assignments] = await Promise.all([
    db
      .select()
      .from(draws)
      .where(and(eq(draws.applicationId, app.id), eq(draws.kind, 'expert')))
      .orderBy(asc(draws.createdAt), asc(draws.id)),
    db
      .select({ a: expertAssignments, e: experts })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .where(eq(expertAssignments.applicationId, app.id))
      .orderBy(asc(expertAssignments.assignedAt), asc(experts.code)),
  ]);
  return {
    items: drawChain(rows).map(presentDraw),
    assignments: assignments.map(({ a, e }) => ({
      assignmentId: a.id,
      expertId: e.id,
      code: e.code,
      name: e.name,
      unit: e.unit,
      status: a.status,
      drawId: a.drawId,
      assignedAt: a.assignedAt.toISOString(),
      replacedReason: a.replacedReason,
    })),
  };
}

async function visibleDraw(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<{ draw: DrawRow; app: ApplicationRow }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [d] = await db.select().from(draws).where(eq(draws.id, id)).limit(1);
  if (!d || d.kind !== 'expert' || !d.applicationId) throw notFound();
  // The draw is visible exactly when its application is (city bureau: own city; province; audit).
  return { draw: d, app: await getApplication(db, actor, d.applicationId) };
}

/** Recomputes a stored draw with the domain code: hashes of pool, recusals and seed, and the result. */
export async function replayDraw(db: Executor, actor: Actor, id: string) {
  const { draw: d } = await visibleDraw(db, actor, id);
  if (d.status !== 'drawn' || !d.seed) throw conflict('DRAW_NOT_DRAWN', '该抽取尚未完成，无法复现');
  const stored = {
    poolHash: d.poolHash,
    recusalHash: d.recusalHash,
    seedHash: d.seedHash,
    result: (d.result as string[] | null) ?? null,
  };
  const params = (d.params as { count?: number }) ?? {};
  const replay = await replayExpertDraw({
    algorithmVersion: d.algorithmVersion,
    pool: (d.pool as string[]) ?? [],
    recusals: (d.recusals as Recusal[]) ?? [],
    count: params.count ?? stored.result?.length ?? 0,
    seed: d.seed,
    poolHash: d.poolHash,
    recusalHash: d.recusalHash,
    seedHash: d.seedHash,
    result: stored.result ?? [],
  });
  return {
    drawId: d.id,
    algorithmVersion: d.algorithmVersion,
    matches: replay.matches,
    mismatches: replay.mismatches,
    error: replay.error,
    recomputed: replay.recomputed,
    stored,
  };
}
