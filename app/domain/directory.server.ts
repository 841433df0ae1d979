// People, organisations and ketens: reading for everyone signed in, changing for beheerders.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { OrganisationKind, Role } from "~/db/schema";
import type { Actor } from "./actor.server";
import { audit } from "./audit.server";
import { hashPassword, deleteSessionsOf } from "./auth.server";
import { badRequest, conflict, notFound } from "./errors";
import { assertCanAdminister } from "./policy.server";
import { enqueueSearch } from "./search-outbox.server";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  gemeente: "Gemeente",
  afdeling: "Gemeentelijke afdeling",
  wijkteam: "Wijkteamorganisatie",
  ketenpartner: "Ketenpartner",
};

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: "Beheerder",
  regisseur: "Regisseur",
  redacteur: "Redacteur",
  lezer: "Lezer",
};

// ------------------------------------------------------------------ reading

export function listOrganisations() {
  const db = getDb();
  return db
    .select({
      id: schema.organisations.id,
      slug: schema.organisations.slug,
      name: schema.organisations.name,
      kind: schema.organisations.kind,
      color: schema.organisations.color,
      fictitious: schema.organisations.fictitious,
      active: schema.organisations.active,
      // Qualified by hand: in a single-table select drizzle writes the column as a bare "id", which
      // inside the subquery would mean p.id (and count 1 for almost every organisation).
      peopleCount: sql<number>`(select count(*) from people p where p.organisation_id = "organisations"."id" and p.active = 1)`,
    })
    .from(schema.organisations)
    .orderBy(asc(schema.organisations.name))
    .all();
}

export function getOrganisation(slug: string) {
  const db = getDb();
  const org = db
    .select({
      id: schema.organisations.id,
      slug: schema.organisations.slug,
      name: schema.organisations.name,
      kind: schema.organisations.kind,
      description: schema.organisations.description,
      color: schema.organisations.color,
      fictitious: schema.organisations.fictitious,
      active: schema.organisations.active,
    })
    .from(schema.organisations)
    .where(eq(schema.organisations.slug, slug))
    .get();
  if (!org) throw notFound("Deze organisatie bestaat niet.");
  const people = db
    .select({ id: schema.people.id, name: schema.people.name, functie: schema.people.functie, email: schema.people.email })
    .from(schema.people)
    .where(and(eq(schema.people.organisationId, org.id), eq(schema.people.active, true)))
    .orderBy(asc(schema.people.name))
    .all();
  const ketens = db
    .select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name })
    .from(schema.ketenMembers)
    .innerJoin(schema.ketens, eq(schema.ketenMembers.ketenId, schema.ketens.id))
    .where(eq(schema.ketenMembers.organisationId, org.id))
    .orderBy(asc(schema.ketens.name))
    .all();
  const wijken = db
    .select({ slug: schema.wijken.slug, name: schema.wijken.name, teamName: schema.wijken.teamName })
    .from(schema.wijken)
    .where(eq(schema.wijken.organisationId, org.id))
    .orderBy(asc(schema.wijken.name))
    .all();
  return { ...org, people, ketens, wijken };
}

export function listKetens() {
  const db = getDb();
  const rows = db
    .select({
      id: schema.ketens.id,
      slug: schema.ketens.slug,
      name: schema.ketens.name,
      description: schema.ketens.description,
      regisseurName: schema.people.name,
      memberCount: sql<number>`(select count(*) from keten_members m where m.keten_id = ${schema.ketens.id})`,
    })
    .from(schema.ketens)
    .leftJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
    .orderBy(asc(schema.ketens.name))
    .all();
  return rows;
}

export function getKeten(slug: string) {
  const db = getDb();
  const keten = db
    .select({
      id: schema.ketens.id,
      slug: schema.ketens.slug,
      name: schema.ketens.name,
      description: schema.ketens.description,
      feedbackDays: schema.ketens.feedbackDays,
      regisseurId: schema.ketens.regisseurId,
      regisseurName: schema.people.name,
      regisseurEmail: schema.people.email,
      regisseurFunctie: schema.people.functie,
    })
    .from(schema.ketens)
    .leftJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
    .where(eq(schema.ketens.slug, slug))
    .get();
  if (!keten) throw notFound("Deze keten bestaat niet.");
  const members = db
    .select({
      id: schema.organisations.id,
      slug: schema.organisations.slug,
      name: schema.organisations.name,
      kind: schema.organisations.kind,
      fictitious: schema.organisations.fictitious,
    })
    .from(schema.ketenMembers)
    .innerJoin(schema.organisations, eq(schema.ketenMembers.organisationId, schema.organisations.id))
    .where(eq(schema.ketenMembers.ketenId, keten.id))
    .orderBy(asc(schema.organisations.name))
    .all();
  return { ...keten, members };
}

