/**
 * 数据范围 of an inspector (docs/domain.md §2: "assigned items only"): the applications they are drawn for in a
 * spot check and not replaced on. Read by `applicationScope` (applications/application-queries.ts), so
 * an inspector can open the detail of exactly their targets and nothing else (404).
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { inspectors, spotCheckAssignments } from '../../db/schema';

export async function inspectorAssignedApplicationIds(db: Executor, actor: Actor): Promise<string[]> {
  if (actor.role !== 'inspector') return [];
  const rows = await db
    .select({ applicationId: spotCheckAssignments.applicationId })
    .from(spotCheckAssignments)
    .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
    .where(and(eq(inspectors.userId, actor.userId), eq(spotCheckAssignments.status, 'assigned')));
  return [...new Set(rows.map((r) => r.applicationId))];
}
