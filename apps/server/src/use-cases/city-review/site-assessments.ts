/**
 * 实地评估 (site assessment) by the city bureau while the application is 已核验: the visit date (a real
 * date, not in the future), who took part, a checklist with one verdict per material slot of the round
 * for the organization's kind (the on-site mirror of R9), the findings, and photos (jpg/png).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  compareDates,
  invalid,
  notFound,
  parseCalendarDate,
  todayInShanghai,
  type Actor,
  type ErrorDetail,
} from '@skillcert/domain';
import {
  SITE_CHECK_VERDICT_LABELS,
  type SiteAssessmentDto,
  type SiteAssessmentRequest,
} from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { siteAssessments, storedFiles } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { UploadedFile, UploadRule } from '../files/uploaded-file';
import { getApplication } from '../applications/application-queries';
import { assertInCityReview, organizationOf, roundOf, slotsForKind } from './review-context';

/** Site photos: pictures only, of a size a phone camera produces. */
export const SITE_PHOTO_RULE: UploadRule = {
  accept: ['jpg', 'png'],
  maxBytes: 15 * 1024 * 1024,
  label: '现场照片',
};
/** Photos per assessment (a [policy]-like limit kept small so the record stays reviewable). */
export const SITE_PHOTOS_MAX = 30;

interface StoredChecklistEntry {
  slotKey: string;
  label: string;
  verdict: 'met' | 'not_met';
  note: string | null;
}

export async function recordSiteAssessment(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  input: SiteAssessmentRequest,
  meta: RequestMeta,
): Promise<SiteAssessmentDto> {
  const now = deps.clock.now();
  const visitDate = parseCalendarDate(input.visitDate);
  if (compareDates(visitDate, todayInShanghai(now)) > 0) {
    throw invalid('VISIT_DATE_IN_FUTURE', '评估日期不能晚于今天', [
      { code: 'VISIT_DATE_IN_FUTURE', message: '评估日期不能晚于今天', field: 'visitDate' },
    ]);
  }
  const id = await deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    assertInCityReview(app, '记录实地评估');
    const [org, round] = await Promise.all([organizationOf(tx, app), roundOf(tx, app)]);
    const checklist = checkChecklist(slotsForKind(round.policy, org.kind), input.checklist);
    const [row] = await tx
      .insert(siteAssessments)
      .values({
        applicationId: app.id,
        visitDate,
        participants: input.participants,
        checklist,
        findings: input.findings,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: siteAssessments.id });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.site_assessment_recorded',
        targetType: 'application',
        targetId: app.id,
        cityCode: app.cityCode,
        after: {
          siteAssessmentId: row!.id,
          visitDate,
          notMet: checklist.filter((c) => c.verdict === 'not_met').map((c) => c.slotKey),
        },
      },
      now,
    );
    return row!.id;
  });
  const all = await listSiteAssessments(deps.db, actor, applicationId);
  return all.find((a) => a.id === id)!;
}

/** Exactly one entry per slot of the round for the organization kind; nothing else. */
function checkChecklist(
  slots: { key: string; label: string }[],
  entries: SiteAssessmentRequest['checklist'],
): StoredChecklistEntry[] {
  const details: ErrorDetail[] = [];
  const byKey = new Map<string, SiteAssessmentRequest['checklist'][number]>();
  entries.forEach((e, i) => {
    if (!slots.some((s) => s.key === e.slotKey))
      details.push({
        code: 'CHECKLIST_SLOT_UNKNOWN',
        message: `"${e.slotKey}"不是本批次的材料项`,
        field: `checklist.${i}.slotKey`,
      });
    else if (byKey.has(e.slotKey))
      details.push({
        code: 'CHECKLIST_SLOT_DUPLICATE',
        message: `材料项"${e.slotKey}"重复`,
        field: `checklist.${i}.slotKey`,
      });
    byKey.set(e.slotKey, e);
  });
  for (const s of slots) {
    if (!byKey.has(s.key))
      details.push({
        code: 'CHECKLIST_SLOT_MISSING',
        message: `缺少"${s.label}"的核查结果`,
        field: 'checklist',
      });
  }
  if (details.length)
    throw invalid('CHECKLIST_INCOMPLETE', '实地核查表须对本批次每个材料项逐项给出结论', details);
  return slots.map((s) => {
    const e = byKey.get(s.key)!;
    return { slotKey: s.key, label: s.label, verdict: e.verdict, note: e.note || null };
  });
}

