/**
 * 审计对象名称: the audit trail stores what was acted on as a type and an id; the audit admin reads the
 * name (用户 张三（cs_zx）, 单位 名称, 申请 SQ2026-000001, 公示 GS2026-01, 征集批次 标题). One query per kind
 * present on the page, each by primary key; ids that are not uuids (or records since gone) have no name.
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { applications, collectionRounds, organizations, publicNotices, users } from '../../db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Lookup = (db: Executor, ids: string[]) => Promise<[string, string][]>;

const LOOKUPS: Record<string, Lookup> = {
  user: async (db, ids) =>
    (
      await db
        .select({ id: users.id, name: users.displayName, username: users.username })
        .from(users)
        .where(inArray(users.id, ids))
    ).map((r) => [r.id, `${r.name}（${r.username}）`]),
  organization: async (db, ids) =>
    (
      await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, ids))
    ).map((r) => [r.id, r.name]),
  application: async (db, ids) =>
    (
      await db
        .select({ id: applications.id, number: applications.number })
        .from(applications)
        .where(inArray(applications.id, ids))
    ).map((r) => [r.id, r.number ?? '（草稿，未编号）']),
  public_notice: async (db, ids) =>
    (
      await db
        .select({ id: publicNotices.id, number: publicNotices.number })
        .from(publicNotices)
        .where(inArray(publicNotices.id, ids))
    ).map((r) => [r.id, r.number]),
  collection_round: async (db, ids) =>
    (
      await db
        .select({ id: collectionRounds.id, title: collectionRounds.title })
        .from(collectionRounds)
        .where(inArray(collectionRounds.id, ids))
    ).map((r) => [r.id, r.title]),
};

/** `type:id` → name, for the targets of the given audit rows. */
export async function auditTargetNames(
  db: Executor,
  rows: { targetType: string | null; targetId: string | null }[],
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.targetType || !r.targetId || !UUID.test(r.targetId) || !LOOKUPS[r.targetType]) continue;
    let ids = idsByType.get(r.targetType);
    if (!ids) idsByType.set(r.targetType, (ids = new Set()));
    ids.add(r.targetId);
  }
  const found = await Promise.all(
    [...idsByType].map(async ([type, ids]) =>
      (await LOOKUPS[type]!(db, [...ids])).map(([id, name]) => [`${type}:${id}`, name] as const),
    ),
  );
  return new Map(found.flat());
}
