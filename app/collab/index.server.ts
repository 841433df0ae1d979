// Public interface of the collaboration store (stable; documents and consultation use it).
// The store keeps rooms (Y.Doc + awareness), their durable updates and derived forms; the
// websocket transport that connects browsers to rooms is server/collab.
//
//   Room kinds are listed in ./kinds.server.ts. Rooms are named `doc-<documentId>` and
//   `proposal-<proposalId>`; clients connect to /collab/<documentId> or
//   /collab/proposal-<proposalId>.
//
//   getRoomState(room)               current merged Yjs state (memory if open, else SQLite; seeds an empty room)
//   getRoomLexicalState(room)        the same, as serialized Lexical JSON
//   applyServerUpdate(room, update)  a server-side change: persisted, applied, broadcast
//   replaceRoomContent(room, json)   make the room show this Lexical state (publish of a proposal, restore)
//   flushDerived(room) / readDerived(room)   derived forms (JSON, HTML, text, Markdown) in room_derived
//   announce(room, notice)          tell every open editor of the room (after the current transaction commits)
//   waitForRoomState(room, sv, ms)   resolves true once the live room holds everything a client's state vector names
import * as Y from "yjs";
import { lexicalReplaceUpdate, yStateToLexicalState } from "~/editor/convert.server";
import * as encoding from "lib0/encoding";
import { MESSAGE_NOTICE, parseRoom, type RoomNotice } from "~/shared/collab";
import { env } from "~/utils/env.server";
import { appendUpdate, compactRoom, countUpdates, inTransaction, rowExists, storedState } from "./persistence.server";
import { manager, PERSISTED_ORIGIN, send, type ServerOrigin } from "./rooms.server";
import type { Tx } from "./types";

export type { RoomAccess, RoomKindHandlers, Tx } from "./types";
export type { DerivedForms } from "./derived.server";
export { readDerived } from "./derived.server";

function assertRoom(room: string): void {
  if (!parseRoom(room)) throw new Error(`Invalid room name: ${room}`);
}

/** Current merged state of a room; seeds the room (persisting the seed) when it is empty. */
export function getRoomState(room: string): Uint8Array {
  assertRoom(room);
  const m = manager();
  const live = m.rooms.get(room);
  const pending = m.deferred.get(room) ?? [];
  if (live) {
    const state = Y.encodeStateAsUpdate(live.doc);
    return pending.length ? Y.mergeUpdates([state, ...pending]) : state;
  }
  m.ensureSeeded(room);
  return storedState(room);
}

export function getRoomLexicalState(room: string): string {
  return yStateToLexicalState(getRoomState(room));
}

/**
 * Apply a change made on the server. It is appended to y_updates first. Inside an open
 * database transaction (a publish, a proposal taking effect) the in-memory room and the
 * connected clients receive it only after that transaction committed, so a rollback can
 * never leave editors with text that is not on disk.
 */
export function applyServerUpdate(room: string, update: Uint8Array, opts: { personId?: number | null } = {}): void {
  assertRoom(room);
  const m = manager();
  const origin: ServerOrigin = { server: true, personId: opts.personId ?? null };
  const live = m.rooms.get(room);
  if (!inTransaction()) {
    if (live) {
      Y.applyUpdate(live.doc, update, origin);
      return;
    }
    m.ensureSeeded(room);
    appendUpdate(room, update, origin.personId);
    afterOfflineChange(room);
    return;
  }
  if (!live) m.ensureSeeded(room);
  const rowId = appendUpdate(room, update, origin.personId);
  const pending = m.deferred.get(room) ?? [];
  pending.push(update);
  m.deferred.set(room, pending);
  // better-sqlite3 transactions are synchronous: by the time a microtask runs, the
  // transaction that wrote the row has committed or rolled back.
  queueMicrotask(() => {
    const list = m.deferred.get(room);
    if (list) {
      const i = list.indexOf(update);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) m.deferred.delete(room);
    }
    if (!rowExists(rowId)) return;
    const current = m.rooms.get(room);
    if (current) Y.applyUpdate(current.doc, update, PERSISTED_ORIGIN);
    else afterOfflineChange(room);
  });
}

