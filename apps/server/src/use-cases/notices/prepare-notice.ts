/**
 * 拟定公示 (province centre, 通知第五条第四款): a draft notice from 已通过 (cleared) applications. The number
 * GS{year}-{NN} comes from a gapless counter inside the transaction; one public row per continuing scope
 * item is snapshotted (organization, credit code, city, occupation / 工种 with its dictionary name, levels,
 * mode — no personal data). While a draft, applications can be added and removed (version-checked). The
 * notice's length is [policy] (system parameter `notice_policy.workingDays`, default 5), never < 5 (R10).
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  APPLICATION_STATUS_LABELS,
  assertNoticeDraft,
  assertNoticeWorkingDays,
  DomainError,
  invalid,
  MIN_NOTICE_WORKING_DAYS,
  todayInShanghai,
  type Actor,
  type ErrorDetail,
} from '@skillcert/domain';
import type { NoticePrepareRequest, NoticeUpdateRequest } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  collectionRounds,
  occupations,
  organizations,
  publicNoticeItems,
  publicNotices,
  systemParameters,
} from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { nextCounterValue } from '../counters';
import { assertVersion } from '../version-check';
import { continuingItem } from './notice-queries';
import { loadNotice } from './notice-presenter';

export const NOTICE_POLICY_KEY = 'notice_policy';

/** [policy] default length of a notice in working days (never below R10's 5). */
export async function defaultNoticeWorkingDays(db: Executor): Promise<number> {
  const [row] = await db.select().from(systemParameters).where(eq(systemParameters.key, NOTICE_POLICY_KEY));
  const days = Number((row?.value as { workingDays?: unknown } | undefined)?.workingDays);
  return Number.isInteger(days) && days >= MIN_NOTICE_WORKING_DAYS ? days : MIN_NOTICE_WORKING_DAYS;
}

type AppRow = typeof applications.$inferSelect;

/**
 * Locks the applications (in id order, so two notices cannot deadlock) and checks that each exists, is
 * 已通过, of the round (when one is given) and in no other draft notice.
 */
async function lockCandidates(
  tx: Executor,
  ids: string[],
  opts: { roundId: string | null; noticeId: string | null },
): Promise<AppRow[]> {
  const unique = [...new Set(ids)];
  const apps = await tx
    .select()
    .from(applications)
    .where(inArray(applications.id, unique))
    .orderBy(asc(applications.id))
    .for('update');
  const missing = unique.filter((id) => !apps.some((a) => a.id === id));
  if (missing.length > 0) {
    throw invalid(
      'NOTICE_APPLICATIONS_UNKNOWN',
      `有${missing.length}份申请不存在`,
      missing.map((id) => ({
        code: 'APPLICATION_NOT_FOUND',
        message: `申请 ${id} 不存在`,
        field: 'applicationIds',
      })),
    );
  }
  const details: ErrorDetail[] = [];
  for (const a of apps) {
    if (a.status !== 'cleared') {
      const label = APPLICATION_STATUS_LABELS[a.status as keyof typeof APPLICATION_STATUS_LABELS] ?? a.status;
      details.push({
        code: 'APPLICATION_NOT_CLEARED',
        message: `${a.number ?? a.id} 当前状态为"${label}"，不是"已通过"`,
        field: 'applicationIds',
      });
    } else if (opts.roundId && a.roundId !== opts.roundId) {
      details.push({
        code: 'APPLICATION_OTHER_ROUND',
        message: `${a.number ?? a.id} 不属于所选征集批次`,
        field: 'applicationIds',
      });
    }
  }
  if (details.length > 0) {
    throw new DomainError(
      'conflict',
      'NOTICE_APPLICATIONS_NOT_READY',
      `以下申请不能列入公示：${details.map((d) => d.message).join('；')}`,
      details,
    );
  }
  const elsewhere = await tx
    .select({ applicationId: publicNoticeItems.applicationId, number: publicNotices.number })
    .from(publicNoticeItems)
    .innerJoin(publicNotices, eq(publicNotices.id, publicNoticeItems.noticeId))
    .where(
      and(
        inArray(publicNoticeItems.applicationId, unique),
        eq(publicNotices.status, 'draft'),
        opts.noticeId ? ne(publicNotices.id, opts.noticeId) : undefined,
      ),
    );
  if (elsewhere.length > 0) {
    const seen = new Map(elsewhere.map((e) => [e.applicationId, e.number]));
    throw new DomainError(
      'conflict',
      'NOTICE_APPLICATION_IN_OTHER_DRAFT',
      `以下申请已列入其他公示草稿：${[...seen].map(([appId, n]) => `${apps.find((a) => a.id === appId)?.number ?? appId}（${n}）`).join('、')}`,
      [...seen].map(([appId, n]) => ({
        code: 'NOTICE_APPLICATION_IN_OTHER_DRAFT',
        message: `${apps.find((a) => a.id === appId)?.number ?? appId} 已列入公示草稿 ${n}`,
        field: 'applicationIds',
      })),
    );
  }
  return apps;
}

