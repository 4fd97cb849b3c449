/**
 * Counts the statements a request sends to the database, by wrapping the driver client's `query` (the
 * one method drizzle calls on both node-postgres and PGlite). Statements inside a transaction run on a
 * checked-out connection and are not counted: the hot reads this guards run outside transactions.
 */
import type { Database } from '../../src/db/client';

export interface QueryCounter {
  /** Statements sent while `run` was in progress, with their SQL for the failure message. */
  during(run: () => Promise<unknown>): Promise<string[]>;
}

export function countQueries(database: Database): QueryCounter {
  const client = (database.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const original = client.query.bind(client);
  let seen: string[] | null = null;
  client.query = (...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string }).text;
    seen?.push(text ?? String(first));
    return original(...args);
  };
  return {
    async during(run) {
      seen = [];
      try {
        await run();
        return seen;
      } finally {
        seen = null;
      }
    },
  };
}
