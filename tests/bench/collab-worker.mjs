// One load-generator thread of the collaboration benchmark: a share of the headless
// y-websocket clients. The document holds one Lexical paragraph per client ("Client 7: ");
// each client types into its own paragraph the way Lexical does (characters appended to the
// paragraph's Y.XmlText), ~rate times a second, each burst carrying "~c:s:t~" (client,
// sequence, send time). Every receiver records now - t for bursts from others: send → receipt.
//
// Receivers take the initial state (sync step 2) into their doc, but by default only scan
// later messages for the marker (the inserted string travels as plain UTF-8 inside the Yjs
// update) instead of integrating them: on a small machine, 50 clients integrating 12 000
// updates/s would measure the load generator, not the server. Set BENCH_CLIENT_APPLY=1
// (workerData.apply) to integrate everything like a real editor.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import * as Y from "yjs";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** @typedef {{ clients: Array<{ id: number; url: string; cookie?: string; hocuspocus?: string }>; ratePerSecond: number; durationMs: number; apply: boolean }} WorkerInput */
// A client with `hocuspocus: <document name>` speaks Hocuspocus' framing: every message starts
// with the document name, and the first one authenticates (token message, type 2).

/** @type {WorkerInput} */
const input = workerData;
const now = () => performance.timeOrigin + performance.now();
const MARK = /~(\d+):(\d+):(\d+\.\d{3})~/g;

/** @type {number[]} */
let latencies = [];
let measuring = false;
let received = 0;

/** The paragraph (a Y.XmlText embedded in the root) whose text starts with "Client <id>:". */
function ownParagraph(doc, id) {
  const root = doc.get("root", Y.XmlText);
  for (const op of root.toDelta()) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const text = op.insert
      .toDelta()
      .map((d) => (typeof d.insert === "string" ? d.insert : ""))
      .join("");
    if (text.startsWith(`Client ${id}:`)) return op.insert;
  }
  return null;
}

/** An encoder for one message, with Hocuspocus' document-name prefix when the client needs it. */
function frame(spec) {
  const e = encoding.createEncoder();
  if (spec.hocuspocus) encoding.writeVarString(e, spec.hocuspocus);
  return e;
}

/** A decoder positioned at the message type (after Hocuspocus' document name). */
function unframe(spec, bytes) {
  const d = decoding.createDecoder(bytes);
  if (spec.hocuspocus) decoding.readVarString(d);
  return d;
}

/** @param {WorkerInput["clients"][number]} spec */
function connect(spec) {
  return new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const ws = new WebSocket(spec.url, { headers: spec.cookie ? { cookie: spec.cookie } : {}, perMessageDeflate: false });
    ws.binaryType = "arraybuffer";
    const client = { id: spec.id, doc, ws, synced: false, sent: 0, paragraph: null };
    /** Timestamps of other clients' bursts in a received message. */
    const record = (bytes) => {
      if (!measuring) return;
      const at = now();
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
      for (const m of text.matchAll(MARK)) {
        if (Number(m[1]) === spec.id) continue;
        latencies.push(at - Number(m[3]));
        received++;
      }
    };
    doc.on("update", (update, origin) => {
      if (origin === client) return;
      const e = frame(spec);
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(e));
    });
    ws.on("open", () => {
      if (spec.hocuspocus) {
        const auth = frame(spec);
        encoding.writeVarUint(auth, 2); // Auth
        encoding.writeVarUint(auth, 0); // token
        encoding.writeVarString(auth, "bench");
        ws.send(encoding.toUint8Array(auth));
      }
      const e = frame(spec);
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
      ws.send(encoding.toUint8Array(e));
    });
    ws.on("message", (data) => {
      const bytes = new Uint8Array(data);
      if (client.synced) {
        const decoder = unframe(spec, bytes);
        if (decoding.readVarUint(decoder) !== 0) return; // awareness etc.
        record(bytes);
        if (input.apply && decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate) {
          Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), client);
        }
        return;
      }
      const decoder = unframe(spec, bytes);
      if (decoding.readVarUint(decoder) !== 0) return;
      const e = frame(spec);
      encoding.writeVarUint(e, 0);
      const empty = encoding.length(e);
      const type = syncProtocol.readSyncMessage(decoder, e, doc, client);
      if (encoding.length(e) > empty) ws.send(encoding.toUint8Array(e));
      if (type === syncProtocol.messageYjsSyncStep2 && !client.synced) {
        client.paragraph = ownParagraph(doc, spec.id);
        if (!client.paragraph) return reject(new Error(`no paragraph for client ${spec.id} in ${spec.url}`));
        client.synced = true;
        resolve(client);
      }
    });
    ws.on("error", reject);
    ws.on("close", (code) => {
      if (!client.synced) reject(new Error(`closed ${code} before sync`));
    });
  });
}

async function main() {
  const clients = await Promise.all(input.clients.map(connect));
  parentPort.postMessage({ type: "ready" });
  // Each "go" message starts one round of typing; "stop" ends the worker.
  parentPort.on("message", async (m) => {
    if (m.type === "stop") {
      for (const c of clients) c.ws.close();
      parentPort.postMessage({ type: "stopped" });
      return;
    }
    latencies = [];
    received = 0;
    for (const c of clients) c.sent = 0;
    measuring = true;
    const interval = 1000 / input.ratePerSecond;
    const end = now() + m.durationMs;
    const timers = [];
    for (const c of clients) {
      // Spread the clients' bursts over the interval so the load is even, with some jitter.
      const tick = () => {
        if (now() >= end) return;
        const p = c.paragraph;
        p.insert(p.length, `~${c.id}:${c.sent++}:${now().toFixed(3)}~ `);
        timers.push(setTimeout(tick, interval * (0.8 + Math.random() * 0.4)));
      };
      timers.push(setTimeout(tick, Math.random() * interval));
    }
    await new Promise((r) => setTimeout(r, m.durationMs + 1500));
    measuring = false;
    timers.forEach(clearTimeout);
    parentPort.postMessage({
      type: "done",
      latencies: Float64Array.from(latencies),
      sentBy: Object.fromEntries(clients.map((c) => [c.id, c.sent])),
      received,
    });
  });
}

main().catch((e) => {
  parentPort.postMessage({ type: "error", message: String(e?.stack ?? e) });
});