/** One public row per continuing scope item of each application. */
async function snapshotItems(tx: Executor, noticeId: string, apps: AppRow[]): Promise<number> {
  if (apps.length === 0) return 0;
  const rows = await tx
    .select({
      item: applicationScopeItems,
      orgName: organizations.name,
      creditCode: organizations.creditCode,
      occupationName: occupations.name,
    })
    .from(applicationScopeItems)
    .innerJoin(applications, eq(applications.id, applicationScopeItems.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(occupations, eq(occupations.code, applicationScopeItems.occupationCode))
    .where(
      and(
        inArray(
          applicationScopeItems.applicationId,
          apps.map((a) => a.id),
        ),
        continuingItem,
      ),
    )
    .orderBy(asc(applicationScopeItems.sortOrder), asc(applicationScopeItems.id));
  const empty = apps.filter((a) => !rows.some((r) => r.item.applicationId === a.id));
  if (empty.length > 0) {
    throw new DomainError(
      'conflict',
      'NOTICE_APPLICATION_NO_ITEMS',
      `以下申请没有可公示的职业（工种）：${empty.map((a) => a.number ?? a.id).join('、')}`,
    );
  }
  const byId = new Map(apps.map((a) => [a.id, a]));
  await tx.insert(publicNoticeItems).values(
    rows.map((r) => {
      const app = byId.get(r.item.applicationId)!;
      return {
        noticeId,
        applicationId: app.id,
        applicationNumber: app.number ?? '',
        scopeItemId: r.item.id,
        organizationName: r.orgName,
        creditCode: r.creditCode,
        cityCode: app.cityCode,
        occupationCode: r.item.occupationCode,
        occupationName: r.occupationName ?? '',
        jobName: r.item.jobName,
        levels: r.item.levels,
        mode: r.item.mode,
        sortOrder: r.item.sortOrder,
      };
    }),
  );
  return rows.length;
}

export async function prepareNotice(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: NoticePrepareRequest,
  meta: RequestMeta,
): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  const workingDays = assertNoticeWorkingDays(input.workingDays ?? (await defaultNoticeWorkingDays(deps.db)));
  return deps.db.transaction(async (tx) => {
    if (input.roundId) {
      const [round] = await tx
        .select({ id: collectionRounds.id })
        .from(collectionRounds)
        .where(eq(collectionRounds.id, input.roundId));
      if (!round)
        throw invalid('ROUND_UNKNOWN', '征集批次不存在', [
          { code: 'ROUND_UNKNOWN', message: '征集批次不存在', field: 'roundId' },
        ]);
    }
    const apps = await lockCandidates(tx, input.applicationIds, {
      roundId: input.roundId ?? null,
      noticeId: null,
    });
    const year = todayInShanghai(now).slice(0, 4);
    const seq = await nextCounterValue(tx, `public_notice:${year}`);
    const number = `GS${year}-${String(seq).padStart(2, '0')}`;
    const [notice] = await tx
      .insert(publicNotices)
      .values({
        number,
        title: input.title,
        roundId: input.roundId ?? null,
        status: 'draft',
        workingDays,
        preparedBy: actor.userId,
        preparedAt: now,
      })
      .returning({ id: publicNotices.id });
    const itemCount = await snapshotItems(tx, notice!.id, apps);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'notice.prepared',
        targetType: 'public_notice',
        targetId: notice!.id,
        after: {
          number,
          title: input.title,
          workingDays,
          applications: apps.map((a) => a.number),
          itemCount,
        },
      },
      now,
    );
    return { id: notice!.id, number };
  });
}

