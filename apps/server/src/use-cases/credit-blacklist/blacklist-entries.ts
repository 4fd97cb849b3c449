/**
 * 严重失信主体名单 reads and removal (province centre only; the route's action keeps everyone else out
 * with a 404), and the one read an applicant's pre-check makes: its own credit code's listings.
 */
import { and, count, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  conflict,
  isListingInForce,
  listingPeriodText,
  notFound,
  todayInShanghai,
  type Actor,
  type DishonestyListing,
} from '@skillcert/domain';
import type { CreditBlacklistEntry, CreditBlacklistQuery } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { creditBlacklistEntries, creditBlacklistImports } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';

/** Ids are uuids: anything else cannot name an entry (and must not reach the database as one). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EntryRow = typeof creditBlacklistEntries.$inferSelect;
type ImportRow = typeof creditBlacklistImports.$inferSelect;

function toItem(e: EntryRow, i: ImportRow, today: string): CreditBlacklistEntry {
  return {
    id: e.id,
    creditCode: e.creditCode,
    unitName: e.unitName,
    authority: e.authority,
    listedOn: e.listedOn,
    until: e.until,
    periodText: listingPeriodText(e),
    reason: e.reason,
    inForce: e.removedAt === null && isListingInForce(e, today),
    importSource: i.source,
    importSourceDate: i.sourceDate,
    importedAt: i.importedAt.toISOString(),
    removedAt: e.removedAt?.toISOString() ?? null,
    removedByName: e.removedByName,
    removalReason: e.removalReason,
  };
}

export async function listCreditBlacklist(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  query: CreditBlacklistQuery,
): Promise<{ items: CreditBlacklistEntry[]; total: number; page: number; pageSize: number }> {
  const today = todayInShanghai(deps.clock.now());
  const e = creditBlacklistEntries;
  const filters: (SQL | undefined)[] = [];
  const q = query.q?.normalize('NFKC').trim();
  if (q) {
    filters.push(
      or(
        sql`position(${q} in ${e.unitName}) > 0`,
        sql`position(${q} in ${e.authority}) > 0`,
        sql`starts_with(${e.creditCode}, ${q.toUpperCase()})`,
      ),
    );
  }
  const expired = and(isNotNull(e.until), lt(e.until, today));
  if (query.state === 'removed') filters.push(isNotNull(e.removedAt));
  else filters.push(isNull(e.removedAt));
  if (query.state === 'expired') filters.push(expired);
  if (query.state === 'in_force')
    filters.push(sql`${e.listedOn} <= ${today}`, sql`(${e.until} is null or ${e.until} >= ${today})`);
  const where = and(...filters);

  const [total] = await deps.db.select({ n: count() }).from(e).where(where);
  const rows = await deps.db
    .select({ entry: e, imported: creditBlacklistImports })
    .from(e)
    .innerJoin(creditBlacklistImports, eq(creditBlacklistImports.id, e.importId))
    .where(where)
    .orderBy(desc(e.listedOn), e.creditCode, e.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => toItem(r.entry, r.imported, today)),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * 移出: the entry stays with who removed it, when and why (the audit trail keeps the same); R1 no longer
 * reads it. Removing an entry twice is refused.
 */
export async function removeCreditBlacklistEntry(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  reason: string,
  meta: RequestMeta,
): Promise<CreditBlacklistEntry> {
  const now = deps.clock.now();
  if (!UUID.test(id)) throw notFound('CREDIT_BLACKLIST_ENTRY_NOT_FOUND', '该严重失信主体名单记录不存在');
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(creditBlacklistEntries)
      .where(eq(creditBlacklistEntries.id, id))
      .for('update');
    if (!current) throw notFound('CREDIT_BLACKLIST_ENTRY_NOT_FOUND', '该严重失信主体名单记录不存在');
    if (current.removedAt) throw conflict('CREDIT_BLACKLIST_ENTRY_REMOVED', '该记录已移出名单，不能重复移出');
    const [removed] = await tx
      .update(creditBlacklistEntries)
      .set({
        removedAt: now,
        removedBy: actor.userId,
        removedByName: actor.displayName,
        removalReason: reason,
      })
      .where(eq(creditBlacklistEntries.id, id))
      .returning();
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'credit_blacklist.removed',
        targetType: 'credit_blacklist_entry',
        targetId: id,
        reason,
        before: {
          creditCode: current.creditCode,
          unitName: current.unitName,
          authority: current.authority,
          listedOn: current.listedOn,
          until: current.until,
        },
      },
      now,
    );
    const [imported] = await tx
      .select()
      .from(creditBlacklistImports)
      .where(eq(creditBlacklistImports.id, current.importId));
    return toItem(removed!, imported!, todayInShanghai(now));
  });
}

/**
 * The listings (not removed) of one credit code, for R1 in the applicant's own pre-check: the applicant
 * learns only its own finding, never the list.
 */
export async function dishonestyListingsOf(db: Executor, creditCode: string): Promise<DishonestyListing[]> {
  return db
    .select({
      authority: creditBlacklistEntries.authority,
      listedOn: creditBlacklistEntries.listedOn,
      until: creditBlacklistEntries.until,
      reason: creditBlacklistEntries.reason,
    })
    .from(creditBlacklistEntries)
    .where(and(eq(creditBlacklistEntries.creditCode, creditCode), isNull(creditBlacklistEntries.removedAt)));
}
