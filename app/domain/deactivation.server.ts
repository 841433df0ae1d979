// Deactivating a person: first a confirmation that shows their open work (signals of the ketens
// they are regisseur of, open proposals they own, open overleg actions), with the offer to hand
// it all to another active person in the same step. The handover is audited per kind.
import { and, eq, inArray, ne } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { OPEN_STATUSES as OPEN_PROPOSAL } from "~/shared/proposals";
import { OPEN_STATUSES as OPEN_SIGNAL } from "~/shared/signals";
import type { Actor } from "./actor.server";
import { audit } from "./audit.server";
import { setPersonActive } from "./directory.server";
import { badRequest } from "./errors";
import { assertCanAdminister } from "./policy.server";

const OPEN_ACTION = ["open", "in_uitvoering"] as const;

/** What the person still has open, for the confirmation step. */
export function openWorkOf(actor: Actor, personId: number) {
  assertCanAdminister(actor);
  const db = getDb();
  const ketens = db.select({ id: schema.ketens.id, name: schema.ketens.name }).from(schema.ketens).where(eq(schema.ketens.regisseurId, personId)).all();
  const signals = ketens.length
    ? db
        .select({ id: schema.signals.id, title: schema.signals.title })
        .from(schema.signals)
        .where(and(inArray(schema.signals.ownerKetenId, ketens.map((k) => k.id)), inArray(schema.signals.status, [...OPEN_SIGNAL])))
        .all()
    : [];
  const proposals = db
    .select({ id: schema.proposals.id, title: schema.proposals.title })
    .from(schema.proposals)
    .where(and(eq(schema.proposals.createdById, personId), inArray(schema.proposals.status, [...OPEN_PROPOSAL])))
    .all();
  const actions = db
    .select({ id: schema.actions.id, title: schema.actions.title })
    .from(schema.actions)
    .where(and(eq(schema.actions.ownerPersonId, personId), inArray(schema.actions.status, [...OPEN_ACTION])))
    .all();
  return { ketens, signals, proposals, actions };
}

/** Active people who can take the work over (a regisseur when there are ketens to hand over). */
export function successorsFor(actor: Actor, personId: number) {
  assertCanAdminister(actor);
  const db = getDb();
  const regisseurs = new Set(db.select({ id: schema.personRoles.personId }).from(schema.personRoles).where(eq(schema.personRoles.role, "regisseur")).all().map((r) => r.id));
  return db
    .select({ id: schema.people.id, name: schema.people.name, organisationName: schema.organisations.name })
    .from(schema.people)
    .leftJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(and(eq(schema.people.active, true), ne(schema.people.id, personId)))
    .orderBy(schema.people.name)
    .all()
    .map((p) => ({ ...p, regisseur: regisseurs.has(p.id) }));
}

/** Deactivate after confirmation, handing the open work to `to` first (or leaving it, with null). */
export function deactivatePerson(input: { actor: Actor; id: number; to: number | null }): void {
  assertCanAdminister(input.actor);
  if (input.id === input.actor.id) throw badRequest("U kunt uw eigen account niet deactiveren.");
  const work = openWorkOf(input.actor, input.id);
  const hasWork = work.ketens.length + work.proposals.length + work.actions.length > 0;
  if (input.to != null && hasWork) {
    const successor = successorsFor(input.actor, input.id).find((p) => p.id === input.to);
    if (!successor) throw badRequest("Kies een actieve persoon om het werk aan over te dragen.", { to: "Kies een actieve persoon uit de lijst." });
    if (work.ketens.length && !successor.regisseur) {
      throw badRequest("Deze persoon wordt regisseur van een keten en heeft daarvoor de rol regisseur nodig.", { to: "Kies iemand met de rol regisseur." });
    }
    const to = successor.id;
    getDb().transaction((tx) => {
      if (work.ketens.length) tx.update(schema.ketens).set({ regisseurId: to }).where(inArray(schema.ketens.id, work.ketens.map((k) => k.id))).run();
      if (work.proposals.length) tx.update(schema.proposals).set({ createdById: to }).where(inArray(schema.proposals.id, work.proposals.map((p) => p.id))).run();
      if (work.actions.length) tx.update(schema.actions).set({ ownerPersonId: to }).where(inArray(schema.actions.id, work.actions.map((a) => a.id))).run();
      audit(
        {
          actorId: input.actor.id,
          action: "person.reassigned",
          entityType: "persoon",
          entityId: input.id,
          after: { to, ketens: work.ketens.map((k) => k.id), signalen: work.signals.map((s) => s.id), voorstellen: work.proposals.map((p) => p.id), acties: work.actions.map((a) => a.id) },
        },
        tx,
      );
    });
  }
  setPersonActive({ actor: input.actor, id: input.id, active: false });
}
