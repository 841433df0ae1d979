// The choices of the "verzoek registreren" form, and who may open it.
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { visieSections } from "../consultation/proposals.server";
import type { Actor } from "../actor.server";
import { forbidden } from "../errors";
import { canCreateOpdracht } from "../policy.server";
import { opdrachtOptions } from "./queries.server";

export function assertCanCreateOpdracht(actor: Actor): void {
  if (!canCreateOpdracht(actor)) throw forbidden("Verzoeken aan de wijkteams registreren de regisseurs en redacteuren van de gemeente.");
}

export function newOpdrachtOptions() {
  const db = getDb();
  const base = opdrachtOptions();
  const owners = db
    .selectDistinct({ id: schema.people.id, name: schema.people.name, functie: schema.people.functie })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .innerJoin(schema.personRoles, eq(schema.personRoles.personId, schema.people.id))
    .where(and(eq(schema.people.active, true), inArray(schema.organisations.kind, ["gemeente", "afdeling"]), inArray(schema.personRoles.role, ["regisseur", "redacteur"])))
    .orderBy(asc(schema.people.name))
    .all();
  const visie = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.kind, "visie")).orderBy(asc(schema.documents.id)).get();
  return {
    ketens: base.ketens.map((k) => ({ id: k.id, label: k.label })),
    themas: base.themas.map((t) => ({ id: t.id, label: t.label })),
    organisations: base.organisations.map((o) => ({ id: o.id, label: o.label, kind: o.kind })),
    kinds: base.kinds,
    routes: base.routes,
    owners: owners.map((p) => ({ value: String(p.id), label: p.functie ? `${p.name}, ${p.functie}` : p.name })),
    visie: visieSections(visie?.id ?? null),
  };
}
