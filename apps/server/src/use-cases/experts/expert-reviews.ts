/**
 * 专家评审 (通知第五条第二款): an expert sees only their assignments and fills one scoring form per assignment —
 * six dimensions (score 0–100 + comment) and a recommendation per scope item, with a reason when not
 * recommended. Submitting locks it: the assignment moves to submitted through EXPERT_ASSIGNMENT_MACHINE
 * (a second submission is REVIEW_ALREADY_SUBMITTED, 409) and the review row is unique per assignment.
 * City bureau and province read the reviews with averages.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import {
  assertReviewForm,
  conflict,
  dimensionAverages,
  EXPERT_ASSIGNMENT_MACHINE,
  notFound,
  type Actor,
  type ReviewForm,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  expertAssignments,
  expertReviews,
  experts,
  organizations,
} from '../../db/schema';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { getApplication } from '../applications/application-queries';
import { occupationNames } from './expert-pool';

/** The caller's assignments (replaced ones are no longer theirs to see). */
export async function myAssignments(db: Executor, actor: Actor) {
  const rows = await db
    .select({ a: expertAssignments, app: applications, orgName: organizations.name })
    .from(expertAssignments)
    .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
    .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(experts.userId, actor.userId), ne(expertAssignments.status, 'replaced')))
    .orderBy(asc(expertAssignments.assignedAt), asc(applications.number));
  const ids = rows.map((r) => r.a.id);
  const appIds = [...new Set(rows.map((r) => r.app.id))];
  const [items, reviews] = await Promise.all([
    appIds.length
      ? db
          .select({
            applicationId: applicationScopeItems.applicationId,
            code: applicationScopeItems.occupationCode,
          })
          .from(applicationScopeItems)
          .where(inArray(applicationScopeItems.applicationId, appIds))
      : [],
    ids.length ? db.select().from(expertReviews).where(inArray(expertReviews.assignmentId, ids)) : [],
  ]);
  const names = await occupationNames(
    db,
    items.map((i) => i.code),
  );
  const reviewOf = new Map(reviews.map((r) => [r.assignmentId, r]));
  return {
    items: rows.map(({ a, app, orgName }) => ({
      assignmentId: a.id,
      applicationId: app.id,
      applicationNumber: app.number,
      applicationStatus: app.status,
      organizationName: orgName,
      cityCode: app.cityCode,
      occupations: [...new Set(items.filter((i) => i.applicationId === app.id).map((i) => i.code))].map(
        (code) => ({ code, name: names.get(code) ?? null }),
      ),
      status: a.status,
      statusLabel: EXPERT_ASSIGNMENT_MACHINE.stateLabel(a.status),
      /** The expert's buttons: what the assignment machine lets them do now. */
      allowedActions: EXPERT_ASSIGNMENT_MACHINE.allowedActions(a.status, actor, { isAssignedExpert: true }),
      assignedAt: a.assignedAt.toISOString(),
      submittedAt: reviewOf.get(a.id)?.submittedAt.toISOString() ?? null,
      review: reviewOf.has(a.id)
        ? {
            scores: reviewOf.get(a.id)!.scores as Record<string, { score: number; comment: string }>,
            itemRecommendations: reviewOf.get(a.id)!.itemRecommendations as {
              scopeItemId: string;
              recommend: boolean;
              reason?: string;
            }[],
            overallComment: reviewOf.get(a.id)!.overallComment,
          }
        : null,
    })),
  };
}

export interface SubmitReviewInput {
  scores: ReviewForm['scores'];
  itemRecommendations: { scopeItemId: string; recommend: boolean; reason?: string | undefined }[];
  overallComment?: string | undefined;
}

export async function submitReview(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  assignmentId: string,
  input: SubmitReviewInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  if (!/^[0-9a-f-]{36}$/i.test(assignmentId)) throw notFound();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ a: expertAssignments, e: experts })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .where(
        and(
          eq(expertAssignments.id, assignmentId),
          eq(experts.userId, actor.userId),
          ne(expertAssignments.status, 'replaced'),
        ),
      )
      .limit(1)
      .for('update', { of: expertAssignments });
    if (!row) throw notFound();
    const relation = { isAssignedExpert: row.e.userId === actor.userId };
    // The machine refuses a second submission (REVIEW_ALREADY_SUBMITTED) before the form is checked.
    EXPERT_ASSIGNMENT_MACHINE.transition(row.a.status, 'submit', actor, { ctx: relation });
    const app = await getApplication(tx, actor, row.a.applicationId);
    if (app.status !== 'verified') {
      throw conflict('REVIEW_APPLICATION_CLOSED', '该申请已不在专家评审阶段，不能提交评审意见');
    }
    const items = await tx
      .select({ id: applicationScopeItems.id })
      .from(applicationScopeItems)
      .where(eq(applicationScopeItems.applicationId, app.id));
    assertReviewForm(
      input,
      items.map((i) => i.id),
    );
    const itemRecommendations = input.itemRecommendations.map((r) => ({
      scopeItemId: r.scopeItemId,
      recommend: r.recommend,
      reason: r.reason?.trim() || null,
    }));
    const [review] = await tx
      .insert(expertReviews)
      .values({
        assignmentId: row.a.id,
        applicationId: app.id,
        expertId: row.e.id,
        scores: input.scores,
        itemRecommendations,
        overallComment: input.overallComment?.trim() || null,
        submittedAt: now,
      })
      .returning();
    await recordMachineTransition(tx, EXPERT_ASSIGNMENT_MACHINE, expertAssignments, row.a, 'submit', actor, {
      ctx: relation,
      now,
      meta,
      cityCode: app.cityCode,
      details: {
        reviewId: review!.id,
        applicationId: app.id,
        expertCode: row.e.code,
        scores: Object.fromEntries(Object.entries(input.scores).map(([k, v]) => [k, v?.score ?? null])),
        recommended: itemRecommendations.filter((r) => r.recommend).length,
        notRecommended: itemRecommendations.filter((r) => !r.recommend).length,
      },
    });
    return { id: review!.id, assignmentId: row.a.id, status: 'submitted', submittedAt: now.toISOString() };
  });
}

/** Reviews of an application for the city bureau and the province, with the average per dimension. */
export async function listExpertReviews(db: Executor, actor: Actor, applicationId: string) {
  const app = await getApplication(db, actor, applicationId);
  const [rows, assignments] = await Promise.all([
    db
      .select({ r: expertReviews, e: experts })
      .from(expertReviews)
      .innerJoin(experts, eq(experts.id, expertReviews.expertId))
      .where(eq(expertReviews.applicationId, app.id))
      .orderBy(asc(expertReviews.submittedAt), asc(experts.code)),
    db
      .select({ status: expertAssignments.status })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.applicationId, app.id), ne(expertAssignments.status, 'replaced'))),
  ]);
  const items = rows.map(({ r, e }) => ({
    id: r.id,
    assignmentId: r.assignmentId,
    expertId: e.id,
    expertCode: e.code,
    expertName: e.name,
    expertUnit: e.unit,
    scores: r.scores as Record<string, { score: number; comment: string }>,
    itemRecommendations: r.itemRecommendations as {
      scopeItemId: string;
      recommend: boolean;
      reason: string | null;
    }[],
    overallComment: r.overallComment,
    submittedAt: r.submittedAt.toISOString(),
  }));
  return {
    items,
    dimensions: dimensionAverages(items),
    assigned: assignments.length,
    submitted: assignments.filter((a) => a.status === 'submitted').length,
  };
}
