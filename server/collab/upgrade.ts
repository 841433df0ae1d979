// Authentication and authorisation of the websocket upgrade, then the connection's
// lifecycle. Refusals are plain HTTP responses written on the socket before upgrading:
// 401 without a valid session, 403 without rights (decided by the room kind, which asks
// app/domain/policy.server.ts), 404 for an unknown room path.
import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { removeAwarenessStates } from "y-protocols/awareness";
import { actorForSession } from "~/domain/auth.server";
import { CloseCode, parseRoom, roomFromPath } from "~/shared/collab";
import { SESSION_COOKIE, parseCookies } from "~/http/cookies.server";
import { env } from "~/utils/env.server";
import { greet, handleMessage, ProtocolError } from "./protocol";
import { roomKinds } from "~/collab/kinds.server";
import { manager, type ConnInfo, type Room } from "~/collab/rooms.server";
import type { RoomKindHandlers } from "~/collab/types";

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};

function refuse(socket: Duplex, status: 400 | 401 | 403 | 404, body: string): void {
  const payload = Buffer.from(body, "utf8");
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${payload.length}\r\n` +
      "Connection: close\r\n\r\n" +
      payload.toString("utf8"),
  );
}

/** Frames above this are cut off by ws itself (close 1009); below it we answer with 4413. */
export function hardFrameLimit(): number {
  return Math.max(env().COLLAB_MAX_MESSAGE_BYTES * 4, 1024 * 1024);
}

// Only the Node entry handles upgrades, so ordinary module state suffices (no singleton).
let server: WebSocketServer | null = null;
function wss(): WebSocketServer {
  server ??= new WebSocketServer({ noServer: true, maxPayload: hardFrameLimit(), perMessageDeflate: false });
  return server;
}

/** Browsers always send Origin; a page on another site must not ride on our session cookie. */
function crossOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

export function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => socket.destroy());
  let pathname: string;
  try {
    pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return refuse(socket, 400, "Ongeldig adres.");
  }
  const room = roomFromPath(pathname);
  const parsed = room ? parseRoom(room) : null;
  if (!room || !parsed) return refuse(socket, 404, "Dit document bestaat niet.");
  if (crossOrigin(req)) return refuse(socket, 403, "Verbinding vanaf een andere website is niet toegestaan.");
  const sessionId = parseCookies(req.headers.cookie ?? null)[SESSION_COOKIE] ?? null;
  const actor = actorForSession(sessionId);
  if (!actor) return refuse(socket, 401, "Log in om dit document te openen.");
  const kind = roomKinds[parsed.kind];
  if (!kind) return refuse(socket, 404, "Dit document bestaat niet.");
  let access;
  try {
    access = kind.authorize(actor, parsed.id);
  } catch (e) {
    console.error("collab: authorize failed", e);
    access = null;
  }
  if (!access) return refuse(socket, 403, "U heeft geen toegang tot dit document.");
  const granted = access;
  wss().handleUpgrade(req, socket, head, (ws) => {
    connect(ws, room, { actor, access: granted, sessionId, clientIds: new Set(), alive: true });
  });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function closeConnection(ws: WebSocket, code: number, reason: string): void {
  manager().countClose(code);
  try {
    ws.close(code, reason);
  } catch {
    ws.terminate();
  }
}

/** Attach an accepted socket to its room (tests use this to connect without HTTP). */
export function connect(ws: WebSocket, roomName: string, info: ConnInfo): void {
  const m = manager();
  let room;
  try {
    room = m.open(roomName);
  } catch (e) {
    console.error(`collab: opening ${roomName} failed`, e);
    closeConnection(ws, CloseCode.goingAway, "Document kon niet worden geladen");
    return;
  }
  room.conns.set(ws, info);
  ws.on("pong", () => {
    info.alive = true;
  });
  ws.on("message", (data, isBinary) => {
    if (room.unloaded) return;
    if (!isBinary) {
      closeConnection(ws, CloseCode.malformed, "Alleen binaire berichten");
      return;
    }
    try {
      handleMessage(room, ws, info, toBytes(data));
    } catch (e) {
      const code = e instanceof ProtocolError ? e.code : CloseCode.malformed;
      if (!(e instanceof ProtocolError)) console.error(`collab: message in ${roomName} failed`, e);
      closeConnection(ws, code, code === CloseCode.tooLarge ? "Bericht te groot" : "Ongeldig bericht");
    }
  });
  ws.on("error", () => ws.terminate());
  ws.on("close", () => disconnect(roomName, ws));
  greet(room, ws);
}

function disconnect(roomName: string, ws: WebSocket): void {
  const m = manager();
  const room = m.rooms.get(roomName);
  if (!room) return;
  const info = room.conns.get(ws);
  if (!info) return;
  room.conns.delete(ws);
  removeAwareness(room, info);
  if (room.conns.size === 0) m.unload(room, CloseCode.normal);
}

function removeAwareness(room: Room, info: ConnInfo): void {
  if (!info.clientIds.size) return;
  const ids = [...info.clientIds];
  info.clientIds.clear();
  removeAwarenessStates(room.awareness, ids, null);
}

/**
 * Liveness and rights of one connection: a dead socket (no pong since the last check) is
 * terminated; a session that ended closes with 4401, withdrawn rights with 4403, write
 * downgraded to read.
 */
function checkConnection(room: Room, kind: RoomKindHandlers | null, ws: WebSocket, info: ConnInfo): void {
  if (!info.alive) {
    ws.terminate();
    return;
  }
  info.alive = false;
  try {
    ws.ping();
  } catch {
    ws.terminate();
    return;
  }
  const actor = actorForSession(info.sessionId);
  if (!actor) {
    closeConnection(ws, CloseCode.unauthorized, "Sessie verlopen");
    return;
  }
  const access = kind?.authorize(actor, room.id) ?? null;
  if (!access) {
    closeConnection(ws, CloseCode.forbidden, "Geen toegang meer");
    return;
  }
  info.actor = actor;
  if (access !== info.access) {
    info.access = access;
    if (access === "read") removeAwareness(room, info);
  }
}

/** Every connection at once (tests; the service spreads the same work with sweepSlice). */
export function sweepConnections(): void {
  const m = manager();
  for (const room of [...m.rooms.values()]) {
    const kind = m.kindOf(room.name);
    // Every peer in a room was added by connect() above, so it is one of our sockets.
    for (const [peer, info] of [...room.conns]) checkConnection(room, kind, peer as WebSocket, info);
  }
}

/**
 * The periodic re-check spread over the period: each call checks the connections whose turn it
 * is (1/slices of them, round robin), so with 1,500 connections a tick costs a few
 * milliseconds instead of one stall of a second, and every connection is still checked once
 * per period. Connections opened since the last full round wait at most one period, as before.
 */
const sweepQueue: Array<{ room: Room; ws: WebSocket }> = [];
let sweepPerTick = 0;
export function sweepSlice(slices: number): void {
  const m = manager();
  if (sweepQueue.length === 0) {
    for (const room of m.rooms.values()) for (const peer of room.conns.keys()) sweepQueue.push({ room, ws: peer as WebSocket });
    sweepPerTick = Math.ceil(sweepQueue.length / slices);
  }
  const batch = sweepQueue.splice(0, sweepPerTick);
  for (const { room, ws } of batch) {
    const info = room.conns.get(ws);
    if (!info || room.unloaded || m.rooms.get(room.name) !== room) continue;
    checkConnection(room, m.kindOf(room.name), ws, info);
  }
}
