// Loading the facts the policy needs, and the same rule as a SQL condition so lists and
// counts never show a row the detail page would refuse (tested against canReadSignal).
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import type { Actor } from "../actor.server";
import { notFound } from "../errors";
import { canReadSignal, type SignalFacts } from "../policy.server";

export type { Db, Reader, Tx } from "~/db/client.server";
import type { Reader } from "~/db/client.server";

export type SignalRow = typeof schema.signals.$inferSelect;
export type LoadedSignal = SignalRow & SignalFacts & { status: SignalStatus };

export function loadSignal(db: Reader, id: number): LoadedSignal | null {
  const row = db.select().from(schema.signals).where(eq(schema.signals.id, id)).get();
  if (!row) return null;
  const ketenIds = db
    .select({ id: schema.signalKetens.ketenId })
    .from(schema.signalKetens)
    .where(eq(schema.signalKetens.signalId, id))
    .all()
    .map((r) => r.id);
  const followerIds = db
    .select({ id: schema.signalFollowers.personId })
    .from(schema.signalFollowers)
    .where(eq(schema.signalFollowers.signalId, id))
    .all()
    .map((r) => r.id);
  return { ...row, ketenIds, followerIds };
}

/** The signal if the actor may read it; otherwise 404 (a ketenpartner must not learn it exists). */
export function loadReadableSignal(db: Reader, actor: Actor, id: number): LoadedSignal {
  const s = Number.isInteger(id) && id > 0 ? loadSignal(db, id) : null;
  if (!s || !canReadSignal(actor, s)) throw notFound("Dit signaal bestaat niet, of u heeft er geen toegang toe.");
  return s;
}

/** Facts for many signals at once (search results, linked signals). */
export function loadFacts(db: Reader, ids: number[]): Map<number, SignalFacts> {
  const out = new Map<number, SignalFacts>();
  if (!ids.length) return out;
  const rows = db
    .select({
      id: schema.signals.id,
      reporterId: schema.signals.reporterId,
      reporterOrganisationId: schema.signals.reporterOrganisationId,
      ownerKetenId: schema.signals.ownerKetenId,
    })
    .from(schema.signals)
    .where(inArray(schema.signals.id, ids))
    .all();
  for (const r of rows) out.set(r.id, { ...r, ketenIds: [], followerIds: [] });
  for (const k of db.select().from(schema.signalKetens).where(inArray(schema.signalKetens.signalId, ids)).all()) out.get(k.signalId)?.ketenIds.push(k.ketenId);
  for (const f of db.select().from(schema.signalFollowers).where(inArray(schema.signalFollowers.signalId, ids)).all()) out.get(f.signalId)?.followerIds.push(f.personId);
  return out;
}

/** Which of these signal ids the actor may read (for search and cross-feature lists). */
export function readableSignalIds(actor: Actor, ids: number[]): number[] {
  const facts = loadFacts(getDb(), ids);
  return ids.filter((id) => {
    const f = facts.get(id);
    return !!f && canReadSignal(actor, f);
  });
}

/** canReadSignal as a WHERE condition on `signals`. */
export function readableCondition(actor: Actor): SQL {
  if (actor.organisationKind !== "ketenpartner") return sql`1 = 1`;
  const s = schema.signals;
  const member = actor.memberKetenIds.length
    ? sql`exists (select 1 from signal_ketens sk where sk.signal_id = ${s.id} and sk.keten_id in (${sql.join(
        actor.memberKetenIds.map((k) => sql`${k}`),
        sql`, `,
      )}))`
    : sql`0 = 1`;
  return sql`(${s.reporterId} = ${actor.id}
    or ${s.reporterOrganisationId} = ${actor.organisationId}
    or exists (select 1 from signal_followers sf where sf.signal_id = ${s.id} and sf.person_id = ${actor.id})
    or ${member})`;
}
