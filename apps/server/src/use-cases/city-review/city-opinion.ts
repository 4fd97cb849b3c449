/**
 * 书面评估意见 (city opinion): written by the city bureau once every expert drawn for the application
 * (and not replaced) has submitted a review and the site has been assessed. One transaction: the opinion,
 * each scope item's verdict, and the move — any item recommended → 推荐 (and the recommending city becomes
 * the supervisor: 谁推荐、谁监管, docs/domain.md §2), none → 不予推荐 with the summary as the reason.
 */
import { count, eq } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  conflict,
  invalid,
  type Actor,
  type ErrorDetail,
} from '@skillcert/domain';
import type { CityOpinionDto, CityOpinionRequest } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { applicationScopeItems, cityOpinions, siteAssessments } from '../../db/schema';
import { getApplication } from '../applications/application-queries';
import { recordTransition } from '../applications/record-transition';
import { assertVersion } from '../version-check';
import { renderCityOpinion } from '../../documents/city-opinion';
import {
  assertDocumentReader,
  assertInCityReview,
  cityBureauName,
  cityName,
  expertReviewState,
  latestOpinion,
  organizationOf,
  roundOf,
  scopeItemViews,
  scoreAverages,
  type OpinionItem,
} from './review-context';
import { listSiteAssessments } from './site-assessments';

const CONCLUSION_LABELS = { recommend: '推荐', not_recommend: '不予推荐' } as const;

export async function writeCityOpinion(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  input: CityOpinionRequest,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    if (input.version !== undefined) assertVersion(app.version, input.version);
    assertInCityReview(app, '出具书面评估意见');

    const { assignments } = await expertReviewState(tx, [app.id]);
    const pending = assignments.filter((a) => !a.submitted);
    if (assignments.length === 0 || pending.length > 0) {
      throw conflict(
        'EXPERT_REVIEWS_INCOMPLETE',
        assignments.length === 0
          ? '尚未抽取评审专家，不能出具书面评估意见'
          : `还有${pending.length}位专家（${pending.map((p) => p.code).join('、')}）未提交评审意见`,
      );
    }
    const [sites] = await tx
      .select({ n: count() })
      .from(siteAssessments)
      .where(eq(siteAssessments.applicationId, app.id));
    if (Number(sites?.n ?? 0) === 0)
      throw conflict('SITE_ASSESSMENT_MISSING', '尚未记录实地评估，不能出具书面评估意见');

    const items = checkItems(
      (
        await tx
          .select({ id: applicationScopeItems.id })
          .from(applicationScopeItems)
          .where(eq(applicationScopeItems.applicationId, app.id))
      ).map((r) => r.id),
      input.items,
    );
    const recommended = items.some((i) => i.recommend);
    const conclusion = recommended ? 'recommend' : 'not_recommend';
    const [opinion] = await tx
      .insert(cityOpinions)
      .values({
        applicationId: app.id,
        conclusion,
        items,
        summary: input.summary,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: now,
      })
      .returning({ id: cityOpinions.id });
    for (const item of items) {
      await tx
        .update(applicationScopeItems)
        .set({ verdict: item.recommend ? 'recommended' : 'not_recommended', verdictReason: item.reason })
        .where(eq(applicationScopeItems.id, item.scopeItemId));
    }
    // The summary is the opinion's reason either way, so the trail says why it recommended too.
    await recordTransition(tx, app, recommended ? 'recommend' : 'not_recommend', actor, {
      reason: input.summary,
      now,
      meta,
      set: recommended ? { supervisingCityCode: app.cityCode } : {},
      audit: {
        cityOpinionId: opinion!.id,
        recommendedItems: items.filter((i) => i.recommend).length,
        notRecommendedItems: items.filter((i) => !i.recommend).length,
        ...(recommended ? { supervisingCityCode: app.cityCode } : {}),
      },
    });
  });
  return cityOpinionView(deps.db, actor, applicationId);
}

/** One decision per scope item of the application, each exactly once. */
function checkItems(scopeItemIds: string[], items: CityOpinionRequest['items']): OpinionItem[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!scopeItemIds.includes(item.scopeItemId))
      details.push({
        code: 'SCOPE_ITEM_UNKNOWN',
        message: '该条目不属于本申请的申报范围',
        field: `items.${i}.scopeItemId`,
      });
    else if (seen.has(item.scopeItemId))
      details.push({
        code: 'SCOPE_ITEM_DUPLICATE',
        message: '同一申报条目只能给出一次意见',
        field: `items.${i}.scopeItemId`,
      });
    seen.add(item.scopeItemId);
  });
  const missing = scopeItemIds.filter((id) => !seen.has(id)).length;
  if (missing > 0)
    details.push({
      code: 'SCOPE_ITEM_MISSING',
      message: `还有${missing}个申报职业（工种）未给出意见`,
      field: 'items',
    });
  if (details.length)
    throw invalid('OPINION_ITEMS_INVALID', '须对本申请每个申报职业（工种）逐项给出推荐意见', details);
  return items.map((i) => ({ scopeItemId: i.scopeItemId, recommend: i.recommend, reason: i.reason || null }));
}

