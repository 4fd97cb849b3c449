/**
 * Demo data for the province's work: two 长沙 schools whose applications went through the whole city
 * review with the real use cases — verification, the expert draw, three expert reviews, the site visit,
 * the opinion (推荐) — and were forwarded together in one 推荐汇总, so they wait in 省级评估.
 */
import { eq } from 'drizzle-orm';
import { REVIEW_DIMENSION_CODES, todayInShanghai } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import {
  applications,
  applicationScopeItems,
  collectionRounds,
  experts,
  organizations,
  users,
} from '../db/schema';
import type { RoundPolicyDto } from '@skillcert/contracts';
import { verifyApplication } from '../use-cases/verification/verify-application';
import { drawExpertsForApplication } from '../use-cases/experts/expert-draws';
import { submitReview } from '../use-cases/experts/expert-reviews';
import { recordSiteAssessment } from '../use-cases/city-review/site-assessments';
import { writeCityOpinion } from '../use-cases/city-review/city-opinion';
import { createRecommendationBatch } from '../use-cases/city-review/recommendation-batches';
import { actorOf, draftWith, meta, submitIfClean } from './demo-helpers';

const SCHOOLS = [
  {
    username: 'jsxy_admin',
    signer: '周敏',
    majors: '焊接技术与自动化、智能焊接技术',
    items: (chainId: number) => [
      {
        occupationCode: '6-18-02-04',
        jobName: '',
        mode: 'school_self' as const,
        levels: ['level5', 'level4', 'level3'],
        chainIds: [chainId],
        businessLink: '学院开设焊接技术与自动化专业，在校生1200余人',
      },
    ],
  },
  {
    username: 'hkxy_admin',
    signer: '吴婷',
    majors: '飞机结构修理、焊接技术与自动化',
    items: (chainId: number) => [
      {
        occupationCode: '6-18-02-04',
        jobName: '',
        mode: 'school_self' as const,
        levels: ['level5', 'level4'],
        chainIds: [chainId],
        businessLink: '学院开设飞机结构修理与焊接专业，在校生600余人',
      },
    ],
  },
];

async function versionOf(deps: AppDeps, id: string): Promise<number> {
  const [row] = await deps.db
    .select({ v: applications.version })
    .from(applications)
    .where(eq(applications.id, id));
  return row!.v;
}

async function slotKeysOf(deps: AppDeps, roundId: string, organizationId: string): Promise<string[]> {
  const [round] = await deps.db.select().from(collectionRounds).where(eq(collectionRounds.id, roundId));
  const [org] = await deps.db.select().from(organizations).where(eq(organizations.id, organizationId));
  return (round!.policy as RoundPolicyDto).materialSlots
    .filter((s) => s.kinds.includes(org!.kind as never))
    .map((s) => s.key);
}

export interface DemoCity {
  center: string;
  bureau: string;
  bureauName: string;
}
const CHANGSHA: DemoCity = { center: 'cs_zx', bureau: 'cs_rsj', bureauName: '长沙市人社局 钱科长' };

export async function throughCityReview(
  deps: AppDeps,
  roundId: string,
  id: string,
  city: DemoCity = CHANGSHA,
): Promise<void> {
  const center = await actorOf(deps, city.center);
  const bureau = await actorOf(deps, city.bureau);
  const [app] = await deps.db.select().from(applications).where(eq(applications.id, id));
  const slots = await slotKeysOf(deps, roundId, app!.organizationId);
  await verifyApplication(
    deps,
    center,
    id,
    {
      outcome: 'pass',
      slotVerdicts: slots.map((slotKey) => ({ slotKey, verdict: 'accepted' as const })),
      version: app!.version,
    },
    meta,
  );
  const drawn = await drawExpertsForApplication(deps, bureau, id, {}, meta);
  const items = await deps.db
    .select({ id: applicationScopeItems.id })
    .from(applicationScopeItems)
    .where(eq(applicationScopeItems.applicationId, id));
  for (const [i, expert] of drawn.experts.entries()) {
    const username = await usernameOfExpert(deps, expert.expertId);
    if (!username) throw new Error(`demo expert ${expert.code} has no account`);
    await submitReview(
      deps,
      await actorOf(deps, username),
      expert.assignmentId,
      {
        scores: Object.fromEntries(
          REVIEW_DIMENSION_CODES.map((c, k) => [c, { score: 80 + ((i + k) % 4) * 4, comment: '' }]),
        ) as never,
        itemRecommendations: items.map((it) => ({ scopeItemId: it.id, recommend: true })),
        overallComment: '场地、设备和师资满足国家职业技能标准要求，同意推荐。',
      },
      meta,
    );
  }
  await recordSiteAssessment(
    deps,
    bureau,
    id,
    {
      visitDate: todayInShanghai(deps.clock.now()),
      participants: `${city.bureauName}；评审专家组`,
      checklist: slots.map((slotKey) => ({ slotKey, verdict: 'met' as const })),
      findings: '理论考场机考条件、实操工位和视频监控均符合要求。',
    },
    meta,
  );
  await writeCityOpinion(
    deps,
    bureau,
    id,
    {
      items: items.map((it) => ({ scopeItemId: it.id, recommend: true })),
      summary: '经专家评审和实地评估，该单位具备开展相应职业技能等级认定的条件，同意推荐。',
      version: await versionOf(deps, id),
    },
    meta,
  );
}

async function usernameOfExpert(deps: AppDeps, expertId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ username: users.username })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(eq(experts.id, expertId));
  return row?.username ?? null;
}

export async function seedDemoForwarded(deps: AppDeps, roundId: string, chainId: number): Promise<void> {
  const ids: string[] = [];
  for (const school of SCHOOLS) {
    const draft = await draftWith(
      deps,
      school.username,
      roundId,
      { schoolType: 'vocational', majors: school.majors, fullTimeStaff: 15, experts: 24 },
      school.items(chainId),
      true,
    );
    await submitIfClean(deps, draft.actor, draft.id, school.signer);
    await throughCityReview(deps, roundId, draft.id);
    ids.push(draft.id);
  }
  await createRecommendationBatch(
    deps,
    await actorOf(deps, 'cs_rsj'),
    { roundId, applicationIds: ids },
    meta,
  );
}
