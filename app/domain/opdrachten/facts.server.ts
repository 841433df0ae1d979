// The facts the opdrachten rules need (policy.server.ts), loaded in one place for the detail
// page, the commands, the notifications and the search index.
import { eq, inArray } from "drizzle-orm";
import { getDb, schema, type Reader } from "~/db/client.server";
import type { OpdrachtFacts } from "../policy.server";

/** The afdeling that holds the contracts with the wijkteam organisations (its people do the toets). */
export const CONTRACT_ORGANISATION_SLUG = "contractmanagement";

export function toetsOrganisationId(db: Reader = getDb()): number | null {
  return db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, CONTRACT_ORGANISATION_SLUG)).get()?.id ?? null;
}

export function opdrachtFactsByIds(ids: readonly number[], db: Reader = getDb()): Map<number, OpdrachtFacts> {
  const out = new Map<number, OpdrachtFacts>();
  const want = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (!want.length) return out;
  const rows = db.select({ id: schema.opdrachten.id, ownerId: schema.opdrachten.ownerId, createdById: schema.opdrachten.createdById }).from(schema.opdrachten).where(inArray(schema.opdrachten.id, want)).all();
  const ketens = db.select().from(schema.opdrachtKetens).where(inArray(schema.opdrachtKetens.opdrachtId, want)).all();
  const orgs = db.select().from(schema.opdrachtOrganisations).where(inArray(schema.opdrachtOrganisations.opdrachtId, want)).all();
  const toets = toetsOrganisationId(db);
  for (const r of rows) {
    out.set(r.id, {
      ownerId: r.ownerId,
      createdById: r.createdById,
      ketenIds: ketens.filter((k) => k.opdrachtId === r.id).map((k) => k.ketenId),
      carrierOrganisationIds: orgs.filter((o) => o.opdrachtId === r.id).map((o) => o.organisationId),
      toetsOrganisationId: toets,
    });
  }
  return out;
}

export const opdrachtFacts = (id: number, db: Reader = getDb()) => opdrachtFactsByIds([id], db).get(id) ?? null;
