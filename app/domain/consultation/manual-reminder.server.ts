// The owner sends a reminder by hand to the invited organisations that have not responded
// (issue 12), besides the automatic ones before the closing date. Audited; at most one per
// proposal per day, so a double click does not mail everyone twice.
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { formatIsoDateNl } from "~/shared/dates";
import { plural } from "~/shared/plural";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { conflict } from "../errors";
import { notify } from "../notify.server";
import { requireManageable } from "./access.server";
import { claimRun } from "./runs.server";

export function remindNonResponders(input: { actor: Actor; id: number; note?: string }): { people: number; organisations: number } {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  if (row.status !== "in_consultatie") throw conflict("Een herinnering kan alleen zolang de consultatie loopt.");
  return getDb().transaction((tx) => {
    const invitations = tx
      .select({ personId: schema.proposalInvitations.personId, organisationId: schema.proposalInvitations.organisationId, respondedAt: schema.proposalInvitations.respondedAt })
      .from(schema.proposalInvitations)
      .innerJoin(schema.people, eq(schema.proposalInvitations.personId, schema.people.id))
      .where(and(eq(schema.proposalInvitations.proposalId, row.id), eq(schema.people.active, true)))
      .all();
    const responded = new Set(invitations.filter((i) => i.respondedAt).map((i) => i.organisationId));
    const open = invitations.filter((i) => !responded.has(i.organisationId));
    if (!open.length) throw conflict("Alle uitgenodigde organisaties hebben al gereageerd; er is niemand om te herinneren.");
    if (!claimRun(tx, `manual-reminder:${row.id}:${today()}`)) throw conflict("Vandaag is er al een herinnering verstuurd voor dit voorstel.");
    const organisations = new Set(open.map((i) => i.organisationId)).size;
    const note = input.note?.trim();
    notify(tx, open.map((i) => i.personId), {
      kind: "proposal_reminder_manual",
      title: `Herinnering van de regisseur: ${row.title}`,
      body: `${input.actor.name} vraagt uw organisatie te reageren op het wijzigingsvoorstel "${row.title}"${row.consultationCloses ? `; reageren kan tot en met ${formatIsoDateNl(row.consultationCloses)}` : ""}. Ook "geen bezwaar" is een waardevolle reactie.${note ? `\n\n${note}` : ""}`,
      link: `/wijzigingen/${row.id}`,
    });
    audit({ actorId: input.actor.id, action: "proposal.remind", entityType: "proposal", entityId: row.id, after: { people: open.length, organisations } }, tx);
    return { people: open.length, organisations };
  });
}

/** "Herinnering verstuurd aan 2 organisaties (5 personen)." */
export function reminderSentText(r: { people: number; organisations: number }): string {
  return `Herinnering verstuurd aan ${plural(r.organisations, "organisatie", "organisaties")} (${plural(r.people, "persoon", "personen")}).`;
}

/** The reminder page: the owner sees who has not responded yet. */
export function reminderPage(input: { actor: Actor; id: number }) {
  const p = requireManageable(input.actor, input.id);
  const db = getDb();
  const rows = db
    .select({ organisationId: schema.proposalInvitations.organisationId, organisation: schema.organisations.name, respondedAt: schema.proposalInvitations.respondedAt })
    .from(schema.proposalInvitations)
    .innerJoin(schema.organisations, eq(schema.proposalInvitations.organisationId, schema.organisations.id))
    .where(eq(schema.proposalInvitations.proposalId, p.row.id))
    .all();
  const responded = new Set(rows.filter((r) => r.respondedAt).map((r) => r.organisationId));
  const silent = [...new Map(rows.filter((r) => !responded.has(r.organisationId)).map((r) => [r.organisationId, r.organisation])).values()].sort();
  return { proposal: { id: p.row.id, title: p.row.title, status: p.row.status, consultationCloses: p.row.consultationCloses }, silent };
}
