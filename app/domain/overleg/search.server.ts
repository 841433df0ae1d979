// Search entries for the besluitenlijst, the verbeterregister, meetings and actions (listed in
// app/domain/search/sources.server.ts). Visibility: the overleg / register read rule as ACL
// tokens (app/domain/search/acl.server.ts).
import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/db/client.server";
import { formatDate } from "~/shared/dates";
import { ACTION_STATUS_LABELS } from "~/shared/overleg";
import type { SearchSource } from "../search/source-registry.server";
import { visibilityForOverleg, visibilityForRegister } from "../search/acl.server";
import type { SearchEntry } from "../search/types";
import { overlegFacts, registerFacts } from "./facts.server";

export function decisionEntries(db: Db, decisionId: number): SearchEntry[] {
  const d = db
    .select({ id: schema.decisions.id, text: schema.decisions.text, decidedBy: schema.decisions.decidedBy, decidedOn: schema.decisions.decidedOn, createdAt: schema.decisions.createdAt, overlegId: schema.overleggen.id, overleg: schema.overleggen.name, ketenSlug: schema.ketens.slug })
    .from(schema.decisions)
    .innerJoin(schema.overleggen, eq(schema.decisions.overlegId, schema.overleggen.id))
    .innerJoin(schema.ketens, eq(schema.overleggen.ketenId, schema.ketens.id))
    .where(eq(schema.decisions.id, decisionId))
    .get();
  const facts = d ? overlegFacts(d.overlegId, db) : null;
  if (!d || !facts) return [];
  const key = `decision:${d.id}`;
  return [
    {
      id: key,
      entityKey: key,
      kind: "besluit",
      title: `Besluit ${d.overleg}, ${formatDate(d.decidedOn)}`,
      section: "",
      body: `${d.text}\nBesloten door ${d.decidedBy}.`,
      url: `/overleg/${d.overlegId}#besluit-${d.id}`,
      position: 0,
      updatedAt: d.createdAt,
      visibility: visibilityForOverleg(facts),
      facets: { keten: [d.ketenSlug] },
    },
  ];
}

export function registerItemEntries(db: Db, itemId: number): SearchEntry[] {
  const r = db
    .select({ item: schema.registerItems, ketenSlug: schema.ketens.slug, ketenName: schema.ketens.name })
    .from(schema.registerItems)
    .innerJoin(schema.ketens, eq(schema.registerItems.ketenId, schema.ketens.id))
    .where(eq(schema.registerItems.id, itemId))
    .get();
  if (!r) return [];
  const key = `register_item:${r.item.id}`;
  return [
    {
      id: key,
      entityKey: key,
      kind: "verbeterpunt",
      title: r.item.title,
      section: `Verbeterregister ${r.ketenName}`,
      body: [r.item.description, r.item.outcome ? `Resultaat: ${r.item.outcome}` : ""].filter(Boolean).join("\n"),
      url: `/ketens/${r.ketenSlug}/verbeterregister#punt-${r.item.id}`,
      position: 0,
      updatedAt: r.item.updatedAt,
      visibility: visibilityForRegister(registerFacts(r.item.ketenId, db)),
      facets: { keten: [r.ketenSlug] },
    },
  ];
}

// ------------------------------------------------------------------ meetings and actions
// Read with the overleg (canReadOverleg, as the meeting page and the actions table are).

/** A meeting: one entry for the meeting itself, one per agenda item, linking to the item. */
export function meetingEntries(db: Db, meetingId: number): SearchEntry[] {
  const m = db
    .select({ meeting: schema.meetings, overleg: schema.overleggen.name, ketenSlug: schema.ketens.slug })
    .from(schema.meetings)
    .innerJoin(schema.overleggen, eq(schema.meetings.overlegId, schema.overleggen.id))
    .innerJoin(schema.ketens, eq(schema.overleggen.ketenId, schema.ketens.id))
    .where(eq(schema.meetings.id, meetingId))
    .get();
  const facts = m ? overlegFacts(m.meeting.overlegId, db) : null;
  if (!m || !facts) return [];
  const key = `meeting:${meetingId}`;
  const title = `Bijeenkomst ${m.overleg}, ${formatDate(m.meeting.date)}`;
  const url = `/overleg/bijeenkomst/${meetingId}`;
  const visibility = visibilityForOverleg(facts);
  const items = db.select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meetingId)).orderBy(asc(schema.agendaItems.position), asc(schema.agendaItems.id)).all();
  const base = { entityKey: key, kind: "bijeenkomst" as const, title, updatedAt: m.meeting.createdAt, visibility, facets: { keten: [m.ketenSlug] } };
  return [
    { ...base, id: key, section: "", body: [`${m.meeting.startTime}–${m.meeting.endTime}`, m.meeting.location, items.length ? `Agenda: ${items.map((i) => i.title).join("; ")}` : ""].filter(Boolean).join("\n"), url, position: 0 },
    ...items.map((i, n) => ({ ...base, id: `${key}#agendapunt-${i.id}`, section: `Agendapunt: ${i.title}`, body: i.note, url: `${url}#agendapunt-${i.id}`, position: n + 1 })),
  ];
}

export function actionEntries(db: Db, actionId: number): SearchEntry[] {
  const a = db
    .select({ action: schema.actions, overleg: schema.overleggen.name, ketenSlug: schema.ketens.slug, person: schema.people.name, organisation: schema.organisations.name, orgSlug: schema.organisations.slug })
    .from(schema.actions)
    .innerJoin(schema.overleggen, eq(schema.actions.overlegId, schema.overleggen.id))
    .innerJoin(schema.ketens, eq(schema.overleggen.ketenId, schema.ketens.id))
    .leftJoin(schema.people, eq(schema.actions.ownerPersonId, schema.people.id))
    .leftJoin(schema.organisations, eq(schema.actions.ownerOrganisationId, schema.organisations.id))
    .where(eq(schema.actions.id, actionId))
    .get();
  const facts = a ? overlegFacts(a.action.overlegId, db) : null;
  if (!a || !facts) return [];
  const key = `action:${actionId}`;
  const owner = a.person ?? a.organisation;
  return [
    {
      id: key,
      entityKey: key,
      kind: "actie",
      title: a.action.title,
      section: `Actie ${a.overleg}`,
      body: [owner ? `Eigenaar: ${owner}` : "", `Uiterlijk ${formatDate(a.action.dueDate)}`, ACTION_STATUS_LABELS[a.action.status]].filter(Boolean).join("\n"),
      url: `/overleg/${a.action.overlegId}#actie-${actionId}`,
      position: 0,
      updatedAt: a.action.doneAt ?? a.action.createdAt,
      visibility: visibilityForOverleg(facts),
      facets: { keten: [a.ketenSlug], organisatie: a.orgSlug ? [a.orgSlug] : [] },
    },
  ];
}

export const meetingSource: SearchSource = {
  type: "meeting",
  load: meetingEntries,
  allIds: (db) => db.select({ id: schema.meetings.id }).from(schema.meetings).orderBy(asc(schema.meetings.id)).all().map((r) => r.id),
};

export const actionSource: SearchSource = {
  type: "action",
  load: actionEntries,
  allIds: (db) => db.select({ id: schema.actions.id }).from(schema.actions).orderBy(asc(schema.actions.id)).all().map((r) => r.id),
};
