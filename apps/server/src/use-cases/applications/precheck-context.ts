/**
 * Gathers, in a few set-based queries, everything the domain's R1–R9 pre-check needs about one
 * application. The decisions themselves are made in packages/domain (runPrecheck).
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { countFiledBodies } from '../filings/filing-queries';
import { parseSkillLevel, validateCreditCode, type PrecheckContext } from '@skillcert/domain';
import type { ApplicationFacts, RoundPolicyDto } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import {
  applicationMaterials,
  applications,
  collectionRounds,
  filings,
  industrialChains,
  occupations,
  organizations,
  skillStandards,
} from '../../db/schema';
import { scopeItemsOf } from './drafts';
import { dishonestyListingsOf } from '../credit-blacklist/blacklist-entries';

type ApplicationRow = typeof applications.$inferSelect;

/** `today` (Asia/Shanghai) is the day the check runs: R1 reads listing periods against it. */
export async function buildPrecheckContext(
  db: Executor,
  app: ApplicationRow,
  today: string,
): Promise<PrecheckContext> {
  // Sequential on purpose: `db` may be a transaction, i.e. one connection that runs one query at a time.
  const [org] = await db.select().from(organizations).where(eq(organizations.id, app.organizationId));
  const [round] = await db.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId));
  const items = await scopeItemsOf(db, [app.id]);
  const chains = await db
    .select({ id: industrialChains.id })
    .from(industrialChains)
    .where(eq(industrialChains.active, true));
  const materialCounts = await db
    .select({ slotKey: applicationMaterials.slotKey, n: count() })
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.applicationId, app.id), isNull(applicationMaterials.supersededAt)))
    .groupBy(applicationMaterials.slotKey);
  const codes = [...new Set(items.map((i) => i.occupationCode))];
  const occupationRows = codes.length
    ? await db.select().from(occupations).where(inArray(occupations.code, codes))
    : [];
  const standardRows = codes.length
    ? await db.select().from(skillStandards).where(inArray(skillStandards.mappedOccupationCode, codes))
    : [];
  // R7: the applicant itself is not part of the market it would serve.
  const counts = await countFiledBodies(db, items, org!.cityCode, org!.creditCode);
  const ownFilings = await db
    .select()
    .from(filings)
    .where(and(eq(filings.creditCode, org!.creditCode), eq(filings.status, 'filed')));
  const facts = app.facts as ApplicationFacts;
  const policy = round!.policy as RoundPolicyDto;
  const standards: Record<string, { title: string; levels: string[] | null }[]> = {};
  for (const s of standardRows) {
    const list = (standards[s.mappedOccupationCode!] ??= []);
    // Levels are stored as their labels (五级/初级工); the rules work on SkillLevel ids.
    list.push({
      title: s.name,
      levels: s.levelsStatus === 'recorded' ? s.levels.map((l) => parseSkillLevel(l) ?? l) : null,
    });
  }
  // R1 社会信用良好: the applicant's own listings only (it never reads the list itself).
  const dishonestyListings = await dishonestyListingsOf(db, org!.creditCode);
  const credit = validateCreditCode(org!.creditCode);
  return {
    today,
    organization: {
      kind: org!.kind as 'enterprise' | 'school' | 'other',
      status: org!.status,
      creditCode: org!.creditCode,
      registrationType: credit.registrationType ?? 'other',
      cityCode: org!.cityCode,
      countyCode: org!.countyCode,
      isAboveScale: facts.isAboveScale ?? org!.isAboveScale,
      dishonestyListings,
    },
    facts: {
      schoolType: facts.schoolType,
      businessScope: facts.businessScope,
      majors: facts.majors,
      hasEvaluationExperience: facts.hasEvaluationExperience,
      mainDutyIsTrainingOrEvaluation: facts.mainDutyIsTrainingOrEvaluation,
      fieldInfluence: facts.fieldInfluence,
      fullTimeStaff: facts.fullTimeStaff,
      experts: facts.experts,
    },
    scopeItems: items.map((i) => ({
      occupationCode: i.occupationCode,
      jobName: i.jobName,
      mode: i.mode as 'enterprise_self' | 'school_self' | 'social',
      levels: i.levels,
      chainIds: i.chainIds,
      localIndustry: i.localIndustry ?? undefined,
      localIndustryJustification: i.localIndustryJustification ?? undefined,
      businessLink: i.businessLink ?? undefined,
      categoryJustification: i.categoryJustification ?? undefined,
      selfEvaluationEvidence: i.selfEvaluationEvidence ?? undefined,
    })),
    occupations: Object.fromEntries(
      occupationRows.map((o) => [
        o.code,
        {
          name: o.name,
          level: o.level as 'occupation',
          majorCategory: o.majorCategory,
          restrictedByQualification: o.restrictedByQualification,
          restrictionReview: o.restrictionReview as 'none' | 'uncertain' | 'confirmed',
        },
      ]),
    ),
    standards,
    activeChainIds: chains.map((c) => c.id),
    filedCounts: counts,
    targetedOccupationCodes: round!.targetedOccupations[org!.cityCode] ?? [],
    ownFilings: ownFilings.map((f) => ({
      occupationCode: f.occupationCode,
      mode: f.mode as 'enterprise_self',
      selfEvaluationCarriedOut: f.selfEvaluationCarriedOut,
    })),
    round: {
      fewThreshold: policy.fewThreshold,
      shortagePolicy: policy.shortagePolicy,
      materialSlots: policy.materialSlots.map((s) => ({
        key: s.key,
        label: s.label,
        required: s.required,
        kinds: s.kinds,
      })),
    },
    materials: Object.fromEntries(materialCounts.map((m) => [m.slotKey, Number(m.n)])),
    legalEntityProofSlotKey: 'legal_entity_proof',
  };
}
