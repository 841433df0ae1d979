import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { dataDir } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle, for functions that must write inside their caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can read: the database or a transaction. */
export type Reader = Pick<Db, "select">;

type DbRegistry = Map<string, Db>;

function registry(): DbRegistry {
  return singleton<DbRegistry>("db:registry", () => new Map());
}

export function migrationsFolder(): string {
  // Works from source (app/db) and from the Vite server bundle (build/server).
  const candidates = [
    path.resolve(process.cwd(), "migrations"),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations"),
  ];
  const found = candidates.find((c) => fs.existsSync(path.join(c, "meta", "_journal.json")));
  if (!found) throw new Error("migrations folder not found");
  return found;
}

export function databasePath(): string {
  return path.join(dataDir(), "ketenportaal.db");
}

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL + NORMAL is durable across process crashes (kill -9); only an OS crash can lose
  // the last transactions, which is the trade-off SQLite documents for WAL mode.
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  cacheStatements(sqlite);
  return db;
}

/** Statements kept per SQL text; the cache starts over when full (decision 125). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * drizzle prepares every query it runs anew (`client.prepare(sql)` per call, ~6 % of a page's
 * CPU). The SQL text of a query shape is the same on every call (values are bound), so the
 * handle keeps the statement per text and hands it out again: reset to plain row objects
 * (drizzle switches statements to raw mode and back is not guaranteed), and never while it is
 * still being iterated (then a fresh one is prepared). Bound parameters are per call, so a
 * shared statement carries nothing from one caller to the next.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known && !known.busy) {
      if (known.reader) known.raw(false).pluck(false).expand(false);
      return known;
    }
    const stmt = prepare(source);
    if (!known) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statements.set(source, stmt);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/** The database for the current DATA_DIR (one per directory, so each test file has its own). */
export function getDb(): Db {
  const file = databasePath();
  const reg = registry();
  let db = reg.get(file);
  if (!db) {
    db = openDatabase(file);
    reg.set(file, db);
  }
  return db;
}

export function closeDb(): void {
  const reg = registry();
  const file = databasePath();
  reg.get(file)?.$client.close();
  reg.delete(file);
}

export { schema };
