/**
 * 省级评估 (通知第五条第三款; docs/domain.md §4): the province centre evaluates each forwarded application
 * (省级评估中) and records one outcome with a verdict per scope item still in the running — pass →
 * 待抽查 (refused items `rejected` with their reason; every item refused = 不予通过), return to the city
 * (→ 已核验, reason), or reject (→ 不予通过, reason, decision letter). One transaction, version-checked;
 * the review row is kept as history (a returned application may come back and be reviewed again).
 */
import { asc, desc, eq } from 'drizzle-orm';
import {
  applicationStateLabel,
  conflict,
  notFound,
  planProvinceReview,
  PROVINCE_REVIEW_DECISION_LABELS,
  type Actor,
  type ProvinceReviewDecision,
} from '@skillcert/domain';
import type { ProvinceReviewDto, ProvinceReviewRequest } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { provinceReviews } from '../../db/schema';
import { getApplication } from '../applications/application-queries';
import { recordTransition } from '../applications/record-transition';
import { assertVersion } from '../version-check';
import { occupationText, scopeItemViews } from '../city-review/review-context';
import { notifyOrganization } from '../messages/messages';
import { activeScopeItemIds, rejectScopeItems } from './scope-verdicts';

interface StoredItemVerdict {
  scopeItemId: string;
  verdict: 'pass' | 'reject';
  reason: string | null;
}

export async function recordProvinceReview(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  input: ProvinceReviewRequest,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const reviewId = await deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    assertVersion(app.version, input.version);
    if (app.status !== 'province_review') {
      throw conflict(
        'NOT_IN_PROVINCE_REVIEW',
        `当前状态"${applicationStateLabel(app.status)}"不能进行省级评估（仅限"省级评估中"的申请）`,
      );
    }
    const plan = planProvinceReview({
      decision: input.decision,
      activeItemIds: await activeScopeItemIds(tx, app.id),
      items: input.items,
      reason: input.reason,
    });
    const [review] = await tx
      .insert(provinceReviews)
      .values({
        applicationId: app.id,
        outcome: plan.outcome,
        reason: plan.reason,
        itemVerdicts: plan.items,
        reviewerId: actor.userId,
        reviewerName: actor.displayName,
        createdAt: now,
      })
      .returning({ id: provinceReviews.id });
    // Row updates first; recordTransition appends the audit entry last.
    await rejectScopeItems(
      tx,
      plan.items.filter((i) => i.verdict === 'reject'),
    );
    const refused = plan.items.filter((i) => i.verdict === 'reject').length;
    await notifyOrganization(tx, app.organizationId, {
      title:
        plan.outcome === 'pass'
          ? '省级评估通过'
          : plan.outcome === 'return'
            ? '申请已退回市州重新评审'
            : '省级评估不予通过',
      body:
        plan.outcome === 'pass'
          ? `您单位的备案申请 ${app.number ?? ''} 已通过省级评估，进入抽查复核环节${refused ? `（其中${refused}个申报职业（工种）未通过，理由见申请详情）` : ''}。`
          : plan.outcome === 'return'
            ? `您单位的备案申请 ${app.number ?? ''} 已由省职业技能鉴定中心退回市州人社局重新评审：${plan.reason ?? ''}`
            : `您单位的备案申请 ${app.number ?? ''} 省级评估不予通过，可在申请详情下载决定书。`,
      link: `/applications/${app.id}`,
      now,
    });
    await recordTransition(tx, app, plan.action, actor, {
      reason: plan.reason ?? undefined,
      now,
      meta,
      audit: {
        provinceReviewId: review!.id,
        decision: input.decision,
        outcome: plan.outcome,
        passedItems: plan.items.filter((i) => i.verdict === 'pass').length,
        rejectedItems: plan.items.filter((i) => i.verdict === 'reject').length,
      },
    });
    return review!.id;
  });
  const { items } = await listProvinceReviews(deps.db, actor, applicationId);
  const app = await getApplication(deps.db, actor, applicationId);
  return {
    review: items.find((r) => r.id === reviewId)!,
    status: app.status,
    statusLabel: applicationStateLabel(app.status),
    version: app.version,
  };
}

/** The province reviews of an application, newest first (applicant, city and province staff). */
export async function listProvinceReviews(
  db: Executor,
  actor: Actor,
  applicationId: string,
): Promise<{ items: ProvinceReviewDto[] }> {
  if (actor.role === 'expert' || actor.role === 'inspector') throw notFound();
  const app = await getApplication(db, actor, applicationId);
  const [rows, scope] = await Promise.all([
    db
      .select()
      .from(provinceReviews)
      .where(eq(provinceReviews.applicationId, app.id))
      .orderBy(desc(provinceReviews.createdAt), asc(provinceReviews.id)),
    scopeItemViews(db, [app.id]),
  ]);
  const staff = actor.role !== 'applicant';
  return {
    items: rows.map((r) => ({
      id: r.id,
      applicationId: r.applicationId,
      outcome: r.outcome as ProvinceReviewDecision,
      outcomeLabel: PROVINCE_REVIEW_DECISION_LABELS[r.outcome as ProvinceReviewDecision] ?? r.outcome,
      reason: r.reason,
      items: ((r.itemVerdicts as StoredItemVerdict[]) ?? []).map((v) => {
        const s = scope.find((x) => x.id === v.scopeItemId);
        return {
          scopeItemId: v.scopeItemId,
          occupationCode: s?.occupationCode ?? null,
          occupationName: s?.occupationName ?? null,
          jobName: s?.jobName ?? null,
          verdict: v.verdict,
          verdictLabel: v.verdict === 'pass' ? '通过' : '不通过',
          reason: v.reason,
        };
      }),
      reviewerName: staff ? r.reviewerName : null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/**
 * The per-item reasons of the latest province review that refused items, for the decision letter of a
 * province rejection (决定书).
 */
export async function provinceRejectionDetails(db: Executor, applicationId: string): Promise<string[]> {
  const [review] = await db
    .select()
    .from(provinceReviews)
    .where(eq(provinceReviews.applicationId, applicationId))
    .orderBy(desc(provinceReviews.createdAt), desc(provinceReviews.id))
    .limit(1);
  if (!review || review.outcome !== 'reject') return [];
  const scope = await scopeItemViews(db, [applicationId]);
  return ((review.itemVerdicts as StoredItemVerdict[]) ?? [])
    .filter((v) => v.verdict === 'reject')
    .map((v) => {
      const s = scope.find((x) => x.id === v.scopeItemId);
      return `${s ? occupationText(s) : '申报职业（工种）'}：${v.reason ?? '省级评估不予通过'}`;
    });
}
