/**
 * Shared reads of the city review (市州审核): the stage guard, the round's material slots for the
 * organization's kind (the site checklist mirrors R9), the experts' submitted reviews with their scores,
 * scope items with occupation names, and names of cities.
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import {
  applicationStateLabel,
  conflict,
  EVALUATION_MODE_LABELS,
  isSkillLevel,
  notFound,
  parseSkillLevel,
  skillLevelLabel,
  supervisingUnitName,
  type Actor,
} from '@skillcert/domain';
import { SCORE_DIMENSIONS, type RoundPolicyDto, type ScoreDimension } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import {
  cityOpinions,
  collectionRounds,
  divisions,
  expertAssignments,
  expertReviews,
  experts,
  occupations,
  organizations,
} from '../../db/schema';
import type { ApplicationRow } from '../applications/application-queries';
import { scopeItemsOf } from '../applications/drafts';

/** The city bureau's part of the workflow happens while the application is 已核验. */
export function assertInCityReview(app: ApplicationRow, what: string): void {
  if (app.status !== 'verified') {
    throw conflict(
      'NOT_IN_CITY_REVIEW',
      `当前状态"${applicationStateLabel(app.status)}"不能${what}（仅限"已核验"的申请）`,
    );
  }
}

/** City documents are for the applicant, city staff and province staff; experts are not their readers. */
export function assertDocumentReader(actor: Actor): void {
  if (actor.role === 'expert' || actor.role === 'inspector') throw notFound();
}

export async function organizationOf(db: Executor, app: ApplicationRow) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, app.organizationId));
  return org!;
}

export async function roundOf(db: Executor, app: Pick<ApplicationRow, 'roundId'>) {
  const [round] = await db.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId));
  return round!;
}

/** The round's material slots that apply to this organization kind (R9), in the round's order. */
export function slotsForKind(policy: unknown, kind: string) {
  return (policy as RoundPolicyDto).materialSlots.filter((s) => (s.kinds as string[]).includes(kind));
}

export async function cityName(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, code));
  return row?.name ?? null;
}

export const PROVINCE_BUREAU_NAME = '湖南省人力资源和社会保障厅';
export const PROVINCE_CENTER_NAME = '湖南省职业技能鉴定中心';

/** The recommending bureau; units applying at province level (省直, pseudo-city 430000) are the province's. */
export const cityBureauName = supervisingUnitName;

export interface ScopeItemView {
  id: string;
  occupationCode: string;
  occupationName: string | null;
  jobName: string;
  mode: string;
  modeLabel: string;
  levels: string[];
  levelsLabel: string;
  verdict: string | null;
  verdictReason: string | null;
}

export const levelsText = (levels: readonly string[]): string =>
  levels
    .map((l) => {
      const level = isSkillLevel(l) ? l : parseSkillLevel(l);
      return level ? skillLevelLabel(level) : l;
    })
    .join('、');

export const occupationText = (i: Pick<ScopeItemView, 'occupationCode' | 'occupationName' | 'jobName'>) =>
  `${i.occupationName ?? ''}（${i.occupationCode}）${i.jobName ? `—${i.jobName}` : ''}`;

export async function scopeItemViews(
  db: Executor,
  applicationIds: string[],
): Promise<(ScopeItemView & { applicationId: string })[]> {
  const items = await scopeItemsOf(db, applicationIds);
  const codes = [...new Set(items.map((i) => i.occupationCode))];
  const names = codes.length
    ? await db
        .select({ code: occupations.code, name: occupations.name })
        .from(occupations)
        .where(inArray(occupations.code, codes))
    : [];
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  return items.map((i) => ({
    id: i.id,
    applicationId: i.applicationId,
    occupationCode: i.occupationCode,
    occupationName: nameOf.get(i.occupationCode) ?? null,
    jobName: i.jobName,
    mode: i.mode,
    modeLabel: EVALUATION_MODE_LABELS[i.mode as keyof typeof EVALUATION_MODE_LABELS] ?? i.mode,
    levels: i.levels,
    levelsLabel: levelsText(i.levels),
    verdict: i.verdict,
    verdictReason: i.verdictReason,
  }));
}

// ------------------------------------------------------------------ expert reviews

export interface ExpertScore {
  applicationId: string;
  code: string;
  name: string;
  scores: Record<ScoreDimension, number | null>;
  total: number | null;
  submittedAt: Date;
}

const scoreOf = (raw: unknown, dim: ScoreDimension): number | null => {
  const entry = (raw as Record<string, unknown> | null)?.[dim];
  const value = typeof entry === 'object' && entry !== null ? (entry as { score?: unknown }).score : entry;
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The state of expert review of applications: every assignment that was not replaced, with its
 * submitted review (if any). Experts are identified by 专家编号 and name only (no phone, no unit).
 */
export async function expertReviewState(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return { assignments: [], reviews: [] as ExpertScore[] };
  const rows = await db
    .select({
      applicationId: expertAssignments.applicationId,
      assignmentId: expertAssignments.id,
      code: experts.code,
      name: experts.name,
      review: { scores: expertReviews.scores, submittedAt: expertReviews.submittedAt, id: expertReviews.id },
    })
    .from(expertAssignments)
    .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
    .leftJoin(expertReviews, eq(expertReviews.assignmentId, expertAssignments.id))
    .where(
      and(inArray(expertAssignments.applicationId, applicationIds), ne(expertAssignments.status, 'replaced')),
    )
    .orderBy(experts.code);
  const reviews: ExpertScore[] = rows
    .filter((r) => r.review?.id)
    .map((r) => {
      const scores = Object.fromEntries(
        SCORE_DIMENSIONS.map((d) => [d, scoreOf(r.review!.scores, d)]),
      ) as Record<ScoreDimension, number | null>;
      const given = SCORE_DIMENSIONS.map((d) => scores[d]).filter((s): s is number => s !== null);
      return {
        applicationId: r.applicationId,
        code: r.code,
        name: r.name,
        scores,
        total: given.length ? round1(given.reduce((a, b) => a + b, 0)) : null,
        submittedAt: r.review!.submittedAt!,
      };
    });
  return {
    assignments: rows.map((r) => ({
      applicationId: r.applicationId,
      code: r.code,
      submitted: Boolean(r.review?.id),
    })),
    reviews,
  };
}

/** Mean per dimension and of the totals, one decimal; null where no expert gave a score. */
export function scoreAverages(reviews: ExpertScore[]): Record<ScoreDimension | 'total', number | null> {
  const mean = (values: (number | null)[]) => {
    const given = values.filter((v): v is number => v !== null);
    return given.length ? round1(given.reduce((a, b) => a + b, 0) / given.length) : null;
  };
  return {
    ...(Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, mean(reviews.map((r) => r.scores[d]))])) as Record<
      ScoreDimension,
      number | null
    >),
    total: mean(reviews.map((r) => r.total)),
  };
}

export async function latestOpinion(db: Executor, applicationId: string) {
  const [row] = await db
    .select()
    .from(cityOpinions)
    .where(eq(cityOpinions.applicationId, applicationId))
    .orderBy(desc(cityOpinions.createdAt), desc(cityOpinions.id))
    .limit(1);
  return row ?? null;
}

export interface OpinionItem {
  scopeItemId: string;
  recommend: boolean;
  reason: string | null;
}
