// Setting up an overleg: a new overleg per keten, and its settings (name, kind, chair, rhythm)
// and membership (organisations and people). Who may: canCreateOverleg / canManageOverleg in
// policy.server.ts, enforced here and in the query (manageableOverlegCondition). Acts of a
// stand-in are logged in both names (regieAudit). A change of name or membership changes the
// titles and ACL tokens of the overleg's meetings, decisions and actions and of the keten's
// register items, so those are re-indexed through the search outbox.
import { and, asc, eq } from "drizzle-orm";
import { getDb, schema, type Tx } from "~/db/client.server";
import type { OverlegKind } from "~/db/schema";
import { OVERLEG_KIND_LABELS } from "~/shared/overleg";
import type { Actor } from "../actor.server";
import { DomainError, forbidden, notFound } from "../errors";
import { canCreateOverleg, canManageOverleg, canReadOverleg, isStandingIn, manageableOverlegCondition, type OverlegFacts } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { overlegFacts, regieFacts } from "./facts.server";
import { assertNoClientData, regieAudit } from "./regie.server";

const NOT_FOUND = "Dit overleg bestaat niet, of u heeft er geen toegang toe.";
const REFUSED = "Alleen de regisseur van de keten (of de waarnemer), de voorzitter of een beheerder past de instellingen van dit overleg aan.";

type OverlegInput = { name: string; kind: OverlegKind; rhythm: string; description: string; chairId?: number };

/** The overleg if the actor may manage it: 403 for who may read it, 404 for anyone else. */
function loadManageable(actor: Actor, id: number): { overleg: typeof schema.overleggen.$inferSelect; facts: OverlegFacts } {
  const db = getDb();
  const o = schema.overleggen;
  const overleg = Number.isInteger(id) && id > 0 ? db.select().from(o).where(and(eq(o.id, id), manageableOverlegCondition(actor))).get() : undefined;
  const facts = overlegFacts(id);
  if (!facts) throw notFound(NOT_FOUND);
  if (!overleg || !canManageOverleg(actor, facts)) {
    if (canReadOverleg(actor, facts)) throw forbidden(REFUSED);
    throw notFound(NOT_FOUND);
  }
  return { overleg, facts };
}

const activePerson = (id: number) =>
  getDb()
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(and(eq(schema.people.id, id), eq(schema.people.active, true)))
    .get();

function checkChair(chairId: number | undefined) {
  if (chairId === undefined) return null;
  const p = activePerson(chairId);
  if (!p) throw new DomainError(400, "De gekozen voorzitter is niet (meer) te vinden in het portaal.", { chairId: "Kies een voorzitter uit de lijst." });
  return p;
}

/** Everything whose search entry names the overleg or follows its members. */
function reindexOverleg(tx: Tx, overlegId: number, ketenId: number): void {
  for (const m of tx.select({ id: schema.meetings.id }).from(schema.meetings).where(eq(schema.meetings.overlegId, overlegId)).all()) enqueueSearch(tx, "meeting", m.id);
  for (const d of tx.select({ id: schema.decisions.id }).from(schema.decisions).where(eq(schema.decisions.overlegId, overlegId)).all()) enqueueSearch(tx, "decision", d.id);
  for (const a of tx.select({ id: schema.actions.id }).from(schema.actions).where(eq(schema.actions.overlegId, overlegId)).all()) enqueueSearch(tx, "action", a.id);
  for (const r of tx.select({ id: schema.registerItems.id }).from(schema.registerItems).where(eq(schema.registerItems.ketenId, ketenId)).all()) enqueueSearch(tx, "register_item", r.id);
}

/** The ketens in which the actor may start an overleg ("Nieuw overleg" on /overleg). */
export function ketensForNewOverleg(actor: Actor) {
  return getDb()
    .select({ id: schema.ketens.id, name: schema.ketens.name })
    .from(schema.ketens)
    .orderBy(asc(schema.ketens.name))
    .all()
    .filter((k) => canCreateOverleg(actor, regieFacts(k.id)));
}

