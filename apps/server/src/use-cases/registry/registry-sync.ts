/**
 * Keeps 评价机构名录 (`registry_bodies`) in step with `filings`: the use cases that change filings
 * (filing confirmation, the Excel import of earlier filings) call `refreshRegistryBodies` inside their
 * transaction with the credit codes they touched. A body's search columns — name tokens (1–2 character
 * search), occupations, levels, modes, item count — are recomputed from its filings in force; its
 * 评价机构序列码 is only ever set once (by confirmation) and never changed here. Every refresh that writes
 * a row also rewrites the body's rows of the narrow search tables (`registry_name_tokens`,
 * `registry_scope_items`: its name tokens, its occupation × level × mode in force, each with its registry
 * order) and increments the registry version in the same transaction, which invalidates the cached
 * public search answers (`registry-search-cache.ts`) on every server instance once it commits. Any other
 * code that writes `registry_bodies` must call `bumpRegistryVersion` in its transaction too.
 */
import { inArray, sql } from 'drizzle-orm';
import { isSkillLevel, nameTokens, skillLevelRank } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  filings,
  organizations,
  registryBodies,
  registryEvents,
  registryNameTokens,
  registryScopeItems,
} from '../../db/schema';
import { chunk } from '../../reference/insert-chunks';
import { bumpRegistryVersion } from './registry-search-cache';

export type RegistryBodyRow = typeof registryBodies.$inferSelect;

export interface BodyFacts {
  name: string;
  cityCode: string;
  organizationId?: string | null;
}

export interface RegistryChange {
  creditCode: string;
  before: RegistryBodyRow | null;
  after: RegistryBodyRow;
  /** Filings in force before / after (status 已备案). */
  itemsBefore: number;
}

export interface RefreshOptions {
  now: Date;
  /** Sequence codes allocated by the caller (only for bodies that have none yet). */
  sequenceCodes?: ReadonlyMap<string, string>;
  /** 主管单位 set by the caller (confirmation: the recommending city). */
  supervisingCities?: ReadonlyMap<string, string | null>;
  /** Name and city as the caller knows them (organization at confirmation, import row). */
  facts?: ReadonlyMap<string, BodyFacts>;
  /** The registry event to record for a change, if any. */
  eventOf?(change: RegistryChange): {
    event: string;
    note: string;
    at: Date;
    filingListId?: string | null;
  } | null;
}

const sortLevels = (levels: Iterable<string>) =>
  [...new Set(levels)].sort(
    (a, b) =>
      (isSkillLevel(a) ? skillLevelRank(a) : 99) - (isSkillLevel(b) ? skillLevelRank(b) : 99) ||
      a.localeCompare(b),
  );
const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/** Locks the registry rows of these bodies (credit-code order) and returns them. */
export async function lockRegistryBodies(
  tx: Executor,
  creditCodes: readonly string[],
): Promise<Map<string, RegistryBodyRow>> {
  const out = new Map<string, RegistryBodyRow>();
  const codes = [...new Set(creditCodes)].sort();
  for (const part of chunk(codes)) {
    const rows = await tx
      .select()
      .from(registryBodies)
      .where(inArray(registryBodies.creditCode, part))
      .orderBy(registryBodies.creditCode)
      .for('update');
    for (const r of rows) out.set(r.creditCode, r);
  }
  return out;
}

