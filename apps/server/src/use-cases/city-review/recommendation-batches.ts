/**
 * 推荐汇总 (recommendation batch): the city bureau forwards its recommended applications of a round to the
 * province together. One transaction: every application is locked (in id order, so two batches cannot
 * deadlock), must be this city's, of that round and 已推荐; the batch number comes from a gapless counter
 * per city and year (TJ2026-430200-01); each application moves to 省级评估中.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  DomainError,
  invalid,
  notFound,
  todayInShanghai,
  type Actor,
} from '@skillcert/domain';
import type { RecommendationBatchDetail, RecommendationBatchRequest } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import {
  applications,
  cityOpinions,
  collectionRounds,
  divisions,
  organizations,
  recommendationBatches,
} from '../../db/schema';
import { scopeCondition } from '../../db/scope';
import { appendAudit } from '../../audit/audit-writer';
import { nextCounterValue } from '../counters';
import { applicationScope } from '../applications/application-queries';
import { recordTransition } from '../applications/record-transition';
import {
  renderRecommendationSummaryPdf,
  renderRecommendationSummaryXlsx,
  type RecommendationSummaryData,
} from '../../documents/recommendation-summary';
import {
  cityBureauName,
  expertReviewState,
  occupationText,
  scopeItemViews,
  scoreAverages,
  type OpinionItem,
} from './review-context';

export async function createRecommendationBatch(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: RecommendationBatchRequest,
  meta: RequestMeta,
): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  const cityCode = actor.cityCode;
  if (!cityCode) throw notFound();
  return deps.db.transaction(async (tx) => {
    const [round] = await tx
      .select({ id: collectionRounds.id })
      .from(collectionRounds)
      .where(eq(collectionRounds.id, input.roundId));
    if (!round) throw invalid('ROUND_UNKNOWN', '征集批次不存在');
    const apps = await tx
      .select()
      .from(applications)
      .where(and(await applicationScope(tx, actor), inArray(applications.id, input.applicationIds)))
      .orderBy(asc(applications.id))
      .for('update');
    const missing = input.applicationIds.filter((id) => !apps.some((a) => a.id === id));
    if (missing.length > 0) {
      throw invalid(
        'BATCH_APPLICATIONS_UNKNOWN',
        `有${missing.length}个申请不存在或不属于本市州`,
        missing.map((id) => ({
          code: 'APPLICATION_NOT_FOUND',
          message: `申请 ${id} 不存在或不属于本市州`,
          field: 'applicationIds',
        })),
      );
    }
    const offending = apps.filter((a) => a.roundId !== input.roundId || a.status !== 'recommended');
    if (offending.length > 0) {
      const details = offending.map((a) => ({
        code: a.roundId !== input.roundId ? 'APPLICATION_OTHER_ROUND' : 'APPLICATION_NOT_RECOMMENDED',
        message:
          a.roundId !== input.roundId
            ? `${a.number ?? a.id} 不属于所选征集批次`
            : `${a.number ?? a.id} 当前状态为"${APPLICATION_STATUS_LABELS[a.status as keyof typeof APPLICATION_STATUS_LABELS] ?? a.status}"，不是"已推荐"`,
        field: 'applicationIds',
      }));
      throw new DomainError(
        'conflict',
        'BATCH_APPLICATIONS_NOT_READY',
        `以下申请不能汇总报送：${offending.map((a) => a.number ?? a.id).join('、')}`,
        details,
      );
    }
    const year = todayInShanghai(now).slice(0, 4);
    const seq = await nextCounterValue(tx, `recommendation_batch:${cityCode}:${year}`);
    const number = `TJ${year}-${cityCode}-${String(seq).padStart(2, '0')}`;
    const [batch] = await tx
      .insert(recommendationBatches)
      .values({
        number,
        cityCode,
        roundId: input.roundId,
        // In the order the bureau listed them: the summary table keeps it.
        applicationIds: input.applicationIds,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: recommendationBatches.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'recommendation_batch.created',
        targetType: 'recommendation_batch',
        targetId: batch!.id,
        cityCode,
        after: { number, roundId: input.roundId, applications: apps.map((a) => a.number) },
      },
      now,
    );
    for (const app of apps) {
      await recordTransition(tx, app, 'forward_to_province', actor, {
        now,
        meta,
        audit: { recommendationBatchId: batch!.id, recommendationBatchNumber: number },
      });
    }
    return { id: batch!.id, number };
  });
}

const batchScope = (actor: Actor) => scopeCondition(actor, { cityCode: recommendationBatches.cityCode });

const summaryColumns = {
  batch: recommendationBatches,
  roundTitle: collectionRounds.title,
  cityName: divisions.name,
};

const summaryOf = (r: {
  batch: typeof recommendationBatches.$inferSelect;
  roundTitle: string;
  cityName: string | null;
}) => ({
  id: r.batch.id,
  number: r.batch.number,
  cityCode: r.batch.cityCode,
  cityName: r.cityName,
  roundId: r.batch.roundId,
  roundTitle: r.roundTitle,
  applicationCount: r.batch.applicationIds.length,
  createdAt: r.batch.createdAt.toISOString(),
});

export async function listRecommendationBatches(db: Executor, actor: Actor, roundId?: string) {
  const rows = await db
    .select(summaryColumns)
    .from(recommendationBatches)
    .innerJoin(collectionRounds, eq(collectionRounds.id, recommendationBatches.roundId))
    .leftJoin(divisions, eq(divisions.code, recommendationBatches.cityCode))
    .where(and(batchScope(actor), roundId ? eq(recommendationBatches.roundId, roundId) : undefined))
    .orderBy(desc(recommendationBatches.createdAt), desc(recommendationBatches.number));
  return { items: rows.map(summaryOf) };
}

export async function recommendationBatchDetail(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<RecommendationBatchDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [row] = await db
    .select(summaryColumns)
    .from(recommendationBatches)
    .innerJoin(collectionRounds, eq(collectionRounds.id, recommendationBatches.roundId))
    .leftJoin(divisions, eq(divisions.code, recommendationBatches.cityCode))
    .where(and(batchScope(actor), eq(recommendationBatches.id, id)));
  if (!row) throw notFound();
  const ids = row.batch.applicationIds;
  const [apps, items, experts, opinions] = await Promise.all([
    db
      .select({ app: applications, orgName: organizations.name, creditCode: organizations.creditCode })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(inArray(applications.id, ids)),
    scopeItemViews(db, ids),
    expertReviewState(db, ids),
    db
      .select()
      .from(cityOpinions)
      .where(inArray(cityOpinions.applicationId, ids))
      .orderBy(asc(cityOpinions.createdAt), asc(cityOpinions.id)),
  ]);
  // The latest opinion of each application (later ones overwrite earlier ones in this map).
  const opinionOf = new Map(opinions.map((o) => [o.applicationId, o]));
  const rows = ids.flatMap((appId) => {
    const a = apps.find((x) => x.app.id === appId);
    if (!a) return [];
    const opinionItems = (opinionOf.get(appId)?.items ?? []) as OpinionItem[];
    const opinionAt = opinionOf.get(appId)?.createdAt;
    const reviews = experts.reviews.filter(
      (r) => r.applicationId === appId && (!opinionAt || r.submittedAt <= opinionAt),
    );
    const average = scoreAverages(reviews).total;
    return items
      .filter((i) => i.applicationId === appId)
      .map((i) => {
        const decided = opinionItems.find((o) => o.scopeItemId === i.id);
        const recommend = decided ? decided.recommend : i.verdict === 'recommended';
        const reason = decided ? decided.reason : i.verdictReason;
        return {
          applicationId: appId,
          applicationNumber: a.app.number ?? '',
          organizationName: a.orgName,
          creditCode: a.creditCode,
          occupation: occupationText(i),
          levels: i.levelsLabel,
          mode: i.modeLabel,
          expertAverage: average,
          recommendation: recommend ? '推荐' : `不予推荐${reason ? `（${reason}）` : ''}`,
          status: a.app.status,
          statusLabel:
            APPLICATION_STATUS_LABELS[a.app.status as keyof typeof APPLICATION_STATUS_LABELS] ?? a.app.status,
        };
      });
  });
  return {
    ...summaryOf(row),
    rows,
    xlsxUrl: `/api/recommendation-batches/${id}/summary.xlsx`,
    pdfUrl: `/api/recommendation-batches/${id}/summary.pdf`,
  };
}

/** The 推荐汇总表 of a visible batch, as PDF or .xlsx. */
export async function recommendationSummaryFile(
  db: Executor,
  actor: Actor,
  id: string,
  format: 'pdf' | 'xlsx',
) {
  const detail = await recommendationBatchDetail(db, actor, id);
  const data: RecommendationSummaryData = {
    batchNumber: detail.number,
    roundTitle: detail.roundTitle,
    cityName: detail.cityName,
    issuer: cityBureauName(detail.cityCode, detail.cityName),
    createdAt: new Date(detail.createdAt),
    rows: detail.rows,
  };
  const file =
    format === 'pdf'
      ? await renderRecommendationSummaryPdf(data)
      : await renderRecommendationSummaryXlsx(data);
  return { file, number: detail.number };
}