export function listThemas() {
  return getDb().select({ id: schema.themas.id, slug: schema.themas.slug, name: schema.themas.name }).from(schema.themas).orderBy(asc(schema.themas.id)).all();
}

export function listWijken() {
  return getDb()
    .select({ id: schema.wijken.id, slug: schema.wijken.slug, name: schema.wijken.name, teamName: schema.wijken.teamName })
    .from(schema.wijken)
    .orderBy(asc(schema.wijken.name))
    .all();
}

export function listPeople(opts: { includeInactive?: boolean } = {}) {
  const db = getDb();
  const q = db
    .select({
      id: schema.people.id,
      name: schema.people.name,
      email: schema.people.email,
      functie: schema.people.functie,
      active: schema.people.active,
      organisationId: schema.organisations.id,
      organisationName: schema.organisations.name,
      roles: sql<string>`coalesce((select group_concat(role, ',') from person_roles r where r.person_id = ${schema.people.id}), '')`,
    })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .orderBy(asc(schema.people.name));
  const rows = opts.includeInactive ? q.all() : q.where(eq(schema.people.active, true)).all();
  return rows.map((r) => ({ ...r, roles: r.roles ? (r.roles.split(",") as Role[]) : [] }));
}

export function getPersonForAdmin(actor: Actor, id: number) {
  assertCanAdminister(actor);
  const person = listPeople({ includeInactive: true }).find((p) => p.id === id);
  if (!person) throw notFound("Deze persoon bestaat niet.");
  return person;
}

// ------------------------------------------------------------------ beheer mutations

type PersonInput = { name: string; email: string; functie: string; organisationId: number; roles: Role[]; password: string };

function assertOrganisationExists(id: number) {
  const org = getDb().select({ id: schema.organisations.id, kind: schema.organisations.kind }).from(schema.organisations).where(eq(schema.organisations.id, id)).get();
  if (!org) throw badRequest("Deze organisatie bestaat niet.", { organisationId: "Kies een bestaande organisatie." });
  return org;
}

function assertEmailFree(email: string, exceptId?: number) {
  const db = getDb();
  const clash = db
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(exceptId ? and(eq(schema.people.email, email), ne(schema.people.id, exceptId)) : eq(schema.people.email, email))
    .get();
  if (clash) throw conflict("Dit e-mailadres is al in gebruik.", { email: "Dit e-mailadres is al in gebruik door een ander account." });
}

function assertRolesFit(kind: OrganisationKind, roles: Role[]) {
  if (kind === "ketenpartner" && roles.some((r) => r === "redacteur" || r === "regisseur" || r === "beheerder")) {
    throw badRequest("Medewerkers van ketenpartners kunnen alleen lezer zijn: zij reageren op voorstellen, maar bewerken geen gemeentelijke documenten.", {
      roles: "Kies voor een ketenpartner alleen de rol lezer.",
    });
  }
}

export async function createPerson(input: { actor: Actor } & PersonInput) {
  assertCanAdminister(input.actor);
  const org = assertOrganisationExists(input.organisationId);
  assertEmailFree(input.email);
  assertRolesFit(org.kind, input.roles);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.people)
      .values({ name: input.name, email: input.email, functie: input.functie, organisationId: input.organisationId, passwordHash })
      .returning({ id: schema.people.id })
      .get();
    const roles = input.roles.length ? input.roles : (["lezer"] as Role[]);
    for (const role of roles) tx.insert(schema.personRoles).values({ personId: row.id, role }).run();
    audit(
      {
        actorId: input.actor.id,
        action: "persoon aangemaakt",
        entityType: "persoon",
        entityId: row.id,
        after: { name: input.name, email: input.email, functie: input.functie, organisationId: input.organisationId, roles },
      },
      tx,
    );
    enqueueSearch(tx, "person", row.id);
    return row.id;
  });
}

