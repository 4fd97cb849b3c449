/**
 * Statements built once per database handle. The query builder assembles the same SQL on every call
 * otherwise, which on a hot read costs more CPU than PostgreSQL spends answering it; a prepared query
 * keeps the SQL text (and, on PostgreSQL, the server-side plan of a named statement per connection) and
 * takes only the parameters (`sql.placeholder`). Both drivers (node-postgres, PGlite) support it.
 *
 * The cache is keyed by the handle, so each app instance (and each test database) gets its own; inside a
 * transaction the statement is built for that transaction's handle and dropped with it.
 */
import type { Executor } from './client';

export function preparedPer<T>(build: (db: Executor) => T): (db: Executor) => T {
  const cache = new WeakMap<Executor, T>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}
