// Who is told about a document: its owners and the people of the organisations it binds.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Tx } from "~/collab/index.server";

type Reader = Pick<Tx, "select" | "selectDistinct">;

/** The owner(s): the keten's regisseur; for a portal-wide document every regisseur. */
export function documentOwnerIds(doc: { ketenId: number | null }, db: Reader = getDb()): number[] {
  if (doc.ketenId != null) {
    const k = db.select({ id: schema.ketens.regisseurId }).from(schema.ketens).where(eq(schema.ketens.id, doc.ketenId)).get();
    return k?.id ? [k.id] : [];
  }
  return db
    .select({ id: schema.personRoles.personId })
    .from(schema.personRoles)
    .where(eq(schema.personRoles.role, "regisseur"))
    .all()
    .map((r) => r.id);
}

/** Active people of the keten's member organisations (portal-wide: of every keten's members). */
export function ketenAudienceIds(doc: { ketenId: number | null }, db: Reader = getDb()): number[] {
  const members = db
    .selectDistinct({ organisationId: schema.ketenMembers.organisationId })
    .from(schema.ketenMembers)
    .where(doc.ketenId != null ? eq(schema.ketenMembers.ketenId, doc.ketenId) : isNotNull(schema.ketenMembers.ketenId))
    .all()
    .map((m) => m.organisationId);
  if (!members.length) return [];
  return db
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(and(inArray(schema.people.organisationId, members), eq(schema.people.active, true)))
    .all()
    .map((p) => p.id);
}