/** Everything the opinion shows, for the JSON view and the PDF alike. */
async function opinionData(db: Executor, actor: Actor, applicationId: string) {
  assertDocumentReader(actor);
  const app = await getApplication(db, actor, applicationId);
  const opinion = await latestOpinion(db, app.id);
  if (!opinion) throw conflict('NO_OPINION', '该申请尚未出具书面评估意见');
  const [org, round, city, scope, experts, sites] = await Promise.all([
    organizationOf(db, app),
    roundOf(db, app),
    cityName(db, app.cityCode),
    scopeItemViews(db, [app.id]),
    expertReviewState(db, [app.id]),
    listSiteAssessments(db, actor, app.id),
  ]);
  // Only reviews submitted by the time the opinion was written are part of it.
  const reviews = experts.reviews.filter((r) => r.submittedAt <= opinion.createdAt);
  const decided = opinion.items as OpinionItem[];
  const items = scope.map((s) => {
    const d = decided.find((x) => x.scopeItemId === s.id);
    return { scope: s, recommend: d?.recommend ?? false, reason: d?.reason ?? null };
  });
  return { app, opinion, org, round, city, items, reviews, averages: scoreAverages(reviews), sites };
}

export async function cityOpinionView(db: Executor, actor: Actor, applicationId: string) {
  const d = await opinionData(db, actor, applicationId);
  const conclusion = d.opinion.conclusion as keyof typeof CONCLUSION_LABELS;
  const opinion: CityOpinionDto = {
    id: d.opinion.id,
    applicationId: d.app.id,
    conclusion,
    conclusionLabel: CONCLUSION_LABELS[conclusion] ?? conclusion,
    items: d.items.map((i) => ({
      scopeItemId: i.scope.id,
      occupationCode: i.scope.occupationCode,
      occupationName: i.scope.occupationName,
      jobName: i.scope.jobName,
      recommend: i.recommend,
      reason: i.reason,
    })),
    summary: d.opinion.summary,
    experts: d.reviews.map((r) => ({
      code: r.code,
      name: r.name,
      scores: r.scores,
      total: r.total,
      submittedAt: r.submittedAt.toISOString(),
    })),
    averages: d.averages,
    createdAt: d.opinion.createdAt.toISOString(),
    pdfUrl: `/api/applications/${d.app.id}/opinion.pdf`,
  };
  return {
    opinion,
    status: d.app.status,
    statusLabel:
      APPLICATION_STATUS_LABELS[d.app.status as keyof typeof APPLICATION_STATUS_LABELS] ?? d.app.status,
    supervisingCityCode: d.app.supervisingCityCode,
  };
}

export async function cityOpinionPdf(db: Executor, actor: Actor, applicationId: string) {
  const d = await opinionData(db, actor, applicationId);
  const pdf = await renderCityOpinion({
    applicationNumber: d.app.number ?? '',
    roundTitle: d.round.title,
    organizationName: d.org.name,
    creditCode: d.org.creditCode,
    cityName: d.city,
    issuer: cityBureauName(d.app.cityCode, d.city),
    items: d.items.map((i) => ({
      occupationCode: i.scope.occupationCode,
      occupationName: i.scope.occupationName,
      jobName: i.scope.jobName,
      levels: i.scope.levelsLabel,
      mode: i.scope.modeLabel,
      recommend: i.recommend,
      reason: i.reason,
    })),
    experts: d.reviews.map((r) => ({ code: r.code, name: r.name, scores: r.scores, total: r.total })),
    averages: d.averages,
    sites: d.sites.map((s) => ({
      visitDate: s.visitDate,
      checklist: s.checklist.map((c) => ({ label: c.label, verdictLabel: c.verdictLabel, note: c.note })),
      findings: s.findings,
    })),
    conclusion: d.opinion.conclusion as 'recommend' | 'not_recommend',
    summary: d.opinion.summary,
    issuedAt: d.opinion.createdAt,
  });
  return { pdf, number: d.app.number ?? d.app.id };
}
