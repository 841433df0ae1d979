// Durable Yjs state per room in SQLite (y_updates). Every accepted update is appended with
// one synchronous INSERT before anyone else sees it; compaction folds a room's rows into a
// single snapshot row in one transaction. Statements are prepared once per connection.
import type Database from "better-sqlite3";
import * as Y from "yjs";
import { getDb } from "~/db/client.server";

type Statements = {
  append: Database.Statement<[string, string, Buffer, number | null]>;
  load: Database.Statement<[string], { id: number; update: Buffer }>;
  count: Database.Statement<[string], { n: number }>;
  maxId: Database.Statement<[string], { id: number | null }>;
  exists: Database.Statement<[number], { id: number }>;
  deleteUpTo: Database.Statement<[string, number]>;
};

const cache = new WeakMap<Database.Database, Statements>();

// getDb() resolves the database path and looks it up on every call; on the per-keystroke path
// we only look it up again when DATA_DIR changed or the handle was closed.
let current: { dataDir: string | undefined; client: Database.Database } | null = null;

function client(): Database.Database {
  if (!current || current.dataDir !== process.env.DATA_DIR || !current.client.open) {
    current = { dataDir: process.env.DATA_DIR, client: getDb().$client };
  }
  return current.client;
}

function statements(): { client: Database.Database; s: Statements } {
  const c = client();
  let s = cache.get(c);
  if (!s) {
    s = {
      append: c.prepare("insert into y_updates (room, kind, \"update\", person_id) values (?, ?, ?, ?)"),
      load: c.prepare("select id, \"update\" as \"update\" from y_updates where room = ? order by id"),
      count: c.prepare("select count(*) as n from y_updates where room = ?"),
      maxId: c.prepare("select max(id) as id from y_updates where room = ?"),
      exists: c.prepare("select id from y_updates where id = ?"),
      deleteUpTo: c.prepare("delete from y_updates where room = ? and id <= ?"),
    };
    cache.set(c, s);
  }
  return { client: c, s };
}

/** Append one update; returns its row id. Joins the caller's transaction when one is open. */
export function appendUpdate(room: string, update: Uint8Array, personId: number | null, kind: "update" | "snapshot" = "update"): number {
  const { s } = statements();
  const info = s.append.run(room, kind, Buffer.from(update.buffer, update.byteOffset, update.byteLength), personId);
  return Number(info.lastInsertRowid);
}

export function loadUpdates(room: string): Uint8Array[] {
  return statements()
    .s.load.all(room)
    .map((r) => new Uint8Array(r.update.buffer, r.update.byteOffset, r.update.byteLength));
}

export function countUpdates(room: string): number {
  return statements().s.count.get(room)?.n ?? 0;
}

export function rowExists(id: number): boolean {
  return statements().s.exists.get(id) !== undefined;
}

export function inTransaction(): boolean {
  return statements().client.inTransaction;
}

/** The merged state of all stored rows of a room (empty update when there are none). */
export function storedState(room: string): Uint8Array {
  const rows = loadUpdates(room);
  if (rows.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const r of rows) Y.applyUpdate(doc, r);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Replace a room's rows by one snapshot. `state` must contain everything the rows contain
 * (the caller passes the live doc's state, or null to merge the rows themselves).
 */
export function compactRoom(room: string, state: Uint8Array | null = null): { before: number } {
  const { client, s } = statements();
  let before = 0;
  client.transaction(() => {
    const max = s.maxId.get(room)?.id;
    if (max == null) return;
    before = s.count.get(room)?.n ?? 0;
    const snapshot = state ?? storedState(room);
    s.deleteUpTo.run(room, max);
    s.append.run(room, "snapshot", Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), null);
  })();
  return { before };
}
