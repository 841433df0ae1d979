// Invitations and receipt tracking: every active person of an affected organisation is
// invited; opening the proposal page marks "geopend", commenting marks "gereageerd". The
// per-organisation table makes "we never heard of it" visible before the deadline.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { notify } from "../notify.server";
import type { Reader, Tx } from "./access.server";

/** Invite the active people of these organisations (again-safe: existing invitations stay). */
export function inviteOrganisations(
  tx: Tx,
  input: { proposalId: number; organisationIds: number[]; title: string; body: string; ics?: string },
): number[] {
  if (!input.organisationIds.length) return [];
  const people = tx
    .select({ id: schema.people.id, organisationId: schema.people.organisationId })
    .from(schema.people)
    .where(and(inArray(schema.people.organisationId, input.organisationIds), eq(schema.people.active, true)))
    .all();
  const at = nowIso();
  const invited: number[] = [];
  for (const person of people) {
    const res = tx
      .insert(schema.proposalInvitations)
      .values({ proposalId: input.proposalId, personId: person.id, organisationId: person.organisationId, invitedAt: at })
      .onConflictDoNothing()
      .run();
    if (res.changes > 0) invited.push(person.id);
  }
  notify(tx, invited, {
    kind: "proposal_invitation",
    title: input.title,
    body: input.body,
    link: `/wijzigingen/${input.proposalId}`,
    ics: input.ics,
  });
  return invited;
}

export function invitedPersonIds(proposalId: number, db: Reader = getDb()): number[] {
  return db
    .select({ id: schema.proposalInvitations.personId })
    .from(schema.proposalInvitations)
    .where(eq(schema.proposalInvitations.proposalId, proposalId))
    .all()
    .map((r) => r.id);
}

/** Everyone who must hear about a change of this proposal: the invited and its author. */
export function audienceOf(p: { id: number; createdById: number }, db: Reader = getDb()): number[] {
  return [...new Set([...invitedPersonIds(p.id, db), p.createdById])];
}

export function markOpened(actor: Actor, proposalId: number): void {
  getDb()
    .update(schema.proposalInvitations)
    .set({ openedAt: nowIso() })
    .where(
      and(
        eq(schema.proposalInvitations.proposalId, proposalId),
        eq(schema.proposalInvitations.personId, actor.id),
        isNull(schema.proposalInvitations.openedAt),
      ),
    )
    .run();
}

/** Responding implies having opened it (a reply from the e-mail link still counts as both). */
export function markResponded(tx: Tx, actor: Actor, proposalId: number): void {
  const at = nowIso();
  const where = and(eq(schema.proposalInvitations.proposalId, proposalId), eq(schema.proposalInvitations.personId, actor.id));
  tx.update(schema.proposalInvitations).set({ openedAt: at }).where(and(where, isNull(schema.proposalInvitations.openedAt))).run();
  tx.update(schema.proposalInvitations).set({ respondedAt: at }).where(and(where, isNull(schema.proposalInvitations.respondedAt))).run();
}

export type OrganisationReceipt = {
  organisationId: number;
  organisationName: string;
  invited: number;
  opened: number;
  responded: number;
  firstOpenedAt: string | null;
  firstRespondedAt: string | null;
  people: { name: string; invitedAt: string; openedAt: string | null; respondedAt: string | null }[];
};

/** Per affected organisation: how many were invited, opened it, responded. */
export function receiptsFor(proposalId: number, db: Reader = getDb()): OrganisationReceipt[] {
  const impacts = db
    .select({ organisationId: schema.proposalImpacts.organisationId, name: schema.organisations.name })
    .from(schema.proposalImpacts)
    .innerJoin(schema.organisations, eq(schema.proposalImpacts.organisationId, schema.organisations.id))
    .where(eq(schema.proposalImpacts.proposalId, proposalId))
    .orderBy(asc(schema.organisations.name))
    .all();
  const rows = db
    .select({
      organisationId: schema.proposalInvitations.organisationId,
      name: schema.people.name,
      invitedAt: schema.proposalInvitations.invitedAt,
      openedAt: schema.proposalInvitations.openedAt,
      respondedAt: schema.proposalInvitations.respondedAt,
    })
    .from(schema.proposalInvitations)
    .innerJoin(schema.people, eq(schema.proposalInvitations.personId, schema.people.id))
    .where(eq(schema.proposalInvitations.proposalId, proposalId))
    .orderBy(asc(schema.people.name))
    .all();
  return groupReceipts(
    impacts.map((o) => ({ organisationId: o.organisationId, name: o.name })),
    rows,
  );
}

/**
 * Invited / opened / responded per organisation from invitation rows. Shared with the
 * verkenning (app/domain/verkenning), which keeps its own invitations in the same shape.
 */
export function groupReceipts(
  organisations: { organisationId: number; name: string }[],
  rows: { organisationId: number; name: string; invitedAt: string; openedAt: string | null; respondedAt: string | null }[],
): OrganisationReceipt[] {
  const min = (values: (string | null)[]) => values.filter((v): v is string => !!v).sort()[0] ?? null;
  return organisations.map((o) => {
    const people = rows.filter((r) => r.organisationId === o.organisationId);
    return {
      organisationId: o.organisationId,
      organisationName: o.name,
      invited: people.length,
      opened: people.filter((p) => p.openedAt).length,
      responded: people.filter((p) => p.respondedAt).length,
      firstOpenedAt: min(people.map((p) => p.openedAt)),
      firstRespondedAt: min(people.map((p) => p.respondedAt)),
      people: people.map((p) => ({ name: p.name, invitedAt: p.invitedAt, openedAt: p.openedAt, respondedAt: p.respondedAt })),
    };
  });
}

export function invitationOf(actorId: number, proposalId: number, db: Reader = getDb()) {
  return (
    db
      .select({ invitedAt: schema.proposalInvitations.invitedAt, openedAt: schema.proposalInvitations.openedAt, respondedAt: schema.proposalInvitations.respondedAt })
      .from(schema.proposalInvitations)
      .where(and(eq(schema.proposalInvitations.proposalId, proposalId), eq(schema.proposalInvitations.personId, actorId)))
      .get() ?? null
  );
}
