// The reporting moments as an agenda (RFC 5545, the generator of consultation/ics.ts): one
// all-day event per moment, with a UID that stays the same when the item changes.
import { now } from "~/utils/clock.server";
import { buildCalendar, type CalendarEvent } from "../consultation/ics";
import type { Actor } from "../actor.server";
import { publicUrl } from "../notify.server";
import { opdrachtRow, upcomingReports } from "./queries.server";

const event = (m: { id: number; dueDate: string; title: string; opdrachtId: number; opdrachtTitle: string }): CalendarEvent => {
  const url = `${publicUrl()}/opdrachten/${m.opdrachtId}#moment-${m.id}`;
  return {
    uid: `kp-opdracht-${m.opdrachtId}-moment-${m.id}@ketenportaal`,
    date: m.dueDate,
    summary: `Rapportage: ${m.opdrachtTitle}`,
    description: `${m.title}. Na de rapportage legt de aanvrager vast wat er met de gegevens is gedaan: ${url}`,
    url,
  };
};

/** Every coming reporting moment the actor may read (from a month back, a year ahead). */
export function registerCalendar(actor: Actor): string {
  const from = new Date(now().getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
  return buildCalendar(upcomingReports({ actor, from, days: 400 }).map(event), { now: now(), name: "Ketenportaal: rapportagemomenten opdrachten" });
}

/** The moments of one item (404 when the actor may not read it). */
export function opdrachtCalendar(actor: Actor, id: number): string {
  const r = opdrachtRow(actor, id);
  return buildCalendar(
    r.reports.map((m) => event({ id: m.id, dueDate: m.dueDate, title: m.title, opdrachtId: r.id, opdrachtTitle: r.title })),
    { now: now(), name: `Ketenportaal: ${r.title}` },
  );
}
