import type { Db } from "./client.server";

/**
 * Prepared statements for hot paths (the session lookup and the actor's facts run on every
 * request): drizzle builds the SQL and better-sqlite3 prepares it once per database handle,
 * instead of rebuilding and re-preparing the query on each call. Keyed by handle because
 * tests open a database per data directory and close it again.
 */
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let forDb = cache.get(db);
  if (!forDb) {
    forDb = new Map();
    cache.set(db, forDb);
  }
  let stmt = forDb.get(key) as T | undefined;
  if (stmt === undefined) {
    stmt = build(db);
    forDb.set(key, stmt);
  }
  return stmt;
}