export function createOverleg(input: { actor: Actor; ketenId: number } & OverlegInput): number {
  const db = getDb();
  const keten = db.select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.id, input.ketenId)).get();
  if (!keten) throw new DomainError(400, "Kies een bestaande keten.", { ketenId: "Kies een keten uit de lijst." });
  const facts = regieFacts(keten.id);
  if (!canCreateOverleg(input.actor, facts)) throw forbidden("Alleen de regisseur van de keten (of de waarnemer) of een beheerder start een nieuw overleg.");
  assertNoClientData({ name: input.name, description: input.description, rhythm: input.rhythm });
  const chair = checkChair(input.chairId);
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.overleggen)
      .values({ ketenId: keten.id, name: input.name, kind: input.kind, rhythm: input.rhythm, description: input.description, chairId: chair?.id ?? null })
      .returning({ id: schema.overleggen.id })
      .get();
    if (chair) tx.insert(schema.overlegPeople).values({ overlegId: row.id, personId: chair.id }).onConflictDoNothing().run();
    regieAudit(tx, input.actor, facts, { action: "overleg.nieuw", entityType: "overleg", entityId: row.id, after: { ketenId: keten.id, name: input.name, kind: input.kind, chairId: chair?.id ?? null } });
    reindexOverleg(tx, row.id, keten.id);
    return row.id;
  });
}

/** The settings screen: the overleg, its members and the choices for chair and members. */
export function overlegSettings(input: { actor: Actor; id: number }) {
  const { overleg, facts } = loadManageable(input.actor, input.id);
  const db = getDb();
  const keten = db.select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name }).from(schema.ketens).where(eq(schema.ketens.id, overleg.ketenId)).get()!;
  const people = db
    .select({ id: schema.people.id, name: schema.people.name, organisation: schema.organisations.name })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.people.active, true))
    .orderBy(asc(schema.organisations.name), asc(schema.people.name))
    .all();
  const organisations = db.select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations).orderBy(asc(schema.organisations.name)).all();
  const memberPeople = new Set(facts.personIds);
  const memberOrgs = new Set(facts.organisationIds);
  return {
    overleg: { id: overleg.id, name: overleg.name, kind: overleg.kind, kindLabel: OVERLEG_KIND_LABELS[overleg.kind], rhythm: overleg.rhythm, description: overleg.description, chairId: overleg.chairId },
    keten,
    kinds: Object.entries(OVERLEG_KIND_LABELS).map(([value, label]) => ({ value, label })),
    members: {
      people: people.filter((p) => memberPeople.has(p.id)),
      organisations: organisations.filter((o) => memberOrgs.has(o.id)),
    },
    candidates: {
      people: people.filter((p) => !memberPeople.has(p.id)),
      organisations: organisations.filter((o) => !memberOrgs.has(o.id)),
    },
    chairOptions: people,
    standIn: isStandingIn(input.actor, facts),
  };
}

export function updateOverleg(input: { actor: Actor; id: number } & OverlegInput): void {
  const { overleg, facts } = loadManageable(input.actor, input.id);
  assertNoClientData({ name: input.name, description: input.description, rhythm: input.rhythm });
  const chair = checkChair(input.chairId);
  getDb().transaction((tx) => {
    tx.update(schema.overleggen)
      .set({ name: input.name, kind: input.kind, rhythm: input.rhythm, description: input.description, chairId: chair?.id ?? null })
      .where(eq(schema.overleggen.id, overleg.id))
      .run();
    // The chair is a member of the overleg (the member list shows who takes part).
    if (chair) tx.insert(schema.overlegPeople).values({ overlegId: overleg.id, personId: chair.id }).onConflictDoNothing().run();
    regieAudit(tx, input.actor, facts, {
      action: "overleg.instellingen",
      entityType: "overleg",
      entityId: overleg.id,
      before: { name: overleg.name, kind: overleg.kind, rhythm: overleg.rhythm, chairId: overleg.chairId },
      after: { name: input.name, kind: input.kind, rhythm: input.rhythm, chairId: chair?.id ?? null },
    });
    reindexOverleg(tx, overleg.id, overleg.ketenId);
  });
}

