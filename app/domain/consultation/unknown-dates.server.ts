// Uncertain dates: after the concept a date may become "nog niet bekend" (tot nader orde),
// with the reason and the day by which the new date will be known. The date is then empty
// (so no calendar event and no activation), the change is kept in the date history and
// announced to everyone invited. When that day passes without a new date, the owner is
// reminded once and the timeline shows the promise as overdue. Setting a date again (on the
// timeline, or in the decision) resolves it.
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict } from "../errors";
import { notify } from "../notify.server";
import { assertNoClientData } from "../privacy.server";
import { enqueueSearch } from "../search-outbox.server";
import { formatIsoDateNl } from "~/shared/dates";
import { UNKNOWABLE_FIELDS, UNKNOWN_DATE_TEXT } from "~/shared/pilot";
import { DATE_LABELS, DATE_SHORT_LABELS, isDateField, isMovable, type DateField } from "~/shared/proposal-dates";
import { STATUS_LABELS } from "~/shared/proposals";
import { requireManageable, type Reader, type Tx } from "./access.server";
import { proposalCalendar, proposalCancellation } from "./calendar.server";
import { audienceOf } from "./invitations.server";
import { claimRun } from "./runs.server";

export function markDateUnknown(input: { actor: Actor; id: number; field: string; reason: string; knownBy: string }): void {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  assertNoClientData({ reason: input.reason }, "voorstel");
  if (!isDateField(input.field) || !UNKNOWABLE_FIELDS.includes(input.field)) {
    throw badRequest("Kies een datum die nog niet bekend is.", { field: "Alleen het besluit, de ingangsdatum en de evaluatie kunnen op ‘nog niet bekend’ worden gezet." });
  }
  const field: DateField = input.field;
  if (row.status === "concept") throw conflict("In een concept laat u een datum gewoon leeg; ‘nog niet bekend’ is voor een datum die partners al kennen.");
  if (!isMovable(field, row.status)) throw conflict(`${DATE_LABELS[field]} ligt vast: het voorstel is ${STATUS_LABELS[row.status].toLowerCase()}.`);
  const open = openUnknown(row.id, field);
  // A promise that was not kept may be renewed (with a new reason); one that still runs may not.
  if (open && open.knownBy >= today()) throw conflict(`${DATE_LABELS[field]} staat al op ‘nog niet bekend’. Vul de nieuwe datum in zodra die bekend is.`);
  const fieldErrors: Record<string, string> = {};
  if (!input.reason.trim()) fieldErrors.reason = "Geef aan waarom de datum nog niet bekend is. Alle genodigden krijgen deze reden te zien.";
  if (input.knownBy <= today()) fieldErrors.knownBy = "Kies een dag na vandaag waarop de nieuwe datum bekend is.";
  if (Object.keys(fieldErrors).length) throw badRequest("De datum is niet op ‘nog niet bekend’ gezet. Controleer de gemarkeerde velden.", fieldErrors);

  getDb().transaction((tx) => {
    const at = nowIso();
    if (open) resolveUnknownDates(tx, row.id, [field]);
    tx.update(schema.proposals).set({ [field]: null, updatedAt: at }).where(eq(schema.proposals.id, row.id)).run();
    tx.insert(schema.proposalUnknownDates)
      .values({ proposalId: row.id, field, previousValue: row[field], reason: input.reason.trim(), knownBy: input.knownBy, setById: input.actor.id, setAt: at })
      .run();
    tx.insert(schema.proposalDateChanges)
      .values({ proposalId: row.id, field, oldValue: row[field], newValue: null, reason: `Tot nader orde: ${input.reason.trim()} De nieuwe datum is uiterlijk ${formatIsoDateNl(input.knownBy)} bekend.`, changedById: input.actor.id, at })
      .run();
    audit({ actorId: input.actor.id, action: "proposal.dates.unknown", entityType: "proposal", entityId: row.id, before: { [field]: row[field] }, after: { [field]: null, knownBy: input.knownBy } }, tx);
    enqueueSearch(tx, "proposal", row.id);
    const updated = { ...row, [field]: null };
    notify(tx, audienceOf(row, tx), {
      kind: "proposal_date_change",
      title: `Datum nog niet bekend: ${row.title}`,
      body: `De ${DATE_SHORT_LABELS[field]} van het wijzigingsvoorstel "${row.title}" voor ${p.document.title} is ${UNKNOWN_DATE_TEXT}. Eerder was dat ${formatIsoDateNl(row[field])}.\n\nReden: ${input.reason.trim()}\n\nDe nieuwe datum is uiterlijk ${formatIsoDateNl(input.knownBy)} bekend; u krijgt dan bericht. Tot die tijd staat deze datum niet meer in de agenda-bijlage.${field === "effectiveDate" && row.effectiveDate ? " Met de agenda-bijlage vervalt de eerdere afspraak voor deze datum in uw agenda." : ""}`,
      link: `/wijzigingen/${row.id}/tijdlijn`,
      // The earlier ingangsdatum was in the invitation's calendar file: cancel that entry. Other
      // dates have no calendar entry; their mail carries the calendar as it stands.
      ics: (field === "effectiveDate" ? proposalCancellation(updated, p.document.title, tx) : proposalCalendar(updated, p.document.title, tx)) ?? undefined,
    });
  });
}

