// The regie of a keten: the roles table (who does what, what others may expect, who decides
// about content and who about capacity, fixed contacts per wijk) and the deputy regisseur, who
// acts for the regisseur only while set as stand-in. Every act of a stand-in is logged in both
// names (`regieAudit`).
import { and, asc, eq } from "drizzle-orm";
import { getDb, schema, type Tx } from "~/db/client.server";
import { checkFields } from "~/shared/privacy-guard";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { DomainError, forbidden, notFound } from "../errors";
import { canEditKetenRoles, canSetStandIn, isStandingIn, type RegieFacts } from "../policy.server";
import { regieFacts } from "./facts.server";

export function assertNoClientData(fields: Record<string, string | undefined | null>): void {
  const errors = checkFields(fields, { referenceYear: Number(today().slice(0, 4)) });
  const names = Object.keys(errors);
  if (names.length) throw new DomainError(422, `Niet opgeslagen: ${errors[names[0]]}`, errors);
}

/**
 * An audit entry for an act in the keten's regie. When the deputy acts as stand-in the entry
 * names both: who did it (`door`) and for whom (`namens`, the regisseur).
 */
export function regieAudit(tx: Tx, actor: Actor, facts: RegieFacts, entry: { action: string; entityType: string; entityId: number | string; before?: unknown; after?: unknown }): void {
  if (!isStandingIn(actor, facts)) {
    audit({ actorId: actor.id, ...entry }, tx);
    return;
  }
  const regisseur = tx
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.ketens)
    .innerJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
    .where(eq(schema.ketens.id, facts.ketenId))
    .get();
  const after = { ...(typeof entry.after === "object" && entry.after ? entry.after : { value: entry.after }), door: { id: actor.id, name: actor.name }, namens: regisseur ?? null };
  audit({ actorId: actor.id, ...entry, action: `${entry.action} (als waarnemer namens ${regisseur?.name ?? "de regisseur"})`, after }, tx);
}

function ketenBySlug(slug: string) {
  const k = getDb().select().from(schema.ketens).where(eq(schema.ketens.slug, slug)).get();
  if (!k) throw notFound("Deze keten bestaat niet.");
  return k;
}

/** The roles table, the fixed contacts per wijk and the regie (regisseur, deputy, stand-in). Everyone signed in reads it. */
export function ketenRegie(input: { actor: Actor; slug: string }) {
  const db = getDb();
  const keten = ketenBySlug(input.slug);
  const facts = regieFacts(keten.id);
  const roles = db
    .select({
      organisationId: schema.ketenRoles.organisationId,
      organisation: schema.organisations.name,
      organisationSlug: schema.organisations.slug,
      role: schema.ketenRoles.role,
      expectations: schema.ketenRoles.expectations,
      contentDecider: schema.ketenRoles.contentDecider,
      capacityDecider: schema.ketenRoles.capacityDecider,
    })
    .from(schema.ketenRoles)
    .innerJoin(schema.organisations, eq(schema.ketenRoles.organisationId, schema.organisations.id))
    .where(eq(schema.ketenRoles.ketenId, keten.id))
    .orderBy(asc(schema.organisations.name))
    .all();
  const contacts = db
    .select({ id: schema.ketenWijkContacts.id, wijk: schema.wijken.name, role: schema.ketenWijkContacts.role, name: schema.ketenWijkContacts.name, personName: schema.people.name })
    .from(schema.ketenWijkContacts)
    .innerJoin(schema.wijken, eq(schema.ketenWijkContacts.wijkId, schema.wijken.id))
    .leftJoin(schema.people, eq(schema.ketenWijkContacts.personId, schema.people.id))
    .where(eq(schema.ketenWijkContacts.ketenId, keten.id))
    .orderBy(asc(schema.wijken.name))
    .all()
    .map((c) => ({ id: c.id, wijk: c.wijk, role: c.role, name: c.personName ?? c.name }));
  const person = (id: number | null) => (id ? db.select({ id: schema.people.id, name: schema.people.name, functie: schema.people.functie }).from(schema.people).where(eq(schema.people.id, id)).get() ?? null : null);
  return {
    keten: { id: keten.id, slug: keten.slug, name: keten.name },
    roles,
    contacts,
    deputy: person(facts.deputyId),
    standIn: facts.standIn,
    escalation: person(db.select().from(schema.ketenRegie).where(eq(schema.ketenRegie.ketenId, keten.id)).get()?.escalationPersonId ?? null),
    canEditRoles: canEditKetenRoles(input.actor, facts),
    canSetStandIn: canSetStandIn(input.actor, facts),
  };
}

export function setStandIn(input: { actor: Actor; ketenId: number; standIn: boolean }): void {
  const facts = regieFacts(input.ketenId);
  if (!canSetStandIn(input.actor, facts)) throw forbidden("Alleen de regisseur van de keten zet de waarneming aan of uit.");
  if (!facts.deputyId) throw new DomainError(409, "Deze keten heeft nog geen plaatsvervangend regisseur.");
  getDb().transaction((tx) => {
    tx.update(schema.ketenRegie).set({ standIn: input.standIn }).where(eq(schema.ketenRegie.ketenId, input.ketenId)).run();
    audit({ actorId: input.actor.id, action: input.standIn ? "keten.waarneming-aan" : "keten.waarneming-uit", entityType: "keten", entityId: input.ketenId, before: { standIn: facts.standIn }, after: { standIn: input.standIn, deputyId: facts.deputyId } }, tx);
  });
}