export function addOverlegPerson(input: { actor: Actor; id: number; personId: number }): void {
  const { overleg, facts } = loadManageable(input.actor, input.id);
  const person = activePerson(input.personId);
  if (!person) throw new DomainError(400, "Deze persoon is niet (meer) te vinden in het portaal.", { personId: "Kies een persoon uit de lijst." });
  if (facts.personIds.includes(person.id)) throw new DomainError(409, `${person.name} is al lid van dit overleg.`, { personId: "Kies iemand die nog geen lid is." });
  getDb().transaction((tx) => {
    tx.insert(schema.overlegPeople).values({ overlegId: overleg.id, personId: person.id }).run();
    regieAudit(tx, input.actor, facts, { action: "overleg.lid-toegevoegd", entityType: "overleg", entityId: overleg.id, after: { personId: person.id, name: person.name } });
    reindexOverleg(tx, overleg.id, overleg.ketenId);
  });
}

export function removeOverlegPerson(input: { actor: Actor; id: number; personId: number }): void {
  const { overleg, facts } = loadManageable(input.actor, input.id);
  if (!facts.personIds.includes(input.personId)) throw notFound("Deze persoon is geen lid (meer) van dit overleg.");
  const name = getDb().select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, input.personId)).get()?.name ?? "";
  if (overleg.chairId === input.personId) throw new DomainError(409, `${name} is de voorzitter van dit overleg. Kies eerst een andere voorzitter (of geen) en verwijder dan het lid.`);
  getDb().transaction((tx) => {
    tx.delete(schema.overlegPeople).where(and(eq(schema.overlegPeople.overlegId, overleg.id), eq(schema.overlegPeople.personId, input.personId))).run();
    regieAudit(tx, input.actor, facts, { action: "overleg.lid-verwijderd", entityType: "overleg", entityId: overleg.id, before: { personId: input.personId, name } });
    reindexOverleg(tx, overleg.id, overleg.ketenId);
  });
}

export function addOverlegOrganisation(input: { actor: Actor; id: number; organisationId: number }): void {
  const { overleg, facts } = loadManageable(input.actor, input.id);
  const org = getDb().select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, input.organisationId)).get();
  if (!org) throw new DomainError(400, "Deze organisatie is niet te vinden in het portaal.", { organisationId: "Kies een organisatie uit de lijst." });
  if (facts.organisationIds.includes(org.id)) throw new DomainError(409, `${org.name} neemt al deel aan dit overleg.`, { organisationId: "Kies een organisatie die nog niet deelneemt." });
  getDb().transaction((tx) => {
    tx.insert(schema.overlegOrganisations).values({ overlegId: overleg.id, organisationId: org.id }).run();
    regieAudit(tx, input.actor, facts, { action: "overleg.organisatie-toegevoegd", entityType: "overleg", entityId: overleg.id, after: { organisationId: org.id, name: org.name } });
    reindexOverleg(tx, overleg.id, overleg.ketenId);
  });
}

export function removeOverlegOrganisation(input: { actor: Actor; id: number; organisationId: number }): void {
  const { overleg, facts } = loadManageable(input.actor, input.id);
  if (!facts.organisationIds.includes(input.organisationId)) throw notFound("Deze organisatie neemt niet (meer) deel aan dit overleg.");
  getDb().transaction((tx) => {
    tx.delete(schema.overlegOrganisations).where(and(eq(schema.overlegOrganisations.overlegId, overleg.id), eq(schema.overlegOrganisations.organisationId, input.organisationId))).run();
    regieAudit(tx, input.actor, facts, { action: "overleg.organisatie-verwijderd", entityType: "overleg", entityId: overleg.id, before: { organisationId: input.organisationId } });
    reindexOverleg(tx, overleg.id, overleg.ketenId);
  });
}
