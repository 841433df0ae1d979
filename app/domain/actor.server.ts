import { eq, sql } from "drizzle-orm";
import { getDb, schema, type Db } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
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

/** The four queries behind an actor, prepared once per database handle (they run on every request). */
function actorStatements(db: Db) {
  return prepared(db, "actor", (d) => ({
    person: d
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
      .where(eq(schema.people.id, sql.placeholder("personId")))
      .prepare(),
    roles: d
      .select({ role: schema.personRoles.role })
      .from(schema.personRoles)
      .where(eq(schema.personRoles.personId, sql.placeholder("personId")))
      .prepare(),
    memberKetens: d
      .select({ id: schema.ketenMembers.ketenId })
      .from(schema.ketenMembers)
      .where(eq(schema.ketenMembers.organisationId, sql.placeholder("organisationId")))
      .prepare(),
    regisseurKetens: d
      .select({ id: schema.ketens.id })
      .from(schema.ketens)
      .where(eq(schema.ketens.regisseurId, sql.placeholder("personId")))
      .prepare(),
  }));
}

export function loadActor(personId: number): Actor | null {
  const q = actorStatements(getDb());
  const row = q.person.get({ personId });
  if (!row || !row.active || !row.organisationActive) return null;
  const roles = q.roles.all({ personId }).map((r) => r.role);
  const memberKetenIds = q.memberKetens.all({ organisationId: row.organisationId }).map((r) => r.id);
  const regisseurOfKetenIds = q.regisseurKetens.all({ personId }).map((r) => r.id);
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
