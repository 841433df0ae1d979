import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { OrganisationKind, Role } from "~/db/schema";

/** The acting person with everything the policy module needs, loaded once per request. */
export type Actor = {
  id: number;
  name: string;
  email: string;
  functie: string;
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  organisationColor: string;
  roles: Role[];
  /** Ketens the person's organisation is a member of. */
  memberKetenIds: number[];
  /** Ketens of which this person is the regisseur (owner). */
  regisseurOfKetenIds: number[];
};

export function loadActor(personId: number): Actor | null {
  const db = getDb();
  const row = db
    .select({
      id: schema.people.id,
      name: schema.people.name,
      email: schema.people.email,
      functie: schema.people.functie,
      active: schema.people.active,
      organisationId: schema.organisations.id,
      organisationName: schema.organisations.name,
      organisationKind: schema.organisations.kind,
      organisationColor: schema.organisations.color,
      organisationActive: schema.organisations.active,
    })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.people.id, personId))
    .get();
  if (!row || !row.active || !row.organisationActive) return null;
  const roles = db
    .select({ role: schema.personRoles.role })
    .from(schema.personRoles)
    .where(eq(schema.personRoles.personId, personId))
    .all()
    .map((r) => r.role);
  const memberKetenIds = db
    .select({ id: schema.ketenMembers.ketenId })
    .from(schema.ketenMembers)
    .where(eq(schema.ketenMembers.organisationId, row.organisationId))
    .all()
    .map((r) => r.id);
  const regisseurOfKetenIds = db
    .select({ id: schema.ketens.id })
    .from(schema.ketens)
    .where(eq(schema.ketens.regisseurId, personId))
    .all()
    .map((r) => r.id);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    functie: row.functie,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    organisationColor: row.organisationColor,
    roles,
    memberKetenIds,
    regisseurOfKetenIds,
  };
}

export function loadActorByEmail(email: string): Actor | null {
  const row = getDb()
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(eq(schema.people.email, email.toLowerCase()))
    .get();
  return row ? loadActor(row.id) : null;
}
