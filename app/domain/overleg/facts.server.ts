// The facts the overleg read/edit rules need (policy.server.ts), loaded in one place so the
// detail pages, the room kind, the scheduler and the tests use the same ones.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Reader } from "~/db/client.server";
import type { OverlegFacts, RegieFacts, RegisterFacts } from "../policy.server";

export function regieFacts(ketenId: number, db: Reader = getDb()): RegieFacts {
  const r = db.select().from(schema.ketenRegie).where(eq(schema.ketenRegie.ketenId, ketenId)).get();
  return { ketenId, deputyId: r?.deputyId ?? null, standIn: !!r?.standIn };
}

/** The ketens for which this person is the deputy regisseur and set as stand-in right now. */
export function standInKetenIds(personId: number, db: Reader = getDb()): number[] {
  return db
    .select({ ketenId: schema.ketenRegie.ketenId })
    .from(schema.ketenRegie)
    .where(and(eq(schema.ketenRegie.deputyId, personId), eq(schema.ketenRegie.standIn, true)))
    .all()
    .map((r) => r.ketenId);
}

export function overlegFactsByIds(ids: readonly number[], db: Reader = getDb()): Map<number, OverlegFacts> {
  const out = new Map<number, OverlegFacts>();
  if (!ids.length) return out;
  const rows = db.select().from(schema.overleggen).where(inArray(schema.overleggen.id, [...ids])).all();
  const people = db.select().from(schema.overlegPeople).where(inArray(schema.overlegPeople.overlegId, [...ids])).all();
  const orgs = db.select().from(schema.overlegOrganisations).where(inArray(schema.overlegOrganisations.overlegId, [...ids])).all();
  const regie = new Map<number, RegieFacts>();
  for (const o of rows) {
    if (!regie.has(o.ketenId)) regie.set(o.ketenId, regieFacts(o.ketenId, db));
    out.set(o.id, {
      ...regie.get(o.ketenId)!,
      chairId: o.chairId,
      personIds: people.filter((p) => p.overlegId === o.id).map((p) => p.personId),
      organisationIds: orgs.filter((p) => p.overlegId === o.id).map((p) => p.organisationId),
    });
  }
  return out;
}

export const overlegFacts = (id: number, db: Reader = getDb()) => overlegFactsByIds([id], db).get(id) ?? null;

export function registerFacts(ketenId: number, db: Reader = getDb()): RegisterFacts {
  const overleggen = db
    .select({ id: schema.overleggen.id, chairId: schema.overleggen.chairId, kind: schema.overleggen.kind })
    .from(schema.overleggen)
    .where(eq(schema.overleggen.ketenId, ketenId))
    .all();
  const ids = overleggen.map((o) => o.id);
  const members = ids.length
    ? db.select({ id: schema.overlegPeople.personId, overlegId: schema.overlegPeople.overlegId }).from(schema.overlegPeople).where(inArray(schema.overlegPeople.overlegId, ids)).all()
    : [];
  const peopleOf = (list: typeof overleggen) => {
    const own = new Set(list.map((o) => o.id));
    return [...new Set([...list.map((o) => o.chairId).filter((x): x is number => x != null), ...members.filter((m) => own.has(m.overlegId)).map((m) => m.id)])];
  };
  return { ...regieFacts(ketenId, db), overlegPersonIds: peopleOf(overleggen), ekoPersonIds: peopleOf(overleggen.filter((o) => o.kind === "eko")) };
}
