// Node clients for the collaboration server, used by the collab tests and the benchmark:
// - RawClient speaks y-protocols directly over `ws` (so a test can craft any message);
// - editorClient() is a y-websocket WebsocketProvider with a headless Lexical editor bound
//   to its Y.Doc, i.e. what a browser tab does, minus the DOM.
import http from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebsocketProvider } from "y-websocket";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { bindHeadless, type HeadlessCollab } from "~/editor/headless.server";
import { lexicalStateToText } from "~/editor/convert.server";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

/** An http server with only the collab upgrade handler (in-process tests). */
export async function startCollabHttp(): Promise<{ url: string; server: http.Server; close: () => Promise<void> }> {
  const { handleUpgrade } = await import("../../server/collab/upgrade");
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on("upgrade", handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Try an upgrade and report the HTTP status of a refusal (or 101 when it was accepted). */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", (e) => {
      if (!/Unexpected server response/.test(String(e))) reject(e);
    });
  });
}

export type Closed = { code: number; reason: string };

/** A client that speaks the y-websocket protocol by hand. */
export class RawClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ws: WebSocket;
  readonly closed: Promise<Closed>;
  synced: Promise<void>;
  messages = 0;
  private resolveSynced!: () => void;

  constructor(url: string, cookie?: string) {
    this.awareness.setLocalState(null);
    this.synced = new Promise((r) => (this.resolveSynced = r));
    this.ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    this.ws.binaryType = "arraybuffer";
    this.closed = new Promise((resolve) => this.ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
    this.ws.on("open", () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on("message", (data: ArrayBuffer) => this.onMessage(new Uint8Array(data)));
    this.ws.on("error", () => {});
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sendUpdate(update);
    });
  }

  private onMessage(data: Uint8Array): void {
    this.messages++;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      const sub = syncProtocol.readSyncMessage(decoder, e, this.doc, this);
      if (sub === syncProtocol.messageYjsSyncStep2) this.resolveSynced();
      if (encoding.length(e) > 1) this.ws.send(encoding.toUint8Array(e));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  open(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("close", (code) => reject(new Error(`closed ${code}`)));
    });
  }

  send(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  sendUpdate(update: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(e));
  }

  sendAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.ws.send(encoding.toUint8Array(e));
  }

  /** The Lexical text of this client's copy of the document. */
  text(): string {
    return docText(this.doc);
  }

  close(): void {
    this.ws.close();
  }
}

/** Plain text of the Lexical content of a Y.Doc. */
export function docText(doc: Y.Doc): string {
  const copy = new Y.Doc();
  const h = bindHeadless(copy);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const text = lexicalStateToText(h.toJSON());
  h.destroy();
  copy.destroy();
  return text;
}

/** The Yjs update that appends a paragraph to a doc's Lexical content (computed, not applied). */
export function appendParagraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  const h = bindHeadless(copy);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  h.flush();
  const before = Y.encodeStateVector(copy);
  h.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
  const update = Y.encodeStateAsUpdate(copy, before);
  h.destroy();
  copy.destroy();
  return update;
}

/** A `ws` class that sends our session cookie, for WebsocketProvider's WebSocketPolyfill. */
export function cookieWebSocket(cookie: string): typeof WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  } as unknown as typeof WebSocket;
}

export type EditorClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  headless: HeadlessCollab;
  /** Append a paragraph through the Lexical editor (synced to Yjs, sent by the provider). */
  type: (text: string) => void;
  text: () => string;
  paragraphs: () => string[];
  destroy: () => void;
};

/** A y-websocket client with a headless Lexical editor bound to its doc: a browser tab without the DOM. */
export function editorClient(serverUrl: string, room: string, cookie: string, opts: { maxBackoffTime?: number } = {}): EditorClient {
  const doc = new Y.Doc();
  const headless = bindHeadless(doc);
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: opts.maxBackoffTime ?? 500,
  });
  const text = () => {
    headless.flush();
    return lexicalStateToText(JSON.stringify(headless.editor.getEditorState().toJSON()));
  };
  return {
    doc,
    provider,
    headless,
    type: (t: string) => {
      headless.flush();
      headless.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(t))), { discrete: true });
    },
    text,
    paragraphs: () => text().split("\n"),
    destroy: () => {
      provider.destroy();
      headless.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Log in over HTTP like a browser does (CSRF cookie + token, then POST /login); returns the Cookie header. */
export async function loginCookie(baseURL: string, email: string, password = "demo"): Promise<string> {
  const page = await fetch(`${baseURL}/login`);
  const csrfCookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("kp_csrf="));
  const html = await page.text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrfCookie || !token) throw new Error("no CSRF token on /login");
  const res = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrf: token, email, password, redirectTo: "/" }).toString(),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("kp_session="));
  if (res.status !== 302 || !session) throw new Error(`login of ${email} failed with ${res.status}`);
  return session;
}

/** Read a room's stored state straight from a portal's SQLite file (e.g. after the server was killed). */
export async function storedRoomText(dataDir: string, room: string): Promise<string> {
  const { default: Database } = await import("better-sqlite3");
  const path = await import("node:path");
  const db = new Database(path.join(dataDir, "ketenportaal.db"), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select "update" as u from y_updates where room = ? order by id').all(room) as { u: Buffer }[];
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.u));
    return docText(doc);
  } finally {
    db.close();
  }
}

/** A document's id by slug, read from a portal's SQLite file. */
export async function documentIdBySlug(dataDir: string, slug: string): Promise<number> {
  const { default: Database } = await import("better-sqlite3");
  const path = await import("node:path");
  const db = new Database(path.join(dataDir, "ketenportaal.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select id from documents where slug = ?").get(slug) as { id: number } | undefined;
    if (!row) throw new Error(`no document ${slug}`);
    return row.id;
  } finally {
    db.close();
  }
}
