/** 产业链 dictionary (R6): the admin enters the official list; demo data may hold 示例 entries. */
import { and, asc, eq, ne } from 'drizzle-orm';
import { conflict, notFound, type Actor } from '@skillcert/domain';
import type { ChainItem } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { industrialChains } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertSameVersion } from './common';

type ChainRow = typeof industrialChains.$inferSelect;

const toItem = (r: ChainRow): ChainItem => ({
  id: r.id,
  name: r.name,
  description: r.description,
  isExample: r.isExample,
  active: r.active,
  source: r.source,
  version: r.version,
});

const nameTaken = (name: string) => conflict('CHAIN_NAME_TAKEN', `产业链"${name}"已存在，请勿重复录入`);

async function assertNameFree(db: Executor, name: string, exceptId?: number): Promise<void> {
  const clash = await db
    .select({ id: industrialChains.id })
    .from(industrialChains)
    .where(
      exceptId === undefined
        ? eq(industrialChains.name, name)
        : and(eq(industrialChains.name, name), ne(industrialChains.id, exceptId)),
    )
    .limit(1);
  if (clash.length > 0) throw nameTaken(name);
}

/** A unique-index race lost to a concurrent insert of the same name. */
const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export async function listChains(db: Executor): Promise<ChainItem[]> {
  return (await db.select().from(industrialChains).orderBy(asc(industrialChains.id))).map(toItem);
}

export interface ChainCreateInput {
  name: string;
  description?: string | null | undefined;
  source?: string | null | undefined;
}

export async function createChain(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: ChainCreateInput,
  meta: RequestMeta,
): Promise<ChainItem> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      await assertNameFree(tx, input.name);
      const [row] = await tx
        .insert(industrialChains)
        .values({ name: input.name, description: input.description ?? null, source: input.source ?? null })
        .returning();
      const item = toItem(row!);
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'dictionary.chain_created',
          targetType: 'industrial_chain',
          targetId: String(item.id),
          after: item,
        },
        now,
      );
      return item;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export interface ChainUpdateInput {
  name?: string | undefined;
  description?: string | null | undefined;
  active?: boolean | undefined;
  source?: string | null | undefined;
  version: number;
}

export async function updateChain(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
  input: ChainUpdateInput,
  meta: RequestMeta,
): Promise<ChainItem> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx.select().from(industrialChains).where(eq(industrialChains.id, id)).for('update');
      if (!row) throw notFound('CHAIN_NOT_FOUND', '该产业链不存在');
      assertSameVersion(row.version, input.version);
      if (input.name !== undefined && input.name !== row.name) await assertNameFree(tx, input.name, id);
      const [updated] = await tx
        .update(industrialChains)
        .set({
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.active !== undefined && { active: input.active }),
          ...(input.source !== undefined && { source: input.source }),
          version: row.version + 1,
        })
        .where(eq(industrialChains.id, id))
        .returning();
      const item = toItem(updated!);
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'dictionary.chain_updated',
          targetType: 'industrial_chain',
          targetId: String(id),
          before: toItem(row),
          after: item,
        },
        now,
      );
      return item;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
    throw error;
  }
}
