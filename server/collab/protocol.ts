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
} from "./rooms";

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
      let stamped: Uint8Array;
      try {
        stamped = stampAwareness(update, info);
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