export async function updateNoticeDraft(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: NoticeUpdateRequest,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  const workingDays =
    input.workingDays === undefined ? undefined : assertNoticeWorkingDays(input.workingDays);
  await deps.db.transaction(async (tx) => {
    const notice = await loadNotice(tx, id, { lock: 'update' });
    assertNoticeDraft(notice.status, '修改');
    assertVersion(notice.version, input.version);
    const listed = await tx
      .selectDistinct({ applicationId: publicNoticeItems.applicationId })
      .from(publicNoticeItems)
      .where(eq(publicNoticeItems.noticeId, notice.id));
    const current = new Set(listed.map((l) => l.applicationId));
    const remove = [...new Set(input.removeApplicationIds ?? [])];
    const add = [...new Set(input.addApplicationIds ?? [])];
    const notListed = remove.filter((a) => !current.has(a));
    if (notListed.length > 0) {
      throw invalid(
        'NOTICE_APPLICATION_NOT_LISTED',
        `有${notListed.length}份要移出的申请不在本公示中`,
        notListed.map((a) => ({
          code: 'NOTICE_APPLICATION_NOT_LISTED',
          message: `申请 ${a} 不在本公示中`,
          field: 'removeApplicationIds',
        })),
      );
    }
    const already = add.filter((a) => current.has(a) && !remove.includes(a));
    if (already.length > 0) {
      throw invalid(
        'NOTICE_APPLICATION_ALREADY_LISTED',
        `有${already.length}份申请已在本公示中`,
        already.map((a) => ({
          code: 'NOTICE_APPLICATION_ALREADY_LISTED',
          message: `申请 ${a} 已在本公示中`,
          field: 'addApplicationIds',
        })),
      );
    }
    const remaining = current.size - remove.length + add.filter((a) => !current.has(a)).length;
    if (remaining === 0) {
      throw invalid('NOTICE_EMPTY', '公示中至少要保留一份申请', [
        { code: 'NOTICE_EMPTY', message: '公示中至少要保留一份申请', field: 'removeApplicationIds' },
      ]);
    }
    const added = add.length
      ? await lockCandidates(tx, add, { roundId: notice.roundId, noticeId: notice.id })
      : [];
    if (remove.length > 0) {
      await tx
        .delete(publicNoticeItems)
        .where(
          and(eq(publicNoticeItems.noticeId, notice.id), inArray(publicNoticeItems.applicationId, remove)),
        );
    }
    // Re-adding a removed application takes a fresh snapshot.
    await snapshotItems(tx, notice.id, added);
    const next = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(workingDays !== undefined ? { workingDays } : {}),
    };
    await tx
      .update(publicNotices)
      .set({ ...next, version: sql`${publicNotices.version} + 1` })
      .where(eq(publicNotices.id, notice.id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'notice.draft_updated',
        targetType: 'public_notice',
        targetId: notice.id,
        before: { title: notice.title, workingDays: notice.workingDays, version: notice.version },
        after: {
          ...next,
          added: added.map((a) => a.number),
          removed: remove,
          version: notice.version + 1,
        },
      },
      now,
    );
  });
}
