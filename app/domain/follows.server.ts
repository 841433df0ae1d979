// Following a signal, proposal or document: the follower gets that item's notices. Following
// needs read access (checked here), and notify() checks again per notice, so a follower who
// lost access gets nothing.
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { followIn, type FollowType } from "./follows-store.server";
import type { Actor } from "./actor.server";
import { requireReadable } from "./consultation/access.server";
import { requireVisibleDocument } from "./documents/documents.server";
import { loadReadableSignal } from "./signals/access.server";

export type { FollowType };

/** The item's id if the actor may read it (404 otherwise). Documents are addressed by slug. */
function readableItem(actor: Actor, type: FollowType, ref: string): number {
  if (type === "document") return requireVisibleDocument(actor, ref).id;
  const id = Number(ref);
  return type === "signaal" ? loadReadableSignal(getDb(), actor, id).id : requireReadable(actor, id).row.id;
}

export function setFollowing(input: { actor: Actor; type: FollowType; ref: string; follow: boolean }): void {
  const itemId = readableItem(input.actor, input.type, input.ref);
  followIn(getDb(), input.actor.id, input.type, itemId, input.follow);
}

export function isFollowing(personId: number, type: FollowType, itemId: number): boolean {
  return !!getDb()
    .select({ p: schema.follows.personId })
    .from(schema.follows)
    .where(and(eq(schema.follows.personId, personId), eq(schema.follows.itemType, type), eq(schema.follows.itemId, itemId)))
    .get();
}

