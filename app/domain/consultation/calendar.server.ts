// The .ics for a proposal: its consultation deadline and its ingangsdatum, as all-day events
// whose UIDs stay the same when a date moves (calendar apps then update the entry). An
// ingangsdatum that was in a calendar and is now "nog niet bekend" is sent as cancelled under
// the same UID (ics.ts), so it does not linger in anyone's agenda.
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { now } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { publicUrl } from "../notify.server";
import type { Actor } from "../actor.server";
import { notFound } from "../errors";
import { requireReadable, type Reader } from "./access.server";
import { buildCalendar, type CalendarEvent } from "./ics";

type ProposalDates = { id: number; title: string; consultationCloses: string | null; effectiveDate: string | null; status: string };

function changesOf(proposalId: number, field: string, db: Reader): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.proposalDateChanges)
      .where(and(eq(schema.proposalDateChanges.proposalId, proposalId), eq(schema.proposalDateChanges.field, field)))
      .get()?.n ?? 0
  );
}

/** The last ingangsdatum the proposal had, if it has none now (it became "nog niet bekend"). */
function withdrawnEffectiveDate(p: ProposalDates, db: Reader): string | null {
  if (p.effectiveDate || p.status === "ingetrokken") return null;
  return lastEffectiveDate(p.id, db);
}

/** The most recent ingangsdatum recorded in the date history (the one earlier files carried). */
function lastEffectiveDate(proposalId: number, db: Reader): string | null {
  const last = db
    .select({ oldValue: schema.proposalDateChanges.oldValue })
    .from(schema.proposalDateChanges)
    .where(and(eq(schema.proposalDateChanges.proposalId, proposalId), eq(schema.proposalDateChanges.field, "effectiveDate"), isNotNull(schema.proposalDateChanges.oldValue)))
    .orderBy(desc(schema.proposalDateChanges.at), desc(schema.proposalDateChanges.id))
    .get();
  return last?.oldValue ?? null;
}

function consultationUid(id: number): string {
  return `kp-voorstel-${id}-consultatie-sluit@ketenportaal`;
}

function effectiveDateUid(id: number): string {
  return `kp-voorstel-${id}-ingangsdatum@ketenportaal`;
}

/** The cancellation of an ingangsdatum that became unknown: same UID, the next SEQUENCE. */
function cancelledEffectiveDate(p: ProposalDates, documentTitle: string, db: Reader): CalendarEvent | null {
  const date = withdrawnEffectiveDate(p, db);
  if (!date) return null;
  const url = `${publicUrl()}/wijzigingen/${p.id}`;
  return {
    uid: effectiveDateUid(p.id),
    date,
    summary: `Vervallen: ingangsdatum ${p.title}`,
    description: `De ingangsdatum van de wijziging "${p.title}" van ${documentTitle} is nog niet bekend; deze datum vervalt. U krijgt bericht zodra de nieuwe datum bekend is: ${url}`,
    url,
    sequence: changesOf(p.id, "effectiveDate", db),
    cancelled: true,
  };
}

function organizer(): { name: string; email: string } {
  const from = env().MAIL_FROM;
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || "Ketenportaal", email: m[2] } : { name: "Ketenportaal", email: from.trim() };
}

/**
 * For the mail that says the ingangsdatum is not known yet: a METHOD:CANCEL calendar that takes
 * the earlier entry out of the recipient's agenda (null when no earlier date was sent).
 */
export function proposalCancellation(p: ProposalDates, documentTitle: string, db: Reader = getDb()): string | null {
  const event = cancelledEffectiveDate(p, documentTitle, db);
  if (!event) return null;
  return buildCalendar([event], { now: now(), name: `Ketenportaal: ${p.title}`, method: "CANCEL", organizer: organizer() });
}

