// The follows rows, without any other domain import, so signals, proposals and documents can
// add followers to their notices without an import circle.
import { and, eq } from "drizzle-orm";
import type { getDb} from "~/db/client.server";
import { schema, type Tx } from "~/db/client.server";

export type FollowType = "signaal" | "voorstel" | "document";

/** Also used inside other transactions ("Herken ik" follows the signal). */
export function followIn(tx: Tx | ReturnType<typeof getDb>, personId: number, type: FollowType, itemId: number, follow = true): void {
  if (follow) tx.insert(schema.follows).values({ personId, itemType: type, itemId }).onConflictDoNothing().run();
  else tx.delete(schema.follows).where(and(eq(schema.follows.personId, personId), eq(schema.follows.itemType, type), eq(schema.follows.itemId, itemId))).run();
}

/** Who follows the item; notify() leaves out anyone who may not open its link. */
export function followersOf(tx: Pick<Tx, "select">, type: FollowType, itemId: number): number[] {
  return tx
    .select({ p: schema.follows.personId })
    .from(schema.follows)
    .where(and(eq(schema.follows.itemType, type), eq(schema.follows.itemId, itemId)))
    .all()
    .map((r) => r.p);
}