export async function updatePerson(input: { actor: Actor; id: number } & PersonInput) {
  assertCanAdminister(input.actor);
  const before = getPersonForAdmin(input.actor, input.id);
  const org = assertOrganisationExists(input.organisationId);
  assertEmailFree(input.email, input.id);
  assertRolesFit(org.kind, input.roles);
  if (input.id === input.actor.id && !input.roles.includes("beheerder")) {
    throw badRequest("U kunt uw eigen beheerdersrol niet intrekken; laat een andere beheerder dat doen.", { roles: "Houd de rol beheerder aan." });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const db = getDb();
  db.transaction((tx) => {
    tx.update(schema.people)
      .set({ name: input.name, email: input.email, functie: input.functie, organisationId: input.organisationId, ...(passwordHash ? { passwordHash } : {}) })
      .where(eq(schema.people.id, input.id))
      .run();
    tx.delete(schema.personRoles).where(eq(schema.personRoles.personId, input.id)).run();
    const roles = input.roles.length ? input.roles : (["lezer"] as Role[]);
    for (const role of roles) tx.insert(schema.personRoles).values({ personId: input.id, role }).run();
    audit(
      {
        actorId: input.actor.id,
        action: "persoon gewijzigd",
        entityType: "persoon",
        entityId: input.id,
        before: { name: before.name, email: before.email, functie: before.functie, organisationId: before.organisationId, roles: before.roles },
        after: { name: input.name, email: input.email, functie: input.functie, organisationId: input.organisationId, roles, passwordChanged: !!passwordHash },
      },
      tx,
    );
    enqueueSearch(tx, "person", input.id);
  });
  // A person moved to another organisation or stripped of roles must not keep old rights.
  if (before.organisationId !== input.organisationId || before.roles.some((r) => !input.roles.includes(r))) deleteSessionsOf(input.id);
}

/** Deactivating ends every session of that person at once. */
export function setPersonActive(input: { actor: Actor; id: number; active: boolean }) {
  assertCanAdminister(input.actor);
  const before = getPersonForAdmin(input.actor, input.id);
  if (input.id === input.actor.id && !input.active) throw badRequest("U kunt uw eigen account niet deactiveren.");
  if (before.active === input.active) return;
  getDb().transaction((tx) => {
    tx.update(schema.people).set({ active: input.active }).where(eq(schema.people.id, input.id)).run();
    if (!input.active) tx.delete(schema.sessions).where(eq(schema.sessions.personId, input.id)).run();
    audit(
      {
        actorId: input.actor.id,
        action: input.active ? "persoon geactiveerd" : "persoon gedeactiveerd",
        entityType: "persoon",
        entityId: input.id,
        before: { active: before.active },
        after: { active: input.active },
      },
      tx,
    );
    enqueueSearch(tx, "person", input.id);
  });
}

function slugify(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "organisatie";
}

type OrgInput = { name: string; kind: OrganisationKind; description: string; color: string };

function assertOrgNameFree(name: string, exceptId?: number) {
  const clash = getDb()
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(exceptId ? and(sql`lower(${schema.organisations.name}) = lower(${name})`, ne(schema.organisations.id, exceptId)) : sql`lower(${schema.organisations.name}) = lower(${name})`)
    .get();
  if (clash) throw conflict("Er bestaat al een organisatie met deze naam.", { name: "Deze naam is al in gebruik." });
}

export function createOrganisation(input: { actor: Actor } & OrgInput) {
  assertCanAdminister(input.actor);
  assertOrgNameFree(input.name);
  const db = getDb();
  let slug = slugify(input.name);
  for (let i = 2; db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get(); i++) {
    slug = `${slugify(input.name)}-${i}`;
  }
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.organisations)
      .values({ name: input.name, slug, kind: input.kind, description: input.description, color: input.color })
      .returning({ id: schema.organisations.id, slug: schema.organisations.slug })
      .get();
    audit({ actorId: input.actor.id, action: "organisatie aangemaakt", entityType: "organisatie", entityId: row.id, after: input }, tx);
    enqueueSearch(tx, "organisation", row.id);
    return row;
  });
}

export function updateOrganisation(input: { actor: Actor; id: number } & OrgInput) {
  assertCanAdminister(input.actor);
  const db = getDb();
  const before = db.select().from(schema.organisations).where(eq(schema.organisations.id, input.id)).get();
  if (!before) throw notFound("Deze organisatie bestaat niet.");
  assertOrgNameFree(input.name, input.id);
  if (input.kind === "ketenpartner" && before.kind !== "ketenpartner") {
    const editors = db
      .select({ id: schema.personRoles.personId })
      .from(schema.personRoles)
      .innerJoin(schema.people, eq(schema.people.id, schema.personRoles.personId))
      .where(and(eq(schema.people.organisationId, input.id), inArray(schema.personRoles.role, ["redacteur", "regisseur", "beheerder"])))
      .all();
    if (editors.length) {
      throw badRequest("Deze organisatie heeft redacteuren, regisseurs of beheerders; een ketenpartner kan die niet hebben. Pas eerst hun rollen aan.", {
        kind: "Eerst de rollen van de medewerkers aanpassen.",
      });
    }
  }
  db.transaction((tx) => {
    tx.update(schema.organisations)
      .set({ name: input.name, kind: input.kind, description: input.description, color: input.color })
      .where(eq(schema.organisations.id, input.id))
      .run();
    audit(
      {
        actorId: input.actor.id,
        action: "organisatie gewijzigd",
        entityType: "organisatie",
        entityId: input.id,
        before: { name: before.name, kind: before.kind, description: before.description, color: before.color },
        after: { name: input.name, kind: input.kind, description: input.description, color: input.color },
      },
      tx,
    );
    enqueueSearch(tx, "organisation", input.id);
  });
}

