// Loading a signal with the facts the policy needs (facts.server.ts), and the read rule as a
// SQL condition (policy.server.ts) so lists and counts never show a row the detail page refuses.
import { eq, type SQL } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import type { Actor } from "../actor.server";
import { notFound } from "../errors";
import { signalFacts, signalFactsByIds } from "../facts.server";
import { regieFacts } from "../overleg/facts.server";
import { canReadSignal, readableSignalCondition, type RegieFacts, type SignalFacts } from "../policy.server";

export type { Db, Reader, Tx } from "~/db/client.server";
import type { Reader } from "~/db/client.server";

export type SignalRow = typeof schema.signals.$inferSelect;
/** A signal with its read facts and the regie of its owner keten (who may handle it). */
export type LoadedSignal = SignalRow & SignalFacts & { status: SignalStatus; ownerRegie: RegieFacts };

export function loadSignal(db: Reader, id: number): LoadedSignal | null {
  const row = db.select().from(schema.signals).where(eq(schema.signals.id, id)).get();
  const facts = row ? signalFacts(id, db) : null;
  return row && facts ? { ...row, ketenIds: facts.ketenIds, followerIds: facts.followerIds, ownerRegie: regieFacts(row.ownerKetenId, db) } : null;
}

/** The signal if the actor may read it; otherwise 404 (a ketenpartner must not learn it exists). */
export function loadReadableSignal(db: Reader, actor: Actor, id: number): LoadedSignal {
  const s = Number.isInteger(id) && id > 0 ? loadSignal(db, id) : null;
  if (!s || !canReadSignal(actor, s)) throw notFound("Dit signaal bestaat niet, of u heeft er geen toegang toe.");
  return s;
}

/** Facts for many signals at once (search results, linked signals). */
export function loadFacts(db: Reader, ids: number[]): Map<number, SignalFacts> {
  return signalFactsByIds(ids, db);
}

/** Which of these signal ids the actor may read (for search and cross-feature lists). */
export function readableSignalIds(actor: Actor, ids: number[]): number[] {
  const facts = loadFacts(getDb(), ids);
  return ids.filter((id) => {
    const f = facts.get(id);
    return !!f && canReadSignal(actor, f);
  });
}

/** canReadSignal as a WHERE condition on `signals` (the rule lives in policy.server.ts). */
export const readableCondition: (actor: Actor) => SQL = readableSignalCondition;