export async function listSiteAssessments(
  db: Executor,
  actor: Actor,
  applicationId: string,
): Promise<SiteAssessmentDto[]> {
  const app = await getApplication(db, actor, applicationId);
  const rows = await db
    .select()
    .from(siteAssessments)
    .where(eq(siteAssessments.applicationId, app.id))
    .orderBy(asc(siteAssessments.createdAt), asc(siteAssessments.id));
  const fileIds = rows.flatMap((r) => r.photoFileIds);
  const files = fileIds.length
    ? await db
        .select({
          id: storedFiles.id,
          originalName: storedFiles.originalName,
          sizeBytes: storedFiles.sizeBytes,
        })
        .from(storedFiles)
        .where(inArray(storedFiles.id, fileIds))
    : [];
  const fileOf = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.applicationId,
    visitDate: r.visitDate,
    participants: r.participants,
    checklist: (r.checklist as StoredChecklistEntry[]).map((c) => ({
      slotKey: c.slotKey,
      label: c.label,
      verdict: c.verdict,
      verdictLabel: SITE_CHECK_VERDICT_LABELS[c.verdict] ?? c.verdict,
      note: c.note ?? null,
    })),
    findings: r.findings,
    photos: r.photoFileIds.flatMap((id) => {
      const f = fileOf.get(id);
      return f ? [f] : [];
    }),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Checks, before the upload is streamed, that the assessment exists, is visible and still open. */
export async function assertPhotoTarget(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  applicationId: string,
  siteAssessmentId: string,
): Promise<void> {
  const app = await getApplication(deps.db, actor, applicationId);
  assertInCityReview(app, '上传现场照片');
  await siteAssessmentOf(deps.db, app.id, siteAssessmentId);
}

async function siteAssessmentOf(db: Executor, applicationId: string, id: string, forUpdate = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const query = db
    .select()
    .from(siteAssessments)
    .where(and(eq(siteAssessments.id, id), eq(siteAssessments.applicationId, applicationId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export async function attachSitePhoto(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
  siteAssessmentId: string,
  file: UploadedFile,
  meta: RequestMeta,
): Promise<{ id: string; sha256: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, applicationId, { forUpdate: true });
    assertInCityReview(app, '上传现场照片');
    const assessment = await siteAssessmentOf(tx, app.id, siteAssessmentId, true);
    if (assessment.photoFileIds.length >= SITE_PHOTOS_MAX)
      throw invalid('SITE_PHOTOS_TOO_MANY', `每次实地评估最多上传${SITE_PHOTOS_MAX}张照片`);
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
    await tx
      .update(siteAssessments)
      .set({ photoFileIds: sql`array_append(${siteAssessments.photoFileIds}, ${stored!.id}::uuid)` })
      .where(eq(siteAssessments.id, assessment.id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.site_photo_uploaded',
        targetType: 'application',
        targetId: app.id,
        cityCode: app.cityCode,
        after: {
          siteAssessmentId: assessment.id,
          name: file.originalName,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
        },
      },
      now,
    );
    return { id: stored!.id, sha256: file.sha256 };
  });
}

/** A photo of a visible application's site assessment. */
export async function sitePhotoFile(
  db: Executor,
  actor: Actor,
  applicationId: string,
  siteAssessmentId: string,
  fileId: string,
) {
  const app = await getApplication(db, actor, applicationId);
  const assessment = await siteAssessmentOf(db, app.id, siteAssessmentId);
  if (!assessment.photoFileIds.includes(fileId)) throw notFound();
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!file) throw notFound();
  return file;
}
