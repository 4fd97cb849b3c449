/**
 * 备案材料: one upload area per slot of the round (R9). Type and size rules come from the round's slot;
 * the type is decided by content (magic bytes). A removed or replaced file stays viewable as history.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { acceptedFileTypes, conflict, invalid, notFound, type Actor } from '@skillcert/domain';
import type { RoundPolicyDto } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import { applicationMaterials, collectionRounds, organizations, storedFiles } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { UploadedFile, UploadRule } from '../files/uploaded-file';
import { getApplication } from './application-queries';
import { assertEditable } from './drafts';

/** The upload rule of a slot, for the application's round and the organization's kind. */
export async function uploadRuleFor(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  applicationId: string,
  slotKey: string,
): Promise<UploadRule> {
  const app = await getApplication(deps.db, actor, applicationId);
  assertEditable(app);
  const [round] = await deps.db.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId));
  const [org] = await deps.db
    .select({ kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, app.organizationId));
  const slot = (round!.policy as RoundPolicyDto).materialSlots.find((s) => s.key === slotKey);
  if (!slot || !slot.kinds.includes(org!.kind as never)) {
    throw invalid('MATERIAL_SLOT_UNKNOWN', `本批次对贵单位类型没有"${slotKey}"这一材料项`);
  }
  return {
    accept: acceptedFileTypes(slot.accept),
    maxBytes: slot.maxMB * 1024 * 1024,
    label: `材料"${slot.label}"`,
  };
}

export async function attachMaterial(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  slotKey: string,
  file: UploadedFile,
  meta: RequestMeta,
): Promise<{ id: string; sha256: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    assertEditable(app);
    const [stored] = await tx
      .insert(storedFiles)
      .values({
        storageKey: file.key,
        originalName: file.originalName,
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        uploadedBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: storedFiles.id });
    const [material] = await tx
      .insert(applicationMaterials)
      .values({ applicationId, slotKey, fileId: stored!.id, uploadedBy: actor.userId, uploadedAt: now })
      .returning({ id: applicationMaterials.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.material_uploaded',
        targetType: 'application',
        targetId: applicationId,
        cityCode: app.cityCode,
        after: { slotKey, name: file.originalName, sizeBytes: file.sizeBytes, sha256: file.sha256 },
      },
      now,
    );
    return { id: material!.id, sha256: file.sha256 };
  });
}

export async function removeMaterial(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  materialId: string,
  meta: RequestMeta,
) {
  if (!/^[0-9a-f-]{36}$/i.test(materialId)) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    assertEditable(app);
    const [material] = await tx
      .update(applicationMaterials)
      .set({ supersededAt: now })
      .where(
        and(
          eq(applicationMaterials.id, materialId),
          eq(applicationMaterials.applicationId, applicationId),
          isNull(applicationMaterials.supersededAt),
        ),
      )
      .returning();
    if (!material) throw conflict('MATERIAL_NOT_CURRENT', '该材料已被移除或不存在');
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.material_removed',
        targetType: 'application',
        targetId: applicationId,
        cityCode: app.cityCode,
        before: { slotKey: material.slotKey, fileId: material.fileId },
      },
      now,
    );
  });
}

/** A material file of an application in the caller's scope (earlier versions included). */
export async function materialFile(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  applicationId: string,
  materialId: string,
) {
  if (!/^[0-9a-f-]{36}$/i.test(materialId)) throw notFound();
  await getApplication(deps.db, actor, applicationId);
  const [row] = await deps.db
    .select({ file: storedFiles })
    .from(applicationMaterials)
    .innerJoin(storedFiles, eq(storedFiles.id, applicationMaterials.fileId))
    .where(
      and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, applicationId)),
    );
  if (!row) throw notFound();
  return row.file;
}
