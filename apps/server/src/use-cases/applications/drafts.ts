/**
 * 申报草稿: create one application per organization and round, and save the wizard's steps. Every save
 * carries the version the browser loaded, so two tabs cannot overwrite each other silently.
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { conflict, invalid, notFound, TERMINAL_STATES, type Actor } from '@skillcert/domain';
import type { ApplicationFacts, ScopeItemInput } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import {
  applicationEvents,
  applications,
  applicationScopeItems,
  collectionRounds,
  organizations,
} from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertVersion } from '../version-check';
import { getApplication, type ApplicationRow } from './application-queries';

const EDITABLE = ['draft', 'returned'];

export function assertEditable(app: ApplicationRow): void {
  if (!EDITABLE.includes(app.status)) {
    throw conflict(
      'APPLICATION_NOT_EDITABLE',
      '申请已提交，不能再修改；如需修改请等待退回补正或撤回后重新申报',
    );
  }
}

export async function createApplication(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  roundId: string,
  meta: RequestMeta,
): Promise<{ id: string }> {
  if (!actor.organizationId) throw notFound();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [round] = await tx.select().from(collectionRounds).where(eq(collectionRounds.id, roundId));
    if (!round || round.status === 'draft') throw notFound('ROUND_NOT_FOUND', '征集批次不存在');
    if (round.status !== 'open') throw conflict('ROUND_NOT_OPEN', '该征集批次已截止，不能再新建申请');
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId!));
    if (!org) throw notFound();
    const [existing] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.roundId, roundId),
          eq(applications.organizationId, org.id),
          notInArray(applications.status, [...TERMINAL_STATES]),
        ),
      );
    if (existing)
      throw conflict('APPLICATION_EXISTS', '本单位在该征集批次已有一份未结束的申请，请继续编辑该申请');
    const facts: ApplicationFacts = { isAboveScale: org.isAboveScale, contactName: org.contactName };
    const [created] = await tx
      .insert(applications)
      .values({
        roundId,
        organizationId: org.id,
        cityCode: org.cityCode,
        status: 'draft',
        facts,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: applications.id });
    await tx.insert(applicationEvents).values({
      applicationId: created!.id,
      at: now,
      actorId: actor.userId,
      actorName: actor.displayName,
      actorRole: actor.role,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
    });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.created',
        targetType: 'application',
        targetId: created!.id,
        cityCode: org.cityCode,
        after: { roundId, status: 'draft' },
      },
      now,
    );
    return { id: created!.id };
  });
}

async function lockEditable(tx: Executor, actor: Actor, id: string, version: number) {
  const app = await getApplication(tx, actor, id, { forUpdate: true });
  assertVersion(app.version, version);
  assertEditable(app);
  return app;
}

export async function saveFacts(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  facts: ApplicationFacts,
  version: number,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const app = await lockEditable(tx, actor, id, version);
    await tx
      .update(applications)
      .set({ facts, version: app.version + 1, updatedAt: now })
      .where(eq(applications.id, id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.facts_saved',
        targetType: 'application',
        targetId: id,
        cityCode: app.cityCode,
        before: app.facts,
        after: facts,
      },
      now,
    );
  });
}

const keyOf = (i: { occupationCode: string; jobName?: string | undefined; mode: string }) =>
  `${i.occupationCode}|${i.jobName ?? ''}|${i.mode}`;

export async function saveScopeItems(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  items: ScopeItemInput[],
  version: number,
  meta: RequestMeta,
) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) {
      throw invalid(
        'DUPLICATE_SCOPE_ITEM',
        `第${index + 1}项与前面的申报项重复（同一职业、工种和评价方式只能申报一次）`,
      );
    }
    seen.add(key);
  });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const app = await lockEditable(tx, actor, id, version);
    const before = await tx
      .select()
      .from(applicationScopeItems)
      .where(eq(applicationScopeItems.applicationId, id));
    await tx.delete(applicationScopeItems).where(eq(applicationScopeItems.applicationId, id));
    if (items.length > 0) {
      await tx.insert(applicationScopeItems).values(
        items.map((item, index) => ({
          applicationId: id,
          occupationCode: item.occupationCode,
          jobName: item.jobName ?? '',
          mode: item.mode,
          levels: item.levels,
          chainIds: item.chainIds ?? [],
          localIndustry: item.localIndustry ?? null,
          localIndustryJustification: item.localIndustryJustification ?? null,
          businessLink: item.businessLink ?? null,
          categoryJustification: item.categoryJustification ?? null,
          selfEvaluationEvidence: item.selfEvaluationEvidence ?? null,
          sortOrder: index,
        })),
      );
    }
    await tx
      .update(applications)
      .set({ version: app.version + 1, updatedAt: now })
      .where(eq(applications.id, id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'application.scope_saved',
        targetType: 'application',
        targetId: id,
        cityCode: app.cityCode,
        before: before.map(keyOf),
        after: items.map(keyOf),
      },
      now,
    );
  });
}

export async function scopeItemsOf(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(applicationScopeItems)
    .where(inArray(applicationScopeItems.applicationId, applicationIds))
    .orderBy(applicationScopeItems.sortOrder);
}
