/** 申请详情: everything the wizard and the detail page show, with the caller's abilities. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  allowedActions,
  APPLICATION_ACTION_LABELS,
  SPOT_CHECK_RESULT_EVENT_LABELS,
  APPLICATION_STATUS_LABELS,
  EVALUATION_MODE_LABELS,
  isTargeted,
  shortageKey,
  shortageVerdict,
  skillLevelLabel,
  isSkillLevel,
  type Actor,
  acceptedFileTypes,
} from '@skillcert/domain';
import { ORGANIZATION_KIND_LABELS, type ApplicationFacts, type RoundPolicyDto } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import {
  applicationEvents,
  applicationMaterials,
  collectionRounds,
  divisions,
  occupations,
  organizations,
  storedFiles,
  verifications,
} from '../../db/schema';
import { getApplication } from './application-queries';
import { scopeItemsOf } from './drafts';
import { countFiledBodies } from '../filings/filing-queries';

const statusLabel = (s: string) =>
  APPLICATION_STATUS_LABELS[s as keyof typeof APPLICATION_STATUS_LABELS] ?? s;

export async function applicationDetail(db: Executor, actor: Actor, id: string) {
  const app = await getApplication(db, actor, id);
  const [[round], [org], [city], items, materials, events] = await Promise.all([
    db.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId)),
    db.select().from(organizations).where(eq(organizations.id, app.organizationId)),
    db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, app.cityCode)),
    scopeItemsOf(db, [app.id]),
    db
      .select({ m: applicationMaterials, f: storedFiles })
      .from(applicationMaterials)
      .innerJoin(storedFiles, eq(storedFiles.id, applicationMaterials.fileId))
      .where(eq(applicationMaterials.applicationId, app.id))
      .orderBy(asc(applicationMaterials.uploadedAt)),
    db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id))
      .orderBy(asc(applicationEvents.id)),
  ]);
  const [lastReturn] = await db
    .select()
    .from(verifications)
    .where(and(eq(verifications.applicationId, app.id), eq(verifications.outcome, 'return')))
    .orderBy(desc(verifications.createdAt))
    .limit(1);
  const targeted = round!.targetedOccupations[app.cityCode] ?? [];
  const codes = [...new Set([...items.map((i) => i.occupationCode), ...targeted])];
  const [names, counts] = await Promise.all([
    codes.length
      ? db
          .select({ code: occupations.code, name: occupations.name })
          .from(occupations)
          .where(inArray(occupations.code, codes))
      : [],
    // R7: the applicant itself is not part of the market it would serve.
    countFiledBodies(db, items, app.cityCode, org!.creditCode),
  ]);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const policy = round!.policy as RoundPolicyDto;
  const actions = allowedActions(app.status as never, actor.role);
  const isOwner = actor.role === 'applicant' && actor.organizationId === app.organizationId;
  return {
    id: app.id,
    number: app.number,
    roundId: app.roundId,
    roundTitle: round!.title,
    organizationId: app.organizationId,
    organizationName: org!.name,
    cityCode: app.cityCode,
    cityName: city?.name ?? null,
    status: app.status,
    statusLabel: statusLabel(app.status),
    scopeCount: items.length,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    updatedAt: app.updatedAt.toISOString(),
    version: app.version,
    organization: {
      kind: org!.kind,
      kindLabel: ORGANIZATION_KIND_LABELS[org!.kind as keyof typeof ORGANIZATION_KIND_LABELS],
      creditCode: org!.creditCode,
      status: org!.status,
      isAboveScale: org!.isAboveScale,
    },
    facts: app.facts as ApplicationFacts,
    /** The round's targeted shortage occupations in the applicant's city (R7, shown in the wizard). */
    targetedOccupations: targeted.map((code) => ({ code, name: nameOf.get(code) ?? null })),
    scopeItems: items.map((i) => {
      const c = counts[shortageKey(i.occupationCode, i.jobName)] ?? { city: 0, province: 0 };
      return {
        id: i.id,
        occupationCode: i.occupationCode,
        occupationName: nameOf.get(i.occupationCode) ?? null,
        jobName: i.jobName,
        mode: i.mode as 'social',
        modeLabel: EVALUATION_MODE_LABELS[i.mode as keyof typeof EVALUATION_MODE_LABELS] ?? i.mode,
        levels: i.levels,
        levelLabels: i.levels.map((l) => (isSkillLevel(l) ? skillLevelLabel(l) : l)),
        chainIds: i.chainIds,
        localIndustry: i.localIndustry ?? undefined,
        localIndustryJustification: i.localIndustryJustification ?? undefined,
        businessLink: i.businessLink ?? undefined,
        categoryJustification: i.categoryJustification ?? undefined,
        selfEvaluationEvidence: i.selfEvaluationEvidence ?? undefined,
        filedInCity: c.city,
        filedInProvince: c.province,
        shortage: shortageVerdict(
          c,
          policy.fewThreshold,
          policy.shortagePolicy,
          isTargeted(targeted, i.occupationCode),
        ),
        verdict: i.verdict,
        verdictReason: i.verdictReason,
      };
    }),
    materials: materials.map(({ m, f }) => ({
      id: m.id,
      slotKey: m.slotKey,
      fileId: f.id,
      originalName: f.originalName,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      mimeType: f.mimeType,
      uploadedAt: m.uploadedAt.toISOString(),
      current: m.supersededAt === null,
    })),
    materialSlots: policy.materialSlots
      .filter((s) => s.kinds.includes(org!.kind as never))
      .map((s) => ({
        key: s.key,
        label: s.label,
        required: s.required,
        accept: acceptedFileTypes(s.accept),
        maxMB: s.maxMB,
      })),
    commitment: (app.commitment as { signerName: string; signedAt: string } | null) ?? null,
    precheck: (app.precheck as never) ?? null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actionLabel:
        e.action === 'create'
          ? '创建草稿'
          : (APPLICATION_ACTION_LABELS[e.action as keyof typeof APPLICATION_ACTION_LABELS] ??
            SPOT_CHECK_RESULT_EVENT_LABELS[e.action] ??
            e.action),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: statusLabel(e.toStatus),
      actorName: e.actorName,
      actorRole: e.actorRole,
      reason: e.reason,
    })),
    returnComments:
      app.status === 'returned' && lastReturn
        ? (lastReturn.slotVerdicts as { slotKey: string; verdict: string; comment?: string }[])
            .filter((v) => v.verdict === 'problem')
            .map((v) => ({ slotKey: v.slotKey, comment: v.comment ?? '' }))
        : [],
    stageDueDate: app.stageDueDate,
    stageDueProvisional: app.stageDueProvisional,
    stageDaysRemaining: app.stageDaysRemaining,
    abilities: {
      verify: actions.includes('pass_verification'),
      sendBack: actions.includes('send_back_to_center'),
      edit: isOwner && ['draft', 'returned'].includes(app.status),
      submit: isOwner && (actions.includes('submit') || actions.includes('resubmit')),
      withdraw: isOwner && actions.includes('withdraw'),
      downloadReceipt: app.number !== null,
    },
  };
}
