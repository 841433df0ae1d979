import { schema, type getDb } from "~/db/client.server";

type Writer = Pick<ReturnType<typeof getDb>, "insert">;

export type SearchEntityType = "document" | "draft" | "proposal" | "signal" | "person" | "organisation";

/**
 * Record that an entity's search entry must be refreshed. Call it with the transaction of
 * the change itself, so the index can never miss a committed change.
 */
export function enqueueSearch(tx: Writer, entityType: SearchEntityType, entityId: number | string, op: "upsert" | "remove" = "upsert"): void {
  tx.insert(schema.searchOutbox).values({ entityType, entityId: String(entityId), op }).run();
}