function openUnknown(proposalId: number, field: string, db: Reader = getDb()) {
  return db
    .select()
    .from(schema.proposalUnknownDates)
    .where(and(eq(schema.proposalUnknownDates.proposalId, proposalId), eq(schema.proposalUnknownDates.field, field), isNull(schema.proposalUnknownDates.resolvedAt)))
    .get();
}

/** A date got a value again: its "nog niet bekend" is settled. Called wherever dates are written. */
export function resolveUnknownDates(tx: Tx, proposalId: number, fields: string[]): void {
  for (const field of fields) {
    tx.update(schema.proposalUnknownDates)
      .set({ resolvedAt: nowIso() })
      .where(and(eq(schema.proposalUnknownDates.proposalId, proposalId), eq(schema.proposalUnknownDates.field, field), isNull(schema.proposalUnknownDates.resolvedAt)))
      .run();
  }
}

/** The open "nog niet bekend" dates of a proposal, with whether the promised day has passed. */
export function unknownDatesOf(proposalId: number, db: Reader = getDb()) {
  const day = today();
  return db
    .select({ field: schema.proposalUnknownDates.field, reason: schema.proposalUnknownDates.reason, knownBy: schema.proposalUnknownDates.knownBy, setAt: schema.proposalUnknownDates.setAt })
    .from(schema.proposalUnknownDates)
    .where(and(eq(schema.proposalUnknownDates.proposalId, proposalId), isNull(schema.proposalUnknownDates.resolvedAt)))
    .all()
    .map((u) => ({ ...u, overdue: u.knownBy < day }));
}

/** Scheduled: remind the owner, once per promise, when the day by which a new date would be known has passed. */
export function remindOverdueUnknownDates(): number {
  const db = getDb();
  const overdue = db
    .select({ id: schema.proposalUnknownDates.id, proposalId: schema.proposalUnknownDates.proposalId, field: schema.proposalUnknownDates.field, knownBy: schema.proposalUnknownDates.knownBy, reason: schema.proposalUnknownDates.reason })
    .from(schema.proposalUnknownDates)
    .where(and(isNull(schema.proposalUnknownDates.resolvedAt), lt(schema.proposalUnknownDates.knownBy, today())))
    .all();
  let sent = 0;
  for (const u of overdue) {
    db.transaction((tx) => {
      const row = tx.select({ id: schema.proposals.id, title: schema.proposals.title, createdById: schema.proposals.createdById, status: schema.proposals.status }).from(schema.proposals).where(eq(schema.proposals.id, u.proposalId)).get();
      if (!row || row.status === "ingetrokken") return;
      if (!claimRun(tx, `unknown-date-overdue:${u.id}`)) return;
      const label = isDateField(u.field) ? DATE_SHORT_LABELS[u.field] : u.field;
      notify(tx, [row.createdById], {
        kind: "proposal_date_overdue",
        title: `Nieuwe datum had bekend moeten zijn: ${row.title}`,
        body: `U meldde dat de nieuwe ${label} van "${row.title}" uiterlijk ${formatIsoDateNl(u.knownBy)} bekend zou zijn. Die dag is voorbij en er staat nog geen nieuwe datum. Vul de datum in op de tijdlijn, of meld met een nieuwe reden wanneer hij wel bekend is; de genodigden wachten erop.\n\nReden van toen: ${u.reason}`,
        link: `/wijzigingen/${row.id}/tijdlijn`,
      });
      sent++;
    });
  }
  return sent;
}
