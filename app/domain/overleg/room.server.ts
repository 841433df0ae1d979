// The "minutes" room kind: the verslag of a bijeenkomst, written together during the meeting
// with the same Lexical + Yjs editor as documents (a living document). Members of the overleg
// write, the keten's organisations follow read-only, others are refused. Listed in
// app/collab/kinds.server.ts.
import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { lexicalStateToYUpdate, markdownToLexicalState } from "~/editor/convert.server";
import type { RoomKindHandlers } from "~/collab/types";
import { formatDate } from "~/shared/dates";
import { canEditOverleg, canReadOverleg } from "../policy.server";
import { overlegFacts } from "./facts.server";

function meetingWithOverleg(id: number) {
  return getDb()
    .select({ meeting: schema.meetings, overleg: schema.overleggen })
    .from(schema.meetings)
    .innerJoin(schema.overleggen, eq(schema.meetings.overlegId, schema.overleggen.id))
    .where(eq(schema.meetings.id, id))
    .get();
}

/** The verslag starts from the agenda, so the notes follow the order of the meeting. */
export function minutesTemplate(meetingId: number): string | null {
  const row = meetingWithOverleg(meetingId);
  if (!row) return null;
  const items = getDb().select({ title: schema.agendaItems.title }).from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meetingId)).orderBy(asc(schema.agendaItems.position), asc(schema.agendaItems.id)).all();
  const agenda = items.length ? items.map((i, n) => `## ${n + 1}. ${i.title}\n\n`).join("") : "## 1. Opening\n\n";
  return `# Verslag ${row.overleg.name}, ${formatDate(row.meeting.date)}\n\n## Aanwezig\n\n${agenda}## Rondvraag en sluiting\n\n`;
}

export const minutesRoomKind: RoomKindHandlers = {
  authorize(actor, id) {
    const row = meetingWithOverleg(id);
    const facts = row ? overlegFacts(row.overleg.id) : null;
    if (!facts) return null;
    if (canEditOverleg(actor, facts)) return "write";
    return canReadOverleg(actor, facts) ? "read" : null;
  },
  initialState(id) {
    const md = minutesTemplate(id);
    return md === null ? null : lexicalStateToYUpdate(markdownToLexicalState(md));
  },
};
