// Rooms in memory: one Y.Doc + awareness per open room, loaded from SQLite on first
// connect and unloaded when the last connection leaves. Like Hocuspocus' Document, a room
// knows its connections only as peers to send to (types.ts#Peer); sockets, the upgrade and
// incoming messages are the transport's (server/collab). The manager is a process-wide
// singleton (see app/utils/singleton.server.ts for why).
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import type { Actor } from "~/domain/actor.server";
import { parseRoom, CloseCode } from "~/shared/collab";
import { env } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import { bindHeadless, type HeadlessCollab } from "~/editor/headless.server";
import { writeDerived } from "./derived.server";
import { roomKinds } from "./kinds.server";
import { appendUpdate, compactRoom, countUpdates, loadUpdates } from "./persistence.server";
import type { Peer, RoomAccess, RoomKind, RoomKindHandlers, Tx } from "./types";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Origins of doc transactions that must not be written to y_updates again. */
export const LOAD_ORIGIN = Symbol("collab-load");
export const PERSISTED_ORIGIN = Symbol("collab-persisted");
/** A server-side change (restore, publish of a proposal's text) by this person. */
export type ServerOrigin = { server: true; personId: number | null };

export type ConnInfo = {
  actor: Actor;
  access: RoomAccess;
  sessionId: string | null;
  /** Awareness client ids this connection controls, removed when it closes. */
  clientIds: Set<number>;
  alive: boolean;
};

export const DERIVE_DEBOUNCE_MS = 1500;
export const DERIVE_MAX_WAIT_MS = 10_000;

