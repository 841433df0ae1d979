import { schema, type getDb } from "~/db/client.server";
import { singleton } from "~/utils/singleton.server";

type Writer = Pick<ReturnType<typeof getDb>, "insert">;

/** Built-in types, then the added sources of app/domain/search/source-registry.server.ts. */
export type SearchEntityType = "document" | "draft" | "proposal" | "signal" | "person" | "organisation" | "comments" | "decision" | "register_item" | "opdracht" | "verkenning" | "meeting" | "action" | "draft_comments";

type Listener = () => void;
const listeners = () => singleton<Set<Listener>>("search-outbox-listeners", () => new Set());

/**
 * Record that an entity's search entry must be refreshed. Call it with the transaction of
 * the change itself, so the index can never miss a committed change.
 */
export function enqueueSearch(tx: Writer, entityType: SearchEntityType, entityId: number | string, op: "upsert" | "remove" = "upsert"): void {
  tx.insert(schema.searchOutbox).values({ entityType, entityId: String(entityId), op }).run();
  // Wake the indexer (server/search) right after the current synchronous transaction has
  // committed, instead of at its next poll; a rolled-back row is simply not found.
  for (const fn of listeners()) setTimeout(fn, 0);
}

/** The indexer subscribes here; returns the unsubscribe function. */
export function onSearchEnqueued(fn: Listener): () => void {
  listeners().add(fn);
  return () => listeners().delete(fn);
}
