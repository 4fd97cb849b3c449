/**
 * 决定书 for the latest move of an application when it was negative (退回补正, 不予通过, 不予推荐): the reasons
 * come from the timeline event, the verification's per-material comments or the city opinion's items;
 * the route for 复核 names the recommending city's bureau (or the province for province decisions).
 */
import { and, desc, eq } from 'drizzle-orm';
import { conflict, type Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { applicationEvents, verifications } from '../../db/schema';
import { renderDecisionLetter, type DecisionKind } from '../../documents/decision-letter';
import { getApplication } from '../applications/application-queries';
import { provinceRejectionDetails } from '../province-review/province-review';
import { spotCheckFailureDetails } from '../spot-checks/publish-results';
import { noticeRejectionDetails } from '../objections/notice-rejection-details';
import { loadDecisionReviewPeriod } from '../applications/decision-review-period';
import {
  assertDocumentReader,
  cityBureauName,
  cityName,
  latestOpinion,
  occupationText,
  organizationOf,
  PROVINCE_BUREAU_NAME,
  PROVINCE_CENTER_NAME,
  roundOf,
  scopeItemViews,
  slotsForKind,
  type OpinionItem,
} from './review-context';

const NEGATIVE: readonly string[] = ['returned', 'rejected', 'not_recommended'] satisfies DecisionKind[];

const STAGES: Record<string, string> = {
  return_for_correction: '材料核验',
  reject: '材料核验',
  not_recommend: '专家评审、实地评估和书面评估',
  province_reject: '省级评估',
  spot_check_fail: '抽查复核',
  notice_reject: '公示期异议核查',
};

export async function decisionLetterFor(db: Executor, actor: Actor, applicationId: string) {
  assertDocumentReader(actor);
  const app = await getApplication(db, actor, applicationId);
  const [event] = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, app.id))
    .orderBy(desc(applicationEvents.id))
    .limit(1);
  if (!event || !NEGATIVE.includes(event.toStatus) || event.toStatus !== app.status) {
    throw conflict('NO_DECISION_LETTER', '该申请最近一次办理结果不是退回、不予通过或不予推荐，没有决定书');
  }
  const [org, round, city, reviewPeriod] = await Promise.all([
    organizationOf(db, app),
    roundOf(db, app),
    cityName(db, app.cityCode),
    loadDecisionReviewPeriod(db),
  ]);
  const details: string[] = [];

  if (event.action === 'return_for_correction' || event.action === 'reject') {
    const [verification] = await db
      .select()
      .from(verifications)
      .where(
        and(
          eq(verifications.applicationId, app.id),
          eq(verifications.outcome, event.action === 'reject' ? 'reject' : 'return'),
        ),
      )
      .orderBy(desc(verifications.createdAt))
      .limit(1);
    const labels = new Map(slotsForKind(round.policy, org.kind).map((s) => [s.key, s.label]));
    const slots = (verification?.slotVerdicts ?? []) as {
      slotKey: string;
      verdict: string;
      comment?: string | null;
    }[];
    for (const s of slots.filter((x) => x.verdict === 'problem')) {
      details.push(`材料"${labels.get(s.slotKey) ?? s.slotKey}"：${s.comment?.trim() || '不符合要求'}`);
    }
  }
  if (event.action === 'not_recommend') {
    const [opinion, scope] = await Promise.all([latestOpinion(db, app.id), scopeItemViews(db, [app.id])]);
    for (const item of (opinion?.items ?? []) as OpinionItem[]) {
      if (item.recommend) continue;
      const s = scope.find((x) => x.id === item.scopeItemId);
      details.push(`${s ? occupationText(s) : '申报职业（工种）'}：${item.reason ?? '不予推荐'}`);
    }
  }

  if (event.action === 'notice_reject') {
    details.push(...(await noticeRejectionDetails(db, app.id, event.reason)));
  }

  // 省级评估 / 抽查复核 (通知第五条第三款): the refused items with their reasons.
  if (event.action === 'province_reject') details.push(...(await provinceRejectionDetails(db, app.id)));
  if (event.action === 'spot_check_fail') details.push(...(await spotCheckFailureDetails(db, app.id)));

  // A failed spot check is recorded by the inspectors but decided in the province centre's name.
  const byInspectors = event.actorRole === 'inspector';
  const province =
    event.actorRole === 'province_center' || event.actorRole === 'province_bureau' || byInspectors;
  const issuer =
    event.actorRole === 'province_bureau'
      ? PROVINCE_BUREAU_NAME
      : event.actorRole === 'province_center' ||
          byInspectors ||
          (event.actorRole === 'city_center' && app.cityCode === '430000')
        ? PROVINCE_CENTER_NAME
        : event.actorRole === 'city_center'
          ? `${city ?? ''}职业技能鉴定中心`
          : cityBureauName(app.cityCode, city);
  const pdf = await renderDecisionLetter({
    kind: event.toStatus as DecisionKind,
    applicationNumber: app.number ?? '',
    roundTitle: round.title,
    organizationName: org.name,
    creditCode: org.creditCode,
    issuer,
    reviewPeriod: { workingDays: reviewPeriod.workingDays, basis: reviewPeriod.basis },
    reviewBody: province ? PROVINCE_BUREAU_NAME : cityBureauName(app.cityCode, city),
    stage: STAGES[event.action] ?? '审核',
    // A return's reason is its per-material comments joined: they are listed one by one already.
    reason: event.action === 'return_for_correction' && details.length > 0 ? null : event.reason,
    details,
    decidedAt: event.at,
  });
  return { pdf, number: app.number ?? app.id, kind: event.toStatus as DecisionKind };
}
