// Demo content for overleg (content/overleg.json, voorbeeldinhoud): the roles table and regie
// of the ketens, the EKO and OKO of the participation keten with past meetings, decisions,
// actions and a verbeterregister, and the driehoeksoverleg of the Wmo keten.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { appendUpdate } from "~/collab/persistence.server";
import { getDb, schema } from "~/db/client.server";
import type { ActionStatus, OverlegKind } from "~/db/schema";
import { lexicalStateToYUpdate, markdownToLexicalState } from "~/editor/convert.server";
import { roomOfMeeting, type RegisterPriority, type RegisterSource, type RegisterStatus } from "~/shared/overleg";
import { contentDir } from "../seed/world.server";

type SeedAction = { title: string; ownerPerson?: string; ownerOrganisation?: string; due: string; status: ActionStatus; decision?: number; register?: string };
type SeedMeeting = {
  date: string;
  start: string;
  end: string;
  location: string;
  agenda: { title: string; register?: string }[];
  decisions: { text: string; decidedBy: string; agenda?: number }[];
  actions: SeedAction[];
  minutes?: string;
};
export type OverlegContent = {
  regie: { keten: string; deputy: string; standIn: boolean; escalation: string }[];
  roles: { keten: string; organisation: string; role: string; expectations: string; contentDecider: string; capacityDecider: string }[];
  contacts: { keten: string; wijk: string; role: string; person?: string; name?: string }[];
  overleggen: { key: string; keten: string; kind: OverlegKind; name: string; description: string; chair: string; rhythm: string; people: string[]; organisations: string[]; meetings: SeedMeeting[] }[];
  register: { key: string; keten: string; title: string; description: string; source: RegisterSource; priority?: RegisterPriority; status: RegisterStatus; outcome: string }[];
};

export function readOverlegContent(): OverlegContent {
  return JSON.parse(fs.readFileSync(path.join(contentDir(), "overleg.json"), "utf8")) as OverlegContent;
}

export function seedOverleg(log: (m: string) => void = () => {}): void {
  const file = path.join(contentDir(), "overleg.json");
  if (!fs.existsSync(file)) return;
  const c = readOverlegContent();
  const db = getDb();
  const idOf = (table: typeof schema.ketens | typeof schema.organisations | typeof schema.wijken, slug: string) => {
    const row = db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get();
    if (!row) throw new Error(`overleg.json: unknown ${slug}`);
    return row.id;
  };
  const person = (email: string) => {
    const row = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.email, email)).get();
    if (!row) throw new Error(`overleg.json: unknown person ${email}`);
    return row.id;
  };
  let meetings = 0;
  db.transaction((tx) => {
    for (const r of c.regie) tx.insert(schema.ketenRegie).values({ ketenId: idOf(schema.ketens, r.keten), deputyId: person(r.deputy), standIn: r.standIn, escalationPersonId: person(r.escalation) }).run();
    for (const r of c.roles) {
      tx.insert(schema.ketenRoles)
        .values({ ketenId: idOf(schema.ketens, r.keten), organisationId: idOf(schema.organisations, r.organisation), role: r.role, expectations: r.expectations, contentDecider: r.contentDecider, capacityDecider: r.capacityDecider })
        .run();
    }
    for (const k of c.contacts) {
      tx.insert(schema.ketenWijkContacts).values({ ketenId: idOf(schema.ketens, k.keten), wijkId: idOf(schema.wijken, k.wijk), role: k.role, personId: k.person ? person(k.person) : null, name: k.name ?? "" }).run();
    }
    const registerIds = new Map<string, number>();
    for (const r of c.register) {
      const row = tx
        .insert(schema.registerItems)
        .values({ ketenId: idOf(schema.ketens, r.keten), title: r.title, description: r.description, source: r.source, priority: r.priority ?? null, status: r.status, outcome: r.outcome })
        .returning({ id: schema.registerItems.id })
        .get();
      registerIds.set(r.key, row.id);
    }
    for (const o of c.overleggen) {
      const overleg = tx
        .insert(schema.overleggen)
        .values({ ketenId: idOf(schema.ketens, o.keten), kind: o.kind, name: o.name, description: o.description, chairId: person(o.chair), rhythm: o.rhythm })
        .returning({ id: schema.overleggen.id })
        .get();
      for (const p of o.people) tx.insert(schema.overlegPeople).values({ overlegId: overleg.id, personId: person(p) }).run();
      for (const org of o.organisations) tx.insert(schema.overlegOrganisations).values({ overlegId: overleg.id, organisationId: idOf(schema.organisations, org) }).run();
      for (const m of o.meetings) {
        const meeting = tx
          .insert(schema.meetings)
          .values({ overlegId: overleg.id, date: m.date, startTime: m.start, endTime: m.end, location: m.location })
          .returning({ id: schema.meetings.id })
          .get();
        meetings++;
        const itemIds = m.agenda.map(
          (a, i) =>
            tx
              .insert(schema.agendaItems)
              .values({ meetingId: meeting.id, position: i + 1, title: a.title, targetKind: a.register ? "register" : null, targetId: a.register ? registerIds.get(a.register) ?? null : null })
              .returning({ id: schema.agendaItems.id })
              .get().id,
        );
        const decisionIds = m.decisions.map(
          (d) =>
            tx
              .insert(schema.decisions)
              .values({ overlegId: overleg.id, meetingId: meeting.id, agendaItemId: d.agenda !== undefined ? itemIds[d.agenda] : null, text: d.text, decidedBy: d.decidedBy, decidedOn: m.date, createdById: person(o.chair) })
              .returning({ id: schema.decisions.id })
              .get().id,
        );
        for (const a of m.actions) {
          const row = tx
            .insert(schema.actions)
            .values({
              overlegId: overleg.id,
              meetingId: meeting.id,
              decisionId: a.decision !== undefined ? decisionIds[a.decision] : null,
              title: a.title,
              ownerPersonId: a.ownerPerson ? person(a.ownerPerson) : null,
              ownerOrganisationId: a.ownerOrganisation ? idOf(schema.organisations, a.ownerOrganisation) : null,
              dueDate: a.due,
              status: a.status,
              doneAt: a.status === "gereed" ? a.due : null,
              createdById: person(o.chair),
            })
            .returning({ id: schema.actions.id })
            .get();
          if (a.register) tx.update(schema.registerItems).set({ okoActionId: row.id }).where(eq(schema.registerItems.id, registerIds.get(a.register)!)).run();
        }
        if (m.minutes) appendUpdate(roomOfMeeting(meeting.id), lexicalStateToYUpdate(markdownToLexicalState(m.minutes)), null, "snapshot");
      }
    }
  });
  log(`Overleg: ${c.overleggen.length} overleggen met ${meetings} bijeenkomsten en ${c.register.length} verbeterpunten geladen.`);
}
