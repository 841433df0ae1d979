// Agenda and verslag to the members of an overleg, by e-mail with the meeting as an .ics
// (a timed event via the `ics` package; a stable UID per meeting and a SEQUENCE that grows
// when the meeting moves, so calendars update the entry instead of adding one).
import { asc, eq } from "drizzle-orm";
import { createEvent } from "ics";
import { getRoomLexicalState } from "~/collab/index.server";
import { getDb, schema, type Tx } from "~/db/client.server";
import { lexicalStateToHtml, lexicalStateToText } from "~/editor/convert.server";
import { formatDate } from "~/shared/dates";
import { roomOfMeeting } from "~/shared/overleg";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { notify } from "../notify.server";
import { loadMeeting } from "./overleg.server";
import { regieAudit } from "./regie.server";
import { resolveTargets } from "./targets.server";

type Meeting = typeof schema.meetings.$inferSelect;

const parts = (date: string, time: string) => [...date.split("-").map(Number), ...time.split(":").map(Number)] as [number, number, number, number, number];

export function meetingCalendar(meeting: Meeting, overlegName: string, description: string): string {
  const { error, value } = createEvent({
    uid: `meeting-${meeting.id}@ketenportaal.zaanstad`,
    productId: "-//Ketenportaal Zaanstad//Overleg//NL",
    method: "PUBLISH",
    sequence: meeting.sequence,
    // Floating local times: every member reads the meeting in Amsterdam time.
    start: parts(meeting.date, meeting.startTime),
    startInputType: "local",
    startOutputType: "local",
    end: parts(meeting.date, meeting.endTime),
    endInputType: "local",
    endOutputType: "local",
    title: overlegName,
    description,
    location: meeting.location || undefined,
  });
  if (error || !value) throw error ?? new Error("ics: no value");
  return value;
}

/** The people an overleg writes to: its chair and its member people. */
export function recipientsOf(tx: Pick<Tx, "select">, overlegId: number, chairId: number | null): number[] {
  const ids = tx.select({ id: schema.overlegPeople.personId }).from(schema.overlegPeople).where(eq(schema.overlegPeople.overlegId, overlegId)).all().map((r) => r.id);
  return [...new Set([...(chairId ? [chairId] : []), ...ids])];
}

export function sendAgenda(input: { actor: Actor; meetingId: number }): number {
  const { meeting, overleg, facts } = loadMeeting(input.actor, input.meetingId, "edit");
  const items = getDb().select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meeting.id)).orderBy(asc(schema.agendaItems.position), asc(schema.agendaItems.id)).all();
  // Titles of linked items are only named in the mail when the sender may read them; the
  // recipients are members of the overleg, who open them through the meeting page.
  const targets = resolveTargets(input.actor, items);
  const lines = items.map((i, n) => {
    const t = i.targetKind ? targets.get(`${i.targetKind}:${i.targetId}`) : undefined;
    return `${n + 1}. ${i.title}${t?.status ? ` (stand: ${t.status})` : ""}`;
  });
  const when = `${formatDate(meeting.date)}, ${meeting.startTime}–${meeting.endTime}${meeting.location ? `, ${meeting.location}` : ""}`;
  const body = `De agenda voor ${overleg.name} op ${when}:\n\n${lines.join("\n") || "(nog geen agendapunten)"}\n\nDe agenda in de bijlage zet de bijeenkomst in uw agenda.`;
  return getDb().transaction((tx) => {
    const to = recipientsOf(tx, overleg.id, overleg.chairId);
    notify(tx, to, { kind: "overleg_agenda", title: `Agenda ${overleg.name} ${formatDate(meeting.date)}`, body, link: `/overleg/bijeenkomst/${meeting.id}`, ics: meetingCalendar(meeting, overleg.name, body) });
    tx.update(schema.meetings).set({ agendaSentAt: nowIso() }).where(eq(schema.meetings.id, meeting.id)).run();
    regieAudit(tx, input.actor, facts, { action: "overleg.agenda-verstuurd", entityType: "meeting", entityId: meeting.id, after: { recipients: to.length } });
    return to.length;
  });
}

export function sendMinutes(input: { actor: Actor; meetingId: number }): number {
  const { meeting, overleg, facts } = loadMeeting(input.actor, input.meetingId, "edit");
  const text = lexicalStateToText(getRoomLexicalState(roomOfMeeting(meeting.id)));
  const decisions = getDb().select().from(schema.decisions).where(eq(schema.decisions.meetingId, meeting.id)).all();
  const actions = getDb().select().from(schema.actions).where(eq(schema.actions.meetingId, meeting.id)).all();
  const body = [
    `Het verslag van ${overleg.name} op ${formatDate(meeting.date)}.`,
    "",
    text.trim(),
    "",
    "Besluiten:",
    ...(decisions.length ? decisions.map((d) => `- ${d.text} (${d.decidedBy}, ${formatDate(d.decidedOn)})`) : ["- geen"]),
    "",
    "Acties:",
    ...(actions.length ? actions.map((a) => `- ${a.title} (uiterlijk ${formatDate(a.dueDate)})`) : ["- geen"]),
  ].join("\n");
  return getDb().transaction((tx) => {
    const to = recipientsOf(tx, overleg.id, overleg.chairId);
    notify(tx, to, { kind: "overleg_verslag", title: `Verslag ${overleg.name} ${formatDate(meeting.date)}`, body, link: `/overleg/bijeenkomst/${meeting.id}`, ics: meetingCalendar(meeting, overleg.name, `Verslag: ${publicPath(meeting.id)}`) });
    tx.update(schema.meetings).set({ minutesSentAt: nowIso() }).where(eq(schema.meetings.id, meeting.id)).run();
    regieAudit(tx, input.actor, facts, { action: "overleg.verslag-verstuurd", entityType: "meeting", entityId: meeting.id, after: { recipients: to.length } });
    return to.length;
  });
}

const publicPath = (meetingId: number) => `/overleg/bijeenkomst/${meetingId}`;

/** The verslag as HTML for people who follow the overleg but do not write in it. */
export function minutesHtml(meetingId: number): string {
  return lexicalStateToHtml(getRoomLexicalState(roomOfMeeting(meetingId)));
}