export function setKetenRole(input: { actor: Actor; ketenId: number; organisationId: number; role: string; expectations: string; contentDecider: string; capacityDecider: string }): void {
  const facts = regieFacts(input.ketenId);
  if (!canEditKetenRoles(input.actor, facts)) throw forbidden("Alleen de regie van de keten past de rollentabel aan.");
  assertNoClientData({ role: input.role, expectations: input.expectations });
  const db = getDb();
  const member = db.select().from(schema.ketenMembers).where(eq(schema.ketenMembers.ketenId, input.ketenId)).all().some((m) => m.organisationId === input.organisationId);
  if (!member) throw new DomainError(400, "Deze organisatie is geen lid van de keten.", { organisationId: "Kies een organisatie van de keten." });
  const values = { role: input.role, expectations: input.expectations, contentDecider: input.contentDecider, capacityDecider: input.capacityDecider };
  db.transaction((tx) => {
    tx.insert(schema.ketenRoles)
      .values({ ketenId: input.ketenId, organisationId: input.organisationId, ...values })
      .onConflictDoUpdate({ target: [schema.ketenRoles.ketenId, schema.ketenRoles.organisationId], set: values })
      .run();
    regieAudit(tx, input.actor, facts, { action: "keten.rol", entityType: "keten", entityId: input.ketenId, after: { organisationId: input.organisationId, ...values } });
  });
}

/** The editing screen of the roles table: every member organisation (with its role, if any) and the contacts per wijk. */
export function ketenRolesEditor(input: { actor: Actor; slug: string }) {
  const db = getDb();
  const keten = ketenBySlug(input.slug);
  const facts = regieFacts(keten.id);
  if (!canEditKetenRoles(input.actor, facts)) throw forbidden("Alleen de regisseur van de keten (of de waarnemer, of een beheerder) past de rollentabel aan.");
  const regie = ketenRegie(input);
  const members = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.ketenMembers)
    .innerJoin(schema.organisations, eq(schema.ketenMembers.organisationId, schema.organisations.id))
    .where(eq(schema.ketenMembers.ketenId, keten.id))
    .orderBy(asc(schema.organisations.name))
    .all();
  const rows = members.map((m) => {
    const r = regie.roles.find((x) => x.organisationId === m.id);
    return { organisationId: m.id, organisation: m.name, role: r?.role ?? "", expectations: r?.expectations ?? "", contentDecider: r?.contentDecider ?? "", capacityDecider: r?.capacityDecider ?? "", described: !!r };
  });
  const wijken = db.select({ id: schema.wijken.id, name: schema.wijken.name }).from(schema.wijken).orderBy(asc(schema.wijken.name)).all();
  return { keten: regie.keten, rows, contacts: regie.contacts, wijken, standIn: isStandingIn(input.actor, facts) };
}

export function addWijkContact(input: { actor: Actor; ketenId: number; wijkId: number; role: string; name: string }): number {
  const facts = regieFacts(input.ketenId);
  if (!canEditKetenRoles(input.actor, facts)) throw forbidden("Alleen de regie van de keten past de contactpersonen per wijk aan.");
  assertNoClientData({ role: input.role });
  const db = getDb();
  const wijk = db.select({ id: schema.wijken.id, name: schema.wijken.name }).from(schema.wijken).where(eq(schema.wijken.id, input.wijkId)).get();
  if (!wijk) throw new DomainError(400, "Kies een bestaande wijk.", { wijkId: "Kies een bestaande wijk." });
  return db.transaction((tx) => {
    const row = tx.insert(schema.ketenWijkContacts).values({ ketenId: input.ketenId, wijkId: wijk.id, role: input.role, name: input.name, personId: null }).returning({ id: schema.ketenWijkContacts.id }).get();
    regieAudit(tx, input.actor, facts, { action: "keten.contact-toegevoegd", entityType: "keten", entityId: input.ketenId, after: { contactId: row.id, wijk: wijk.name, role: input.role, name: input.name } });
    return row.id;
  });
}

export function removeWijkContact(input: { actor: Actor; ketenId: number; contactId: number }): void {
  const facts = regieFacts(input.ketenId);
  if (!canEditKetenRoles(input.actor, facts)) throw forbidden("Alleen de regie van de keten past de contactpersonen per wijk aan.");
  const db = getDb();
  const c = db.select().from(schema.ketenWijkContacts).where(and(eq(schema.ketenWijkContacts.id, input.contactId), eq(schema.ketenWijkContacts.ketenId, input.ketenId))).get();
  if (!c) throw notFound("Deze contactpersoon staat niet (meer) bij deze keten.");
  db.transaction((tx) => {
    tx.delete(schema.ketenWijkContacts).where(eq(schema.ketenWijkContacts.id, c.id)).run();
    regieAudit(tx, input.actor, facts, { action: "keten.contact-verwijderd", entityType: "keten", entityId: input.ketenId, before: { contactId: c.id, wijkId: c.wijkId, role: c.role, name: c.name, personId: c.personId } });
  });
}