export type CollabMetrics = {
  updatesPersisted: number;
  updatesDroppedReadOnly: number;
  awarenessDroppedReadOnly: number;
  compactions: number;
  closes: Record<string, number>;
};

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Map<Peer, ConnInfo>();
  readonly kind: RoomKind | null;
  readonly id: number;
  /** Read once per room, when it opens. */
  readonly maxMessageBytes: number;
  private readonly compactAfter: number;
  private rowCount: number;
  private dirtySince: number | null = null;
  private lastChangeAt = 0;
  private maxWaitAt = 0;
  private deriveTimer: NodeJS.Timeout | null = null;
  private compactScheduled = false;
  /**
   * A headless editor on a copy of the doc, brought up to date only when deriving (from the
   * updates collected since), so a derive costs what changed, not a rebuild of the document.
   */
  private shadow: { doc: Y.Doc; headless: HeadlessCollab } | null = null;
  unloaded = false;

  constructor(
    private readonly manager: CollabManager,
    readonly name: string,
  ) {
    const parsed = parseRoom(name);
    const config = env();
    this.maxMessageBytes = config.COLLAB_MAX_MESSAGE_BYTES;
    this.compactAfter = config.COLLAB_COMPACT_AFTER;
    this.kind = parsed?.kind ?? null;
    this.id = parsed?.id ?? 0;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it relays awareness but has none itself.
    this.awareness.setLocalState(null);
    const rows = manager.ensureSeeded(name);
    this.rowCount = rows.length;
    this.doc.transact(() => {
      for (const r of rows) Y.applyUpdate(this.doc, r);
    }, LOAD_ORIGIN);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  private personOf(origin: unknown): number | null {
    if (origin && typeof origin === "object" && "server" in origin) return (origin as ServerOrigin).personId;
    const info = this.conns.get(origin as Peer);
    return info ? info.actor.id : null;
  }

  /** Persist first (same tick, synchronous), then broadcast: nothing is seen that is not on disk. */
  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== LOAD_ORIGIN && origin !== PERSISTED_ORIGIN) {
      try {
        appendUpdate(this.name, update, this.personOf(origin));
      } catch (e) {
        // Memory is now ahead of disk. Drop the room: every client still holds its edits and
        // sends them again when it reconnects, so nothing is lost.
        console.error(`collab: persisting an update for ${this.name} failed`, e);
        this.manager.unload(this, CloseCode.goingAway, "Opslag tijdelijk niet beschikbaar");
        return;
      }
      this.manager.metrics.updatesPersisted += 1;
    }
    this.rowCount += 1;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const ws of this.conns.keys()) if (ws !== origin) send(ws, message);
    this.markDirty();
    if (this.rowCount > this.compactAfter) this.scheduleCompaction();
  };

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const info = this.conns.get(origin as Peer);
    if (info) {
      for (const id of added) info.clientIds.add(id);
      for (const id of updated) info.clientIds.add(id);
      for (const id of removed) info.clientIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (!changed.length) return;
    const message = this.awarenessMessage(changed);
    // Echo to the sender too: y-websocket uses incoming messages as its liveness signal.
    for (const ws of this.conns.keys()) send(ws, message);
  };

  awarenessMessage(clients: number[] = [...this.awareness.getStates().keys()]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  /**
   * Trailing debounce with a maximum wait, without a new timer per update: the one timer
   * re-arms itself for the remainder when changes kept coming in the meantime.
   */
  private markDirty(): void {
    const now = Date.now();
    this.lastChangeAt = now;
    if (this.dirtySince === null) {
      this.dirtySince = now;
      // A little jitter keeps rooms that started together from deriving in the same tick.
      this.maxWaitAt = now + DERIVE_MAX_WAIT_MS * (0.85 + Math.random() * 0.3);
    }
    if (!this.deriveTimer) this.armDeriveTimer(DERIVE_DEBOUNCE_MS);
  }

  private armDeriveTimer(ms: number): void {
    this.deriveTimer = setTimeout(() => {
      this.deriveTimer = null;
      if (this.dirtySince === null) return;
      const now = Date.now();
      const due = Math.min(this.lastChangeAt + DERIVE_DEBOUNCE_MS, this.maxWaitAt);
      if (now < due) this.armDeriveTimer(due - now);
      else this.manager.queueDerive(this);
    }, ms);
    this.deriveTimer.unref();
  }

  /** The current content as serialized Lexical JSON, via the incrementally updated shadow editor. */
  lexicalJson(): string {
    try {
      if (!this.shadow) {
        const doc = new Y.Doc();
        this.shadow = { doc, headless: bindHeadless(doc) };
      }
      // Only what the shadow lacks, computed from the state vectors (one compact update).
      Y.applyUpdate(this.shadow.doc, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.shadow.doc)));
      return this.shadow.headless.toJSON();
    } catch (e) {
      // Never let a bad shadow stick: rebuild from the live doc next time.
      this.dropShadow();
      throw e;
    }
  }

  private dropShadow(): void {
    if (!this.shadow) return;
    this.shadow.headless.destroy();
    this.shadow.doc.destroy();
    this.shadow = null;
  }

  /** Write the derived forms now if anything changed since the last write. */
  deriveNow(): void {
    if (this.deriveTimer) clearTimeout(this.deriveTimer);
    this.deriveTimer = null;
    if (this.dirtySince === null) return;
    this.dirtySince = null;
    try {
      this.manager.derive(this.name, this.lexicalJson());
    } catch (e) {
      console.error(`collab: deriving ${this.name} failed`, e);
    }
  }

  /** Forget pending derive work (the caller derives right away itself). */
  clearDirty(): void {
    if (this.deriveTimer) clearTimeout(this.deriveTimer);
    this.deriveTimer = null;
    this.dirtySince = null;
  }

  private scheduleCompaction(): void {
    if (this.compactScheduled) return;
    this.compactScheduled = true;
    setImmediate(() => {
      this.compactScheduled = false;
      if (this.unloaded) return;
      try {
        // The live doc holds every stored row (rows are appended before they are applied
        // elsewhere, and deferred server updates have been applied by now).
        compactRoom(this.name, Y.encodeStateAsUpdate(this.doc));
        this.rowCount = 1;
        this.manager.metrics.compactions += 1;
      } catch (e) {
        console.error(`collab: compacting ${this.name} failed`, e);
      }
    });
  }

  destroy(): void {
    this.unloaded = true;
    this.deriveNow();
    if (this.deriveTimer) clearTimeout(this.deriveTimer);
    this.dropShadow();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function send(ws: Peer, message: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  try {
    ws.send(message);
  } catch {
    // A socket that fails to send is closed by its own error handler.
  }
}

export class CollabManager {
  /** The explicit list of room kinds (kinds.server.ts). */
  readonly kinds: Readonly<Record<RoomKind, RoomKindHandlers>> = roomKinds;
  readonly rooms = new Map<string, Room>();
  /** Server updates persisted inside a still-open transaction, applied to memory after commit. */
  readonly deferred = new Map<string, Uint8Array[]>();
  readonly metrics: CollabMetrics = {
    updatesPersisted: 0,
    updatesDroppedReadOnly: 0,
    awarenessDroppedReadOnly: 0,
    compactions: 0,
    closes: {},
  };

  kindOf(room: string): RoomKindHandlers | null {
    const parsed = parseRoom(room);
    return parsed ? (this.kinds[parsed.kind] ?? null) : null;
  }

  /** The stored rows of a room, seeding it first (one snapshot row) when it has none. */
  ensureSeeded(room: string): Uint8Array[] {
    const rows = loadUpdates(room);
    if (rows.length) return rows;
    const parsed = parseRoom(room);
    const seed = parsed ? this.kindOf(room)?.initialState(parsed.id) : null;
    if (!seed) return [];
    appendUpdate(room, seed, null, "snapshot");
    return [seed];
  }

  open(room: string): Room {
    let r = this.rooms.get(room);
    if (!r) {
      r = new Room(this, room);
      this.rooms.set(room, r);
    }
    return r;
  }

  unload(room: Room, code: number = CloseCode.goingAway, reason = ""): void {
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    for (const ws of [...room.conns.keys()]) {
      room.conns.delete(ws);
      ws.close(code, reason);
    }
    room.destroy();
  }

  derive(room: string, source: Y.Doc | Uint8Array | string, tx?: Tx): void {
    const parsed = parseRoom(room);
    const hook = parsed ? this.kindOf(room)?.onDerived : undefined;
    writeDerived(room, source, hook && parsed ? (t, forms) => hook(parsed.id, t, forms) : undefined, tx);
  }

  private deriveQueue = new Set<Room>();
  private draining = false;

  /** Derive rooms one per event-loop turn, so incoming messages are handled in between. */
  queueDerive(room: Room): void {
    this.deriveQueue.add(room);
    if (this.draining) return;
    this.draining = true;
    const next = () => {
      const [first] = this.deriveQueue;
      if (!first) {
        this.draining = false;
        return;
      }
      this.deriveQueue.delete(first);
      if (!first.unloaded) first.deriveNow();
      setImmediate(next);
    };
    setImmediate(next);
  }

  countClose(code: number): void {
    this.metrics.closes[code] = (this.metrics.closes[code] ?? 0) + 1;
  }

  storedRowCount(room: string): number {
    return countUpdates(room);
  }
}

export function manager(): CollabManager {
  return singleton("collab:manager", () => new CollabManager());
}
