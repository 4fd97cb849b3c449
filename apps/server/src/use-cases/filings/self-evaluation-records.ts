/**
 * 自主评价备案 recorded by the province centre (the province files self-evaluation, 通知第一条第一、二款,
 * so its centre records it): add one by hand, correct it, revoke it — each with its reason in the audit
 * trail, each in one transaction that keeps 评价机构名录 in step. A body filed before this system carries
 * its provincial 6-digit 序列码 on the record: the registry takes it (permanent, docs/domain.md §7) and
 * new codes are allocated above it. A filing created by a confirmation of this collection is never
 * edited here (409).
 */
import { and, eq, ne } from 'drizzle-orm';
import { conflict, notFound, startOfShanghaiDay, todayInShanghai, type Actor } from '@skillcert/domain';
import {
  FILING_MODE_LABELS,
  type FilingRevokeRequest,
  type SelfEvaluationFilingFields,
  type SelfEvaluationFilingUpdate,
} from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { filings, registryBodies, storedFiles } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import type { UploadedFile } from '../files/uploaded-file';
import { lockRegistryBodies, refreshRegistryBodies } from '../registry/registry-sync';
import { assertVersion } from '../version-check';
import { checkSelfEvaluationFiling, type CheckedSelfEvaluationFiling } from './self-evaluation-input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type FilingRow = typeof filings.$inferSelect;

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    if ((e as { code?: string }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const duplicate = () =>
  conflict('FILING_ALREADY_RECORDED', '该单位的同一职业（工种）和评价方式已有备案记录，请在列表中修改该记录');

/** The 序列码 a record carries must be the body's own: not another body's, not a second one for it. */
async function assertSequenceCodeFree(tx: Executor, creditCode: string, code: string | null) {
  if (!code) return;
  const before = (await lockRegistryBodies(tx, [creditCode])).get(creditCode);
  if (before?.sequenceCode && before.sequenceCode !== code) {
    throw conflict(
      'SEQUENCE_CODE_DIFFERENT',
      `该单位在评价机构名录中的序列码为${before.sequenceCode}，序列码终身不变，不能改为${code}`,
    );
  }
  const [takenInRegistry] = await tx
    .select({ name: registryBodies.name })
    .from(registryBodies)
    .where(and(eq(registryBodies.sequenceCode, code), ne(registryBodies.creditCode, creditCode)));
  const [takenByRecord] = await tx
    .select({ name: filings.organizationName })
    .from(filings)
    .where(
      and(eq(filings.sequenceCode, code), ne(filings.creditCode, creditCode), eq(filings.status, 'filed')),
    );
  const other = takenInRegistry ?? takenByRecord;
  if (other) throw conflict('SEQUENCE_CODE_TAKEN', `评价机构序列码${code}已属于${other.name}，请核对`);
}

const noteOf = (r: { documentNumber: string; effectiveDate: string }) =>
  `自主评价备案（省鉴定中心录入）：${r.documentNumber}，备案日期${r.effectiveDate}`;

async function syncRegistry(
  tx: Executor,
  record: CheckedSelfEvaluationFiling,
  now: Date,
  event: (hadBody: boolean) => { event: string; note: string; at: Date },
  alsoCreditCodes: string[] = [],
) {
  await refreshRegistryBodies(tx, [record.creditCode, ...alsoCreditCodes], {
    now,
    facts: new Map([[record.creditCode, { name: record.organizationName, cityCode: record.cityCode }]]),
    sequenceCodes: record.sequenceCode ? new Map([[record.creditCode, record.sequenceCode]]) : undefined,
    eventOf: (change) => (change.creditCode === record.creditCode ? event(!!change.before) : null),
  });
}

export async function recordSelfEvaluationFiling(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: SelfEvaluationFilingFields,
  meta: RequestMeta,
): Promise<{ id: string }> {
  const now = deps.clock.now();
  const record = await checkSelfEvaluationFiling(deps.db, input, todayInShanghai(now));
  try {
    return await deps.db.transaction(async (tx) => {
      await assertSequenceCodeFree(tx, record.creditCode, record.sequenceCode);
      const [existing] = await tx
        .select({ id: filings.id, status: filings.status, source: filings.source, version: filings.version })
        .from(filings)
        .where(
          and(
            eq(filings.creditCode, record.creditCode),
            eq(filings.occupationCode, record.occupationCode),
            eq(filings.jobName, record.jobName),
            eq(filings.mode, record.mode),
          ),
        );
      if (existing && (existing.status === 'filed' || existing.source === 'confirmation')) throw duplicate();
      const values = {
        ...record,
        supervisingCityCode: record.cityCode,
        status: 'filed',
        source: 'manual',
        sourceNote: noteOf(record),
        statusReason: null,
      };
      // A revoked record of the same key is recorded again in its place (its history stays in the trail).
      const [row] = existing
        ? await tx
            .update(filings)
            .set({ ...values, version: existing.version + 1 })
            .where(eq(filings.id, existing.id))
            .returning({ id: filings.id })
        : await tx.insert(filings).values(values).returning({ id: filings.id });
      await syncRegistry(tx, record, now, (hadBody) => ({
        event: hadBody ? 'scope_added' : 'filed',
        note: `${noteOf(record)}，${FILING_MODE_LABELS[record.mode]}`,
        at: hadBody ? now : startOfShanghaiDay(record.effectiveDate),
      }));
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'filing.self_evaluation_recorded',
          targetType: 'filing',
          targetId: row!.id,
          reason: `${record.organizationName} ${record.occupationCode} ${FILING_MODE_LABELS[record.mode]}（${record.documentNumber}）`,
          after: { ...record },
        },
        now,
      );
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** The record for a change: a self-evaluation filing not created by this collection's confirmation. */
async function editableRecord(tx: Executor, id: string): Promise<FilingRow> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.select().from(filings).where(eq(filings.id, id)).for('update');
  if (!row) throw notFound();
  if (row.source === 'confirmation')
    throw conflict(
      'FILING_FROM_CONFIRMATION',
      '该记录由本系统的备案确认产生（第N批名单），不能在自主评价备案中修改',
    );
  if (row.mode === 'social')
    throw conflict('FILING_NOT_SELF_EVALUATION', '该记录是社会评价备案，不是自主评价备案，不能在此修改');
  return row;
}

export async function updateSelfEvaluationFiling(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: SelfEvaluationFilingUpdate,
  meta: RequestMeta,
): Promise<{ id: string }> {
  const now = deps.clock.now();
  const record = await checkSelfEvaluationFiling(deps.db, input, todayInShanghai(now));
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await editableRecord(tx, id);
      assertVersion(before.version, input.version);
      if (before.status !== 'filed') throw conflict('FILING_NOT_IN_FORCE', '该备案记录已撤销，不能修改');
      await assertSequenceCodeFree(tx, record.creditCode, record.sequenceCode);
      await tx
        .update(filings)
        .set({
          ...record,
          supervisingCityCode: record.cityCode,
          source: 'manual',
          sourceNote: noteOf(record),
          statusReason: input.reason,
          version: before.version + 1,
        })
        .where(eq(filings.id, id));
      const moved = before.creditCode !== record.creditCode ? [before.creditCode] : [];
      await syncRegistry(
        tx,
        record,
        now,
        () => ({ event: 'scope_added', note: `更正自主评价备案记录：${input.reason}`, at: now }),
        moved,
      );
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'filing.self_evaluation_updated',
          targetType: 'filing',
          targetId: id,
          reason: input.reason,
          before: { ...before },
          after: { ...record },
        },
        now,
      );
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function revokeSelfEvaluationFiling(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: FilingRevokeRequest,
  meta: RequestMeta,
): Promise<{ id: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await editableRecord(tx, id);
    assertVersion(before.version, input.version);
    if (before.status !== 'filed') throw conflict('FILING_NOT_IN_FORCE', '该备案记录已撤销');
    await lockRegistryBodies(tx, [before.creditCode]);
    await tx
      .update(filings)
      .set({ status: 'revoked', statusReason: input.reason, version: before.version + 1 })
      .where(eq(filings.id, id));
    await refreshRegistryBodies(tx, [before.creditCode], {
      now,
      eventOf: (change) => ({
        event: change.after.itemCount === 0 ? 'revoked' : 'scope_added',
        note: `撤销自主评价备案记录（${before.documentNumber ?? before.sourceNote ?? ''}）：${input.reason}`,
        at: now,
      }),
    });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'filing.self_evaluation_revoked',
        targetType: 'filing',
        targetId: id,
        reason: input.reason,
        before: { status: before.status },
        after: { status: 'revoked' },
      },
      now,
    );
    return { id };
  });
}

/** The evidence file (备案文件) of a record, uploaded before the record is saved. */
export async function storeFilingEvidence(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  file: UploadedFile,
  meta: RequestMeta,
): Promise<{ id: string; name: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
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
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'filing.evidence_uploaded',
        targetType: 'file',
        targetId: stored!.id,
        after: { name: file.originalName, sizeBytes: file.sizeBytes, sha256: file.sha256 },
      },
      now,
    );
    return { id: stored!.id, name: file.originalName };
  });
}

/** A record's evidence file, for the province centre. */
export async function filingEvidenceFile(db: Executor, id: string) {
  if (!UUID.test(id)) throw notFound();
  const [row] = await db
    .select({ file: storedFiles })
    .from(filings)
    .innerJoin(storedFiles, eq(storedFiles.id, filings.evidenceFileId))
    .where(eq(filings.id, id));
  if (!row) throw notFound();
  return row.file;
}
