// A bare y-websocket relay for comparison: one Y.Doc + awareness per room, sync and
// awareness exactly as y-websocket's own server does it, no authentication, no
// persistence, no limits. Run: `npx tsx tests/bench/reference-relay.ts [port]`; prints
// "relay listening on <port>".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

type Room = { doc: Y.Doc; awareness: awarenessProtocol.Awareness; conns: Map<WebSocket, Set<number>> };
const rooms = new Map<string, Room>();

function send(ws: WebSocket, m: Uint8Array) {
  if (ws.readyState === ws.OPEN) ws.send(m);
}

function room(name: string): Room {
  const r = rooms.get(name);
  if (r) return r;
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const created: Room = { doc, awareness, conns: new Map() };
  doc.on("update", (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    const m = encoding.toUint8Array(e);
    for (const ws of created.conns.keys()) send(ws, m);
  });
  awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const changed = [...added, ...updated, ...removed];
    const ids = created.conns.get(origin as WebSocket);
    if (ids) {
      for (const id of [...added, ...updated]) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
    const m = encoding.toUint8Array(e);
    for (const ws of created.conns.keys()) send(ws, m);
  });
  rooms.set(name, created);
  return created;
}

export async function startReferenceRelay(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.end("relay"));
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on("connection", (ws, req) => {
    const r = room((req.url ?? "/").slice(1));
    r.conns.set(ws, new Set());
    ws.binaryType = "arraybuffer";
    ws.on("message", (data: ArrayBuffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const encoder = encoding.createEncoder();
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        encoding.writeVarUint(encoder, 0);
        syncProtocol.readSyncMessage(decoder, encoder, r.doc, ws);
        if (encoding.length(encoder) > 1) send(ws, encoding.toUint8Array(encoder));
      } else if (type === 1) {
        awarenessProtocol.applyAwarenessUpdate(r.awareness, decoding.readVarUint8Array(decoder), ws);
      }
    });
    ws.on("close", () => {
      const ids = r.conns.get(ws);
      r.conns.delete(ws);
      if (ids?.size) awarenessProtocol.removeAwarenessStates(r.awareness, [...ids], null);
    });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, r.doc);
    send(ws, encoding.toUint8Array(e));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

const direct = process.argv[1] && /reference-relay\.ts$/.test(process.argv[1]);
if (direct) {
  const relay = await startReferenceRelay(Number(process.argv[2] ?? 0));
  console.log(`relay listening on ${relay.port}`);
}