/**
 * Send a notice (published, restored) to every connection of the room. Inside an open
 * transaction it goes out after the commit, and only if `stillTrue()` then holds (so a
 * rollback announces nothing).
 */
export function announce(room: string, notice: RoomNotice, stillTrue: () => boolean = () => true): void {
  assertRoom(room);
  const deliver = () => {
    const live = manager().rooms.get(room);
    if (!live || !stillTrue()) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_NOTICE);
    encoding.writeVarString(encoder, JSON.stringify(notice));
    const message = encoding.toUint8Array(encoder);
    for (const ws of live.conns.keys()) send(ws, message);
  };
  // better-sqlite3 transactions are synchronous: by a microtask the transaction has ended, and
  // the room content of a restore has reached the room (applyServerUpdate's microtask runs first).
  if (inTransaction()) queueMicrotask(deliver);
  else deliver();
}

/** Whether the room's current state includes every update a client's state vector names. */
export function roomHasState(room: string, stateVector: Uint8Array): boolean {
  assertRoom(room);
  let wanted: Map<number, number>;
  try {
    wanted = Y.decodeStateVector(stateVector);
  } catch {
    return false;
  }
  if (wanted.size === 0) return true;
  const live = manager().rooms.get(room);
  const have = Y.decodeStateVector(live ? Y.encodeStateVector(live.doc) : Y.encodeStateVectorFromUpdate(getRoomState(room)));
  for (const [client, clock] of wanted) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Wait until the room holds what a browser had when it posted a form (its Yjs state vector):
 * the edits travel over the websocket, the form over HTTP, and the two may arrive in either
 * order. Resolves false after `timeoutMs` without it.
 */
export async function waitForRoomState(room: string, stateVector: Uint8Array, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (roomHasState(room, stateVector)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function afterOfflineChange(room: string): void {
  const m = manager();
  if (countUpdates(room) > env().COLLAB_COMPACT_AFTER) compactRoom(room);
  try {
    m.derive(room, storedState(room));
  } catch (e) {
    console.error(`collab: deriving ${room} failed`, e);
  }
}

/**
 * Make the room's content equal to `lexicalJson` with an ordinary (incremental) Yjs update,
 * so connected editors continue from the new text. Returns the resulting full state.
 */
export function replaceRoomContent(room: string, lexicalJson: string, opts: { personId?: number | null } = {}): Uint8Array {
  const state = getRoomState(room);
  const update = lexicalReplaceUpdate(state, lexicalJson);
  applyServerUpdate(room, update, opts);
  return Y.mergeUpdates([state, update]);
}

/**
 * Write the derived forms of a room now (normally debounced while people type). Pass the
 * Lexical JSON when you already have it, and your transaction to commit them with your change.
 */
export function flushDerived(room: string, opts: { lexicalJson?: string; tx?: Tx } = {}): void {
  const m = manager();
  m.rooms.get(room)?.clearDirty();
  m.derive(room, opts.lexicalJson ?? getRoomState(room), opts.tx);
}

/** Who is connected to a room with write access, for server-rendered presence hints. */
export function roomParticipants(room: string): { personId: number; name: string; organisation: string; color: string }[] {
  const live = manager().rooms.get(room);
  if (!live) return [];
  const seen = new Map<number, { personId: number; name: string; organisation: string; color: string }>();
  for (const info of live.conns.values()) {
    if (info.access !== "write") continue;
    seen.set(info.actor.id, {
      personId: info.actor.id,
      name: info.actor.name,
      organisation: info.actor.organisationName,
      color: info.actor.organisationColor,
    });
  }
  return [...seen.values()];
}

export function collabMetrics() {
  const m = manager();
  return { ...m.metrics, openRooms: m.rooms.size, connections: [...m.rooms.values()].reduce((n, r) => n + r.conns.size, 0) };
}