export function setOrganisationActive(input: { actor: Actor; id: number; active: boolean }) {
  assertCanAdminister(input.actor);
  const db = getDb();
  const before = db.select({ active: schema.organisations.active }).from(schema.organisations).where(eq(schema.organisations.id, input.id)).get();
  if (!before) throw notFound("Deze organisatie bestaat niet.");
  if (input.id === input.actor.organisationId && !input.active) throw badRequest("U kunt uw eigen organisatie niet deactiveren.");
  db.transaction((tx) => {
    tx.update(schema.organisations).set({ active: input.active }).where(eq(schema.organisations.id, input.id)).run();
    if (!input.active) {
      // Inactive organisations cannot sign in: end their people's sessions now.
      tx.run(sql`delete from sessions where person_id in (select id from people where organisation_id = ${input.id})`);
    }
    // An inactive organisation and its people must drop out of search (and return with it).
    enqueueSearch(tx, "organisation", input.id);
    for (const p of tx.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.organisationId, input.id)).all()) {
      enqueueSearch(tx, "person", p.id);
    }
    audit(
      {
        actorId: input.actor.id,
        action: input.active ? "organisatie geactiveerd" : "organisatie gedeactiveerd",
        entityType: "organisatie",
        entityId: input.id,
        before,
        after: { active: input.active },
      },
      tx,
    );
  });
}

export function updateKeten(input: { actor: Actor; id: number; description: string; regisseurId?: number; feedbackDays: number; members: number[] }) {
  assertCanAdminister(input.actor);
  const db = getDb();
  const before = db.select().from(schema.ketens).where(eq(schema.ketens.id, input.id)).get();
  if (!before) throw notFound("Deze keten bestaat niet.");
  if (input.regisseurId) {
    const r = db
      .select({ kind: schema.organisations.kind, active: schema.people.active })
      .from(schema.people)
      .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
      .where(eq(schema.people.id, input.regisseurId))
      .get();
    if (!r) throw badRequest("Deze persoon bestaat niet.", { regisseurId: "Kies een bestaande persoon." });
    if (r.kind !== "gemeente" || !r.active) {
      throw badRequest("De regisseur van een keten is een actieve medewerker van de gemeente.", { regisseurId: "Kies een medewerker van de gemeente." });
    }
  }
  const members = [...new Set(input.members)];
  if (members.length) {
    const known = db.select({ id: schema.organisations.id }).from(schema.organisations).where(inArray(schema.organisations.id, members)).all();
    if (known.length !== members.length) throw badRequest("Een van de gekozen organisaties bestaat niet.", { members: "Kies alleen bestaande organisaties." });
  }
  const beforeMembers = db.select({ id: schema.ketenMembers.organisationId }).from(schema.ketenMembers).where(eq(schema.ketenMembers.ketenId, input.id)).all().map((m) => m.id).sort((a, b) => a - b);
  db.transaction((tx) => {
    tx.update(schema.ketens)
      .set({ description: input.description, regisseurId: input.regisseurId ?? null, feedbackDays: input.feedbackDays })
      .where(eq(schema.ketens.id, input.id))
      .run();
    tx.delete(schema.ketenMembers).where(eq(schema.ketenMembers.ketenId, input.id)).run();
    for (const organisationId of members) tx.insert(schema.ketenMembers).values({ ketenId: input.id, organisationId }).run();
    audit(
      {
        actorId: input.actor.id,
        action: "keten gewijzigd",
        entityType: "keten",
        entityId: input.id,
        before: { description: before.description, regisseurId: before.regisseurId, feedbackDays: before.feedbackDays, members: beforeMembers },
        after: { description: input.description, regisseurId: input.regisseurId ?? null, feedbackDays: input.feedbackDays, members: members.sort((a, b) => a - b) },
      },
      tx,
    );
  });
}

export function getOrganisationForAdmin(actor: Actor, id: number) {
  assertCanAdminister(actor);
  const org = getDb()
    .select({
      id: schema.organisations.id,
      slug: schema.organisations.slug,
      name: schema.organisations.name,
      kind: schema.organisations.kind,
      description: schema.organisations.description,
      color: schema.organisations.color,
      active: schema.organisations.active,
    })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, id))
    .get();
  if (!org) throw notFound("Deze organisatie bestaat niet.");
  return { ...org, peopleCount: listOrganisations().find((o) => o.id === id)?.peopleCount ?? 0 };
}
