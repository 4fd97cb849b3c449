/**
 * Scope-item verdicts at the province stages (common brief): items still in the running carry
 * `recommended`; an item refused at a later stage gets `rejected` + its reason. Items already out
 * (not_recommended, rejected, held) take no further verdicts.
 */
import { and, eq, inArray, notInArray, or, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { applicationScopeItems } from '../../db/schema';

export const OUT_OF_RUNNING_VERDICTS = ['not_recommended', 'rejected', 'held'];

/** Ids of the application's scope items still in the running, in the application's order. */
export async function activeScopeItemIds(db: Executor, applicationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: applicationScopeItems.id })
    .from(applicationScopeItems)
    .where(
      and(
        eq(applicationScopeItems.applicationId, applicationId),
        or(
          isNull(applicationScopeItems.verdict),
          notInArray(applicationScopeItems.verdict, OUT_OF_RUNNING_VERDICTS),
        ),
      ),
    )
    .orderBy(applicationScopeItems.sortOrder, applicationScopeItems.id);
  return rows.map((r) => r.id);
}

/** Marks refused items `rejected` with their reason (one statement per reason; items of one application). */
export async function rejectScopeItems(
  tx: Executor,
  items: { scopeItemId: string; reason: string | null }[],
): Promise<void> {
  const byReason = new Map<string, string[]>();
  for (const i of items) {
    const key = i.reason ?? '';
    byReason.set(key, [...(byReason.get(key) ?? []), i.scopeItemId]);
  }
  for (const [reason, ids] of byReason) {
    await tx
      .update(applicationScopeItems)
      .set({ verdict: 'rejected', verdictReason: reason || null })
      .where(inArray(applicationScopeItems.id, ids));
  }
}