/**
 * For a withdrawn proposal: a METHOD:CANCEL calendar that takes its consultation deadline and
 * its ingangsdatum out of the recipient's agenda (same UIDs, the next SEQUENCE). Dates that
 * were never sent are cancelled too; a calendar app ignores a CANCEL for a UID it does not
 * know. Null when the proposal had no dates.
 */
export function proposalWithdrawal(p: ProposalDates, documentTitle: string, db: Reader = getDb()): string | null {
  const url = `${publicUrl()}/wijzigingen/${p.id}`;
  const events: CalendarEvent[] = [];
  const why = `Het wijzigingsvoorstel "${p.title}" voor ${documentTitle} is ingetrokken; deze datum vervalt. De geldende tekst blijft ongewijzigd: ${url}`;
  if (p.consultationCloses) {
    events.push({
      uid: consultationUid(p.id),
      date: p.consultationCloses,
      summary: `Vervallen: uiterste reactiedatum ${p.title}`,
      description: why,
      url,
      sequence: changesOf(p.id, "consultationCloses", db) + 1,
      cancelled: true,
    });
  }
  const effective = p.effectiveDate ?? lastEffectiveDate(p.id, db);
  if (effective) {
    events.push({
      uid: effectiveDateUid(p.id),
      date: effective,
      summary: `Vervallen: ingangsdatum ${p.title}`,
      description: why,
      url,
      sequence: changesOf(p.id, "effectiveDate", db) + 1,
      cancelled: true,
    });
  }
  if (!events.length) return null;
  return buildCalendar(events, { now: now(), name: `Ketenportaal: ${p.title}`, method: "CANCEL", organizer: organizer() });
}

export function proposalCalendar(p: ProposalDates, documentTitle: string, db: Reader = getDb()): string | null {
  const url = `${publicUrl()}/wijzigingen/${p.id}`;
  const events: CalendarEvent[] = [];
  const withdrawn = p.status === "ingetrokken";
  // A withdrawn proposal's file cancels what earlier files put in the agenda.
  if (withdrawn) return proposalWithdrawal(p, documentTitle, db);
  if (p.consultationCloses && (p.status === "concept" || p.status === "in_consultatie")) {
    events.push({
      uid: consultationUid(p.id),
      date: p.consultationCloses,
      summary: `Uiterste reactiedatum: ${p.title}`,
      description: `Laatste dag om te reageren op het wijzigingsvoorstel "${p.title}" voor ${documentTitle}. Reageren kan in Ketenportaal: ${url}`,
      url,
      sequence: changesOf(p.id, "consultationCloses", db),
    });
  }
  if (p.effectiveDate && !withdrawn) {
    events.push({
      uid: effectiveDateUid(p.id),
      date: p.effectiveDate,
      summary: `Ingangsdatum: ${p.title}`,
      description: `Op deze dag gaat de wijziging "${p.title}" van ${documentTitle} in${
        p.status === "vastgesteld" || p.status === "van_kracht" || p.status === "geevalueerd" ? "" : " (beoogd, nog niet vastgesteld)"
      }. Tijdlijn en tekst: ${url}`,
      url,
      sequence: changesOf(p.id, "effectiveDate", db),
    });
  }
  const cancelled = cancelledEffectiveDate(p, documentTitle, db);
  if (cancelled) events.push(cancelled);
  if (!events.length) return null;
  const onlyCancelled = events.every((e) => e.cancelled);
  return buildCalendar(events, { now: now(), name: `Ketenportaal: ${p.title}`, method: onlyCancelled ? "CANCEL" : "PUBLISH", organizer: organizer() });
}

/** The calendar file of a proposal the actor may read (404 otherwise, or when it has no dates yet). */
export function proposalCalendarFor(input: { actor: Actor; id: number }): { id: number; ics: string } {
  const p = requireReadable(input.actor, input.id);
  const ics = proposalCalendar(p.row, p.document.title);
  if (!ics) throw notFound("Dit voorstel heeft (nog) geen datums voor in uw agenda.");
  return { id: p.row.id, ics };
}
