/** 申报回执: rendered on request from the submitted application (its number, time, scope and materials). */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { conflict, type Actor } from '@skillcert/domain';
import type { RoundPolicyDto } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import {
  applicationMaterials,
  collectionRounds,
  divisions,
  occupations,
  organizations,
  storedFiles,
} from '../../db/schema';
import { renderApplicationReceipt } from '../../documents/application-receipt';
import { getApplication } from './application-queries';
import { scopeItemsOf } from './drafts';

export async function receiptFor(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<{ pdf: Buffer; number: string }> {
  const app = await getApplication(db, actor, id);
  if (!app.number || !app.submittedAt) throw conflict('RECEIPT_NOT_AVAILABLE', '申请尚未提交，暂无回执');
  const [[round], [org], [city], items, materials] = await Promise.all([
    db.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId)),
    db.select().from(organizations).where(eq(organizations.id, app.organizationId)),
    db.select({ name: divisions.name }).from(divisions).where(eq(divisions.code, app.cityCode)),
    scopeItemsOf(db, [app.id]),
    db
      .select({ slotKey: applicationMaterials.slotKey, f: storedFiles })
      .from(applicationMaterials)
      .innerJoin(storedFiles, eq(storedFiles.id, applicationMaterials.fileId))
      .where(and(eq(applicationMaterials.applicationId, app.id), isNull(applicationMaterials.supersededAt))),
  ]);
  const codes = items.map((i) => i.occupationCode);
  const names = codes.length
    ? await db
        .select({ code: occupations.code, name: occupations.name })
        .from(occupations)
        .where(inArray(occupations.code, codes))
    : [];
  const slotLabel = new Map((round!.policy as RoundPolicyDto).materialSlots.map((s) => [s.key, s.label]));
  const pdf = await renderApplicationReceipt({
    applicationNumber: app.number,
    organizationName: org!.name,
    creditCode: org!.creditCode,
    roundTitle: round!.title,
    submittedAt: app.submittedAt,
    cityName: city?.name,
    receivingUnit: city ? `${city.name}职业技能鉴定中心` : undefined,
    scope: items.map((i) => ({
      occupationCode: i.occupationCode,
      occupationName: names.find((n) => n.code === i.occupationCode)?.name ?? i.occupationCode,
      jobName: i.jobName,
      levels: i.levels,
      mode: i.mode,
    })),
    materials: materials.map((m) => ({
      slotLabel: slotLabel.get(m.slotKey) ?? m.slotKey,
      fileName: m.f.originalName,
      sha256: m.f.sha256,
      sizeBytes: m.f.sizeBytes,
    })),
  });
  return { pdf, number: app.number };
}
