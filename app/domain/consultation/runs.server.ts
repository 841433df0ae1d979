// Idempotency for scheduled work: a key per piece of work, inserted in the transaction that
// does the work. A second attempt (another pass, a restarted server) finds the key and stops.
import { schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import type { Tx } from "./access.server";

/** Claim a piece of scheduled work; false when it already ran (in this or an earlier process). */
export function claimRun(tx: Tx, key: string): boolean {
  return tx.insert(schema.scheduledRuns).values({ key, ranAt: nowIso() }).onConflictDoNothing().run().changes === 1;
}
