// The y-websocket wire protocol on the server side (sync + awareness), with the limits:
// oversized or undecodable messages close the sender's connection only; updates and
// awareness from read-only connections are dropped, never applied or relayed.
import type { WebSocket } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode } from "~/shared/collab";
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  send,
  type ConnInfo,
  type Room,
  manager,
} from "~/collab/rooms.server";
import type { Peer } from "~/collab/types";

export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const malformed = (why: string) => new ProtocolError(CloseCode.malformed, why);

/** First messages to a new connection: our state vector (sync step 1) and who is here. */
export function greet(room: Room, ws: WebSocket): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, room.doc);
  send(ws, encoding.toUint8Array(encoder));
  if (room.awareness.getStates().size > 0) send(ws, room.awarenessMessage());
}

function assertConsumed(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw malformed("trailing bytes");
}

/** Decode fully before applying: a truncated or garbled update must not half-apply. */
function validateUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw malformed("undecodable update");
  }
}

/** Rewrite awareness states so name, colour and organisation come from the session, not the client. */
function stampAwareness(update: Uint8Array, info: ConnInfo): Uint8Array {
  return awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) => {
    if (state === null || typeof state !== "object") return state;
    const s = state as Record<string, unknown>;
    const data = s.awarenessData && typeof s.awarenessData === "object" ? (s.awarenessData as Record<string, unknown>) : {};
    return {
      ...s,
      name: info.actor.name,
      color: info.actor.organisationColor,
      awarenessData: { ...data, personId: info.actor.id, organisation: info.actor.organisationName, readOnly: info.access !== "write" },
    };
  });
}

/**
 * The awareness client ids each connection introduced. An awareness update registers the ids
 * in it that no other connection of the room holds (normally all in its first update); a
 * connection may only change or remove its own ids, so nobody can take over or erase
 * someone else's presence (issue 10, class 5).
 */
const ownedIds = new WeakMap<Peer, Set<number>>();

type AwarenessEntry = { clientID: number; clock: number; state: string };

function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const n = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    JSON.parse(state); // undecodable state: refuse the whole message
    entries.push({ clientID, clock, state });
  }
  assertConsumed(decoder);
  return entries;
}

function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientID);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

/** Keep only the entries for ids this connection owns (registering them on its first update). */
export function ownAwarenessOnly(room: Room, ws: Peer, update: Uint8Array): Uint8Array | null {
  let entries: AwarenessEntry[];
  try {
    entries = decodeAwareness(update);
  } catch {
    throw malformed("undecodable awareness");
  }
  let owned = ownedIds.get(ws);
  if (!owned) ownedIds.set(ws, (owned = new Set()));
  const unowned = entries.filter((e) => !owned.has(e.clientID) && e.state !== "null");
  if (unowned.length) {
    const heldByOthers = new Set<number>();
    for (const other of room.conns.keys()) {
      if (other === ws) continue;
      for (const id of ownedIds.get(other) ?? []) heldByOthers.add(id);
    }
    // A live state introduces an id nobody else holds (a connection's first update, or a
    // reconnect after the old connection left); a null state never claims anything.
    for (const e of unowned) if (!heldByOthers.has(e.clientID)) owned.add(e.clientID);
  }
  const kept = entries.filter((e) => owned.has(e.clientID));
  return kept.length ? encodeAwareness(kept) : null;
}

/** Handle one binary message; throws ProtocolError to close the connection. */
export function handleMessage(room: Room, ws: WebSocket, info: ConnInfo, data: Uint8Array): void {
  if (data.byteLength > room.maxMessageBytes) {
    throw new ProtocolError(CloseCode.tooLarge, "message too large");
  }
  const decoder = decoding.createDecoder(data);
  let type: number;
  try {
    type = decoding.readVarUint(decoder);
  } catch {
    throw malformed("no message type");
  }
  switch (type) {
    case MESSAGE_SYNC:
      return handleSync(room, ws, info, decoder);
    case MESSAGE_AWARENESS: {
      let update: Uint8Array;
      try {
        update = decoding.readVarUint8Array(decoder);
      } catch {
        throw malformed("truncated awareness");
      }
      assertConsumed(decoder);
      if (info.access !== "write") {
        // Read-only presence is not shown to others; answer with the current states so the
        // client's liveness watchdog sees traffic.
        manager().metrics.awarenessDroppedReadOnly += 1;
        send(ws, room.awarenessMessage());
        return;
      }
      const own = ownAwarenessOnly(room, ws, update);
      if (!own) {
        // Only someone else's ids: dropped; the current states keep the client's watchdog fed.
        send(ws, room.awarenessMessage());
        return;
      }
      let stamped: Uint8Array;
      try {
        stamped = stampAwareness(own, info);
      } catch {
        throw malformed("undecodable awareness");
      }
      awarenessProtocol.applyAwarenessUpdate(room.awareness, stamped, ws);
      return;
    }
    case MESSAGE_QUERY_AWARENESS:
      assertConsumed(decoder);
      send(ws, room.awarenessMessage());
      return;
    case MESSAGE_AUTH:
      throw malformed("auth messages are server-to-client only");
    default:
      throw malformed(`unknown message type ${type}`);
  }
}

function handleSync(room: Room, ws: WebSocket, info: ConnInfo, decoder: decoding.Decoder): void {
  let subtype: number;
  let payload: Uint8Array;
  try {
    subtype = decoding.readVarUint(decoder);
    payload = decoding.readVarUint8Array(decoder);
  } catch {
    throw malformed("truncated sync message");
  }
  assertConsumed(decoder);
  switch (subtype) {
    case syncProtocol.messageYjsSyncStep1: {
      let reply: Uint8Array;
      try {
        reply = Y.encodeStateAsUpdate(room.doc, payload);
      } catch {
        throw malformed("undecodable state vector");
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, reply);
      send(ws, encoding.toUint8Array(encoder));
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      if (info.access !== "write") {
        manager().metrics.updatesDroppedReadOnly += 1;
        return;
      }
      validateUpdate(payload);
      try {
        Y.applyUpdate(room.doc, payload, ws);
      } catch {
        throw malformed("update could not be applied");
      }
      return;
    }
    default:
      throw malformed(`unknown sync message ${subtype}`);
  }
}