export async function refreshRegistryBodies(
  tx: Executor,
  creditCodes: readonly string[],
  opts: RefreshOptions,
): Promise<RegistryChange[]> {
  const codes = [...new Set(creditCodes)].sort();
  if (codes.length === 0) return [];
  const existing = await lockRegistryBodies(tx, codes);
  const filingsOf = new Map<string, (typeof filings.$inferSelect)[]>();
  const orgs = new Map<string, { id: string; name: string; cityCode: string }>();
  for (const part of chunk(codes)) {
    for (const f of await tx.select().from(filings).where(inArray(filings.creditCode, part))) {
      const list = filingsOf.get(f.creditCode) ?? [];
      list.push(f);
      filingsOf.set(f.creditCode, list);
    }
    for (const o of await tx
      .select({
        id: organizations.id,
        name: organizations.name,
        cityCode: organizations.cityCode,
        creditCode: organizations.creditCode,
      })
      .from(organizations)
      .where(inArray(organizations.creditCode, part)))
      orgs.set(o.creditCode, o);
  }

  const changes: RegistryChange[] = [];
  const rows: (typeof registryBodies.$inferInsert)[] = [];
  const tokenRows: (typeof registryNameTokens.$inferInsert)[] = [];
  const scopeRows = new Map<string, typeof registryScopeItems.$inferInsert>();
  for (const code of codes) {
    const all = filingsOf.get(code) ?? [];
    const before = existing.get(code) ?? null;
    if (all.length === 0 && !before) continue;
    const inForce = all.filter((f) => f.status === 'filed');
    const latest = [...all].sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1))[0];
    // A registered organization's own record names the body; otherwise the caller's facts or the filings.
    const org = orgs.get(code);
    const given = opts.facts?.get(code);
    const name = org?.name ?? given?.name ?? before?.name ?? latest?.organizationName ?? code;
    const cityCode = org?.cityCode ?? given?.cityCode ?? before?.cityCode ?? latest?.cityCode ?? '430000';
    const dates = all.map((f) => f.effectiveDate);
    if (before) dates.push(before.firstFiledOn);
    const supervising =
      opts.supervisingCities?.get(code) ??
      before?.supervisingCityCode ??
      inForce.find((f) => f.supervisingCityCode)?.supervisingCityCode ??
      null;
    const row = {
      creditCode: code,
      organizationId: org?.id ?? given?.organizationId ?? before?.organizationId ?? null,
      name,
      cityCode,
      supervisingCityCode: supervising,
      sequenceCode: before?.sequenceCode ?? opts.sequenceCodes?.get(code) ?? null,
      status: inForce.length > 0 ? 'filed' : (before?.status ?? 'filed'),
      nameTokens: nameTokens(name),
      occupationCodes: sortedUnique(inForce.map((f) => f.occupationCode)),
      levels: sortLevels(inForce.flatMap((f) => f.levels)),
      modes: sortedUnique(inForce.map((f) => f.mode)),
      itemCount: inForce.length,
      firstFiledOn: dates.sort()[0]!,
      updatedAt: opts.now,
    };
    rows.push(row);
    // The narrow search rows, in the order the upsert below leaves the body (a 序列码 once set stays).
    for (const token of row.nameTokens)
      tokenRows.push({ token, sequenceCode: row.sequenceCode, creditCode: code });
    for (const f of inForce)
      for (const level of f.levels)
        scopeRows.set(JSON.stringify([code, f.occupationCode, level, f.mode]), {
          creditCode: code,
          occupationCode: f.occupationCode,
          level,
          mode: f.mode,
          sequenceCode: row.sequenceCode,
        });
    const itemsBefore = before?.itemCount ?? 0;
    changes.push({ creditCode: code, before, after: row as RegistryBodyRow, itemsBefore });
  }

  for (const part of chunk(rows, 200)) {
    await tx
      .insert(registryBodies)
      .values(part)
      .onConflictDoUpdate({
        target: registryBodies.creditCode,
        set: {
          organizationId: sqlExcluded('organization_id'),
          name: sqlExcluded('name'),
          cityCode: sqlExcluded('city_code'),
          supervisingCityCode: sqlExcluded('supervising_city_code'),
          // Permanent: an existing code is kept (coalesce), a new one only fills a null.
          sequenceCode: sqlCoalesce('sequence_code'),
          status: sqlExcluded('status'),
          nameTokens: sqlExcluded('name_tokens'),
          occupationCodes: sqlExcluded('occupation_codes'),
          levels: sqlExcluded('levels'),
          modes: sqlExcluded('modes'),
          itemCount: sqlExcluded('item_count'),
          firstFiledOn: sqlExcluded('first_filed_on'),
          updatedAt: sqlExcluded('updated_at'),
        },
      });
  }

  // The narrow search tables: the refreshed bodies' rows replaced (their body rows are locked above).
  const written = rows.map((r) => r.creditCode);
  for (const part of chunk(written)) {
    await tx.delete(registryNameTokens).where(inArray(registryNameTokens.creditCode, part));
    await tx.delete(registryScopeItems).where(inArray(registryScopeItems.creditCode, part));
  }
  for (const part of chunk(tokenRows, 2000)) await tx.insert(registryNameTokens).values(part);
  for (const part of chunk([...scopeRows.values()], 2000)) await tx.insert(registryScopeItems).values(part);

  // After the registry rows' locks (taken first, above), before the caller's audit entry.
  if (rows.length > 0) await bumpRegistryVersion(tx);

  if (opts.eventOf) {
    const events: (typeof registryEvents.$inferInsert)[] = [];
    for (const change of changes) {
      const e = opts.eventOf(change);
      if (!e) continue;
      events.push({
        creditCode: change.creditCode,
        filingId: null,
        event: e.event,
        fromStatus: change.before?.status ?? null,
        toStatus: change.after.status,
        note: e.note,
        filingListId: e.filingListId ?? null,
        at: e.at,
      });
    }
    for (const part of chunk(events)) await tx.insert(registryEvents).values(part);
  }
  return changes;
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
const sqlCoalesce = (column: string) => sql.raw(`coalesce(registry_bodies.${column}, excluded.${column})`);
