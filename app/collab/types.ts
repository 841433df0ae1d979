import type { Actor } from "~/domain/actor.server";
import type { Tx } from "~/db/client.server";
import type { RoomKind } from "~/shared/collab";
import type { DerivedForms } from "./derived.server";

export type { Tx };

export type RoomAccess = "write" | "read";

/**
 * What a kind of room (documents, proposals) tells the collaboration server.
 * - authorize: the access of a signed-in person, decided by app/domain/policy.server.ts;
 *   null refuses the connection (403).
 * - initialState: a full Yjs update to seed the room with when it has no stored updates yet
 *   (built on the server with a headless editor, so no client ever bootstraps content).
 * - onDerived (optional): runs in the transaction that stores new derived forms of the room,
 *   e.g. to enqueue the draft for the search index.
 */
export type RoomKindHandlers = {
  authorize(actor: Actor, id: number): RoomAccess | null;
  initialState(id: number): Uint8Array | null;
  onDerived?(id: number, tx: Tx, forms: DerivedForms): void;
};

export type { RoomKind };

/**
 * A connection as the store sees it: something to send Yjs/awareness messages to and to
 * close. The transport (server/collab) hands in its websocket; the store never imports ws.
 */
export type Peer = {
  readonly readyState: number;
  readonly OPEN: number;
  send(message: Uint8Array): void;
  close(code?: number, reason?: string): void;
};
