/**
 * Result cache of public 评价机构名录 searches. The public asks the same few questions again and again
 * (a city, a popular occupation, the first page); each answer is kept as the JSON the server sends,
 * keyed by the normalized query and the **registry version**: a counter (`counters.registry_version`)
 * that every transaction changing `registry_bodies` increments (`bumpRegistryVersion`, called by
 * `refreshRegistryBodies`). Each request reads the version (one primary-key query) before it searches,
 * so an answer computed before a change — on this server or any other instance — is never served after
 * it commits: the first request that sees the new version empties the cache.
 *
 * Why reading the version first is enough: the search runs after the version read, in a snapshot at
 * least as new, so an answer stored under version v reflects at least every change up to v.
 *
 * Bounded: at most `maxEntries` answers and `maxChars` characters of JSON in all, least recently used
 * evicted first; answers older than `maxAgeMs` are recomputed (a safety net for a change written around
 * the use cases, e.g. by hand in SQL — every change in code bumps the version).
 */
import { sql } from 'drizzle-orm';
import { creditCodeCriterion, registryNameCriterion } from '@skillcert/domain';
import type { RegistrySearchQuery } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { nextCounterValue } from '../counters';
import { searchRegistry } from './registry-search';

export const REGISTRY_VERSION_COUNTER = 'registry_version';

/** Inside the transaction that changes `registry_bodies`: invalidates every cached search answer. */
export async function bumpRegistryVersion(tx: Executor): Promise<number> {
  return nextCounterValue(tx, REGISTRY_VERSION_COUNTER);
}

export async function registryVersion(db: Executor): Promise<number> {
  const result = (await db.execute(
    sql`select value from counters where name = ${REGISTRY_VERSION_COUNTER}`,
  )) as unknown as { rows: { value: number | string }[] };
  return Number(result.rows[0]?.value ?? 0);
}

/**
 * The cache key: the query as the search understands it (name and credit code normalized the way the
 * criteria are, so "湘 潭" and "湘潭" share an answer). Throws the same 400 errors as the search.
 */
export function registryQueryKey(query: RegistrySearchQuery): string {
  const name = query.name ? (registryNameCriterion(query.name)?.text ?? '') : '';
  const code = query.creditCode ? creditCodeCriterion(query.creditCode) : null;
  return JSON.stringify([
    name,
    code ? (code.kind === 'exact' ? code.code : code.prefix) : '',
    query.occupationCode ?? '',
    query.level ?? '',
    query.mode ?? '',
    query.cityCode ?? '',
    query.status ?? '',
    query.page,
    query.pageSize,
  ]);
}

export interface RegistrySearchCacheOptions {
  maxEntries?: number;
  /** Total length of the cached JSON strings (UTF-16 code units, ~2 bytes each). */
  maxChars?: number;
  maxAgeMs?: number;
  /** Milliseconds, for the age of entries: the injected clock. */
  now: () => number;
}

interface Entry {
  json: string;
  storedAt: number;
}

export class RegistrySearchCache {
  readonly maxEntries: number;
  readonly maxChars: number;
  readonly maxAgeMs: number;
  private readonly now: () => number;
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  private version: number | null = null;
  hits = 0;
  misses = 0;

  constructor(opts: RegistrySearchCacheOptions) {
    this.maxEntries = opts.maxEntries ?? 1_000;
    this.maxChars = opts.maxChars ?? 8_000_000;
    this.maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
    this.now = opts.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalChars(): number {
    return this.chars;
  }

  /** The cached answer for this key under this registry version, if any (and marks it recently used). */
  get(version: number, key: string): string | undefined {
    if (this.version === null || version > this.version) {
      // The registry changed: every answer kept is out of date.
      this.clear();
      this.version = version;
      return undefined;
    }
    // A request that read the version just before a change was seen by another one: search afresh.
    if (version < this.version) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.chars -= entry.json.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.json;
  }

  set(version: number, key: string, json: string): void {
    // An answer computed under an older version than the one already seen is not kept.
    if (this.version !== null && version < this.version) return;
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    if (json.length > this.maxChars) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.chars -= old.json.length;
    }
    this.entries.set(key, { json, storedAt: this.now() });
    this.chars += json.length;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldestKey);
      this.chars -= oldest.json.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

/**
 * A public search answered as JSON text: from the cache when this query was answered under the current
 * registry version, else searched and stored. The JSON is exactly what `searchRegistry` returns.
 */
export async function cachedRegistrySearch(
  db: Executor,
  cache: RegistrySearchCache,
  query: RegistrySearchQuery,
): Promise<{ json: string; hit: boolean }> {
  const key = registryQueryKey(query); // bad input: 400 before anything is read
  const version = await registryVersion(db);
  const cached = cache.get(version, key);
  if (cached !== undefined) {
    cache.hits += 1;
    return { json: cached, hit: true };
  }
  cache.misses += 1;
  const json = JSON.stringify(await searchRegistry(db, query));
  cache.set(version, key, json);
  return { json, hit: false };
}
