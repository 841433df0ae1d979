// The .ics for a proposal: its consultation deadline and its ingangsdatum, as all-day events
// whose UIDs stay the same when a date moves (calendar apps then update the entry).
import { and, eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { now } from "~/utils/clock.server";
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

export function proposalCalendar(p: ProposalDates, documentTitle: string, db: Reader = getDb()): string | null {
  const url = `${publicUrl()}/wijzigingen/${p.id}`;
  const events: CalendarEvent[] = [];
  const withdrawn = p.status === "ingetrokken";
  if (p.consultationCloses && (p.status === "concept" || p.status === "in_consultatie")) {
    events.push({
      uid: `kp-voorstel-${p.id}-consultatie-sluit@ketenportaal`,
      date: p.consultationCloses,
      summary: `Uiterste reactiedatum: ${p.title}`,
      description: `Laatste dag om te reageren op het wijzigingsvoorstel "${p.title}" voor ${documentTitle}. Reageren kan in Ketenportaal: ${url}`,
      url,
      sequence: changesOf(p.id, "consultationCloses", db),
    });
  }
  if (p.effectiveDate && !withdrawn) {
    events.push({
      uid: `kp-voorstel-${p.id}-ingangsdatum@ketenportaal`,
      date: p.effectiveDate,
      summary: `Ingangsdatum: ${p.title}`,
      description: `Op deze dag gaat de wijziging "${p.title}" van ${documentTitle} in${
        p.status === "vastgesteld" || p.status === "van_kracht" || p.status === "geevalueerd" ? "" : " (beoogd, nog niet vastgesteld)"
      }. Tijdlijn en tekst: ${url}`,
      url,
      sequence: changesOf(p.id, "effectiveDate", db),
    });
  }
  if (!events.length) return null;
  return buildCalendar(events, { now: now(), name: `Ketenportaal: ${p.title}` });
}

/** The calendar file of a proposal the actor may read (404 otherwise, or when it has no dates yet). */
export function proposalCalendarFor(input: { actor: Actor; id: number }): { id: number; ics: string } {
  const p = requireReadable(input.actor, input.id);
  const ics = proposalCalendar(p.row, p.document.title);
  if (!ics) throw notFound("Dit voorstel heeft (nog) geen datums voor in uw agenda.");
  return { id: p.row.id, ics };
}
