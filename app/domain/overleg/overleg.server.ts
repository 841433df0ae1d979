// Overleggen per keten and their bijeenkomsten: agenda (items linking signals, proposals,
// documents, register items, actions), besluitenlijst and acties. Access: policy.server.ts
// (canReadOverleg / canEditOverleg and their SQL conditions); refusals of reading are a 404.
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, schema, type Tx } from "~/db/client.server";
import type { ActionStatus } from "~/db/schema";
import { ACTION_STATUS_LABELS, OPEN_ACTION_STATUSES, OVERLEG_KIND_LABELS, roomOfMeeting, type AgendaTargetKind } from "~/shared/overleg";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { DomainError, forbidden, notFound } from "../errors";
import { canEditOverleg, canManageOverleg, canReadOverleg, isStandingIn, readableOverlegCondition, type OverlegFacts } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { overlegFacts } from "./facts.server";
import { assertNoClientData, regieAudit } from "./regie.server";
import { canLinkTarget, resolveTargets } from "./targets.server";

export type OverlegRow = typeof schema.overleggen.$inferSelect;
type Loaded = { overleg: OverlegRow; facts: OverlegFacts };

const NOT_FOUND = "Dit overleg bestaat niet, of u heeft er geen toegang toe.";

export function loadOverleg(actor: Actor, id: number, need: "read" | "edit" = "read", db: Pick<Tx, "select"> = getDb()): Loaded {
  const overleg = Number.isInteger(id) && id > 0 ? db.select().from(schema.overleggen).where(eq(schema.overleggen.id, id)).get() : undefined;
  const facts = overleg ? overlegFacts(overleg.id, db) : null;
  if (!overleg || !facts || !canReadOverleg(actor, facts)) throw notFound(NOT_FOUND);
  if (need === "edit" && !canEditOverleg(actor, facts)) throw forbidden("Alleen de leden van dit overleg (en de regie van de keten) mogen dit doen.");
  return { overleg, facts };
}

export function loadMeeting(actor: Actor, meetingId: number, need: "read" | "edit" = "read") {
  const meeting = Number.isInteger(meetingId) && meetingId > 0 ? getDb().select().from(schema.meetings).where(eq(schema.meetings.id, meetingId)).get() : undefined;
  if (!meeting) throw notFound("Deze bijeenkomst bestaat niet, of u heeft er geen toegang toe.");
  try {
    return { meeting, ...loadOverleg(actor, meeting.overlegId, need) };
  } catch (e) {
    if (e instanceof DomainError && e.status === 404) throw notFound("Deze bijeenkomst bestaat niet, of u heeft er geen toegang toe.");
    throw e;
  }
}

/** The overleggen the actor may read, with their keten; optionally of one keten. */
export function listOverleggen(input: { actor: Actor; ketenId?: number }) {
  const o = schema.overleggen;
  return getDb()
    .select({ id: o.id, name: o.name, kind: o.kind, rhythm: o.rhythm, ketenId: o.ketenId, ketenName: schema.ketens.name, ketenSlug: schema.ketens.slug })
    .from(o)
    .innerJoin(schema.ketens, eq(o.ketenId, schema.ketens.id))
    .where(and(readableOverlegCondition(input.actor), input.ketenId ? eq(o.ketenId, input.ketenId) : undefined))
    .orderBy(asc(schema.ketens.name), asc(o.name))
    .all()
    .map((r) => ({ ...r, kindLabel: OVERLEG_KIND_LABELS[r.kind] }));
}

function membersOf(overlegId: number) {
  const db = getDb();
  const people = db
    .select({ id: schema.people.id, name: schema.people.name, functie: schema.people.functie, organisation: schema.organisations.name, organisationId: schema.organisations.id })
    .from(schema.overlegPeople)
    .innerJoin(schema.people, eq(schema.overlegPeople.personId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.overlegPeople.overlegId, overlegId))
    .orderBy(asc(schema.organisations.name), asc(schema.people.name))
    .all();
  const organisations = db
    .select({ id: schema.organisations.id, name: schema.organisations.name, slug: schema.organisations.slug })
    .from(schema.overlegOrganisations)
    .innerJoin(schema.organisations, eq(schema.overlegOrganisations.organisationId, schema.organisations.id))
    .where(eq(schema.overlegOrganisations.overlegId, overlegId))
    .orderBy(asc(schema.organisations.name))
    .all();
  return { people, organisations };
}

const ownerName = (a: { ownerPerson: string | null; ownerOrganisation: string | null }) => a.ownerPerson ?? a.ownerOrganisation ?? "—";

function actionsWhere(where: ReturnType<typeof eq>) {
  const ownerPerson = sql<string | null>`(select name from people where id = ${schema.actions.ownerPersonId})`;
  const ownerOrganisation = sql<string | null>`(select name from organisations where id = ${schema.actions.ownerOrganisationId})`;
  const on = today();
  return getDb()
    .select({
      id: schema.actions.id,
      title: schema.actions.title,
      dueDate: schema.actions.dueDate,
      status: schema.actions.status,
      meetingId: schema.actions.meetingId,
      decisionId: schema.actions.decisionId,
      signalId: schema.actions.signalId,
      ownerPerson,
      ownerOrganisation,
    })
    .from(schema.actions)
    .where(where)
    .orderBy(asc(schema.actions.dueDate), asc(schema.actions.id))
    .all()
    .map((a) => ({
      ...a,
      owner: ownerName(a),
      statusLabel: ACTION_STATUS_LABELS[a.status],
      overdue: OPEN_ACTION_STATUSES.includes(a.status) && a.dueDate < on,
    }));
}

export function decisionsOf(overlegId: number) {
  return getDb()
    .select({ id: schema.decisions.id, text: schema.decisions.text, decidedBy: schema.decisions.decidedBy, decidedOn: schema.decisions.decidedOn, meetingId: schema.decisions.meetingId, agendaItemId: schema.decisions.agendaItemId })
    .from(schema.decisions)
    .where(eq(schema.decisions.overlegId, overlegId))
    .orderBy(desc(schema.decisions.decidedOn), desc(schema.decisions.id))
    .all();
}

export function overlegPage(input: { actor: Actor; id: number }) {
  const { overleg, facts } = loadOverleg(input.actor, input.id);
  const db = getDb();
  const keten = db.select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name }).from(schema.ketens).where(eq(schema.ketens.id, overleg.ketenId)).get()!;
  const chair = overleg.chairId ? db.select({ name: schema.people.name, functie: schema.people.functie }).from(schema.people).where(eq(schema.people.id, overleg.chairId)).get() ?? null : null;
  const meetings = db.select().from(schema.meetings).where(eq(schema.meetings.overlegId, overleg.id)).orderBy(desc(schema.meetings.date)).all();
  return {
    overleg: { ...overleg, kindLabel: OVERLEG_KIND_LABELS[overleg.kind] },
    keten,
    chair,
    members: membersOf(overleg.id),
    meetings: meetings.map((m) => ({ id: m.id, date: m.date, startTime: m.startTime, endTime: m.endTime, location: m.location, past: m.date < today() })),
    decisions: decisionsOf(overleg.id),
    actions: actionsWhere(eq(schema.actions.overlegId, overleg.id)),
    canEdit: canEditOverleg(input.actor, facts),
    canManage: canManageOverleg(input.actor, facts),
  };
}

// ------------------------------------------------------------------ meetings

type MeetingInput = { date: string; startTime: string; endTime: string; location: string };

function checkTimes(m: MeetingInput) {
  if (m.endTime <= m.startTime) throw new DomainError(400, "De eindtijd ligt voor de begintijd.", { endTime: "Kies een eindtijd na de begintijd." });
  assertNoClientData({ location: m.location });
}

export function createMeeting(input: { actor: Actor; overlegId: number } & MeetingInput): number {
  const { overleg, facts } = loadOverleg(input.actor, input.overlegId, "edit");
  checkTimes(input);
  return getDb().transaction((tx) => {
    const row = tx
      .insert(schema.meetings)
      .values({ overlegId: overleg.id, date: input.date, startTime: input.startTime, endTime: input.endTime, location: input.location })
      .returning({ id: schema.meetings.id })
      .get();
    regieAudit(tx, input.actor, facts, { action: "overleg.bijeenkomst", entityType: "meeting", entityId: row.id, after: { overlegId: overleg.id, date: input.date } });
    carryOpenActions(tx, overleg.id);
    enqueueSearch(tx, "meeting", row.id);
    return row.id;
  });
}

/** Move a meeting (date, times, place); the calendar invitation's SEQUENCE grows. */
export function moveMeeting(input: { actor: Actor; meetingId: number } & MeetingInput): void {
  const { meeting, facts } = loadMeeting(input.actor, input.meetingId, "edit");
  checkTimes(input);
  getDb().transaction((tx) => {
    tx.update(schema.meetings)
      .set({ date: input.date, startTime: input.startTime, endTime: input.endTime, location: input.location, sequence: meeting.sequence + 1 })
      .where(eq(schema.meetings.id, meeting.id))
      .run();
    regieAudit(tx, input.actor, facts, { action: "overleg.bijeenkomst-verplaatst", entityType: "meeting", entityId: meeting.id, before: { date: meeting.date, startTime: meeting.startTime }, after: { date: input.date, startTime: input.startTime } });
    carryOpenActions(tx, meeting.overlegId);
    enqueueSearch(tx, "meeting", meeting.id);
  });
}

/**
 * Open actions of an overleg appear on the agenda of its next meeting by themselves: one item
 * per action (a unique index on meeting + action), added when a meeting is planned or moved,
 * when an action is recorded, and by the scheduler each pass.
 */
export function carryOpenActions(tx: Tx, overlegId: number): number {
  const next = tx
    .select({ id: schema.meetings.id, date: schema.meetings.date })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.overlegId, overlegId), gte(schema.meetings.date, today())))
    .orderBy(asc(schema.meetings.date), asc(schema.meetings.id))
    .get();
  if (!next) return 0;
  const open = tx
    .select({ id: schema.actions.id, title: schema.actions.title, meetingId: schema.actions.meetingId })
    .from(schema.actions)
    .where(and(eq(schema.actions.overlegId, overlegId), inArray(schema.actions.status, [...OPEN_ACTION_STATUSES])))
    .all()
    .filter((a) => a.meetingId !== next.id);
  let added = 0;
  const base = tx.select({ n: sql<number>`coalesce(max(position), 0)` }).from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, next.id)).get()?.n ?? 0;
  for (const a of open) {
    const r = tx
      .insert(schema.agendaItems)
      .values({ meetingId: next.id, position: base + 100 + a.id, title: `Openstaande actie: ${a.title}`, targetKind: "action", targetId: a.id, carriedActionId: a.id })
      .onConflictDoNothing()
      .run();
    added += r.changes;
  }
  if (added) enqueueSearch(tx, "meeting", next.id);
  return added;
}

export function meetingPage(input: { actor: Actor; id: number }) {
  const { meeting, overleg, facts } = loadMeeting(input.actor, input.id);
  const db = getDb();
  const items = db.select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meeting.id)).orderBy(asc(schema.agendaItems.position), asc(schema.agendaItems.id)).all();
  const targets = resolveTargets(input.actor, items);
  const canEdit = canEditOverleg(input.actor, facts);
  const members = membersOf(overleg.id);
  const ketenOrgs = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.ketenMembers)
    .innerJoin(schema.organisations, eq(schema.ketenMembers.organisationId, schema.organisations.id))
    .where(eq(schema.ketenMembers.ketenId, overleg.ketenId))
    .orderBy(asc(schema.organisations.name))
    .all();
  return {
    meeting,
    overleg: { id: overleg.id, name: overleg.name, kindLabel: OVERLEG_KIND_LABELS[overleg.kind], ketenId: overleg.ketenId },
    agenda: items.map((i) => ({ id: i.id, title: i.title, note: i.note, carried: i.carriedActionId != null, target: i.targetKind ? targets.get(`${i.targetKind}:${i.targetId}`) ?? null : null })),
    decisions: decisionsOf(overleg.id).filter((d) => d.meetingId === meeting.id),
    actions: actionsWhere(eq(schema.actions.meetingId, meeting.id)),
    minutesRoom: roomOfMeeting(meeting.id),
    canEdit,
    standIn: isStandingIn(input.actor, facts),
    ownerOptions: canEdit
      ? [
          ...members.people.map((p) => ({ value: `person:${p.id}`, label: `${p.name} (${p.organisation})` })),
          ...ketenOrgs.map((o) => ({ value: `organisation:${o.id}`, label: o.name })),
        ]
      : [],
  };
}

// ------------------------------------------------------------------ agenda, decisions, actions

export function addAgendaItem(input: { actor: Actor; meetingId: number; title: string; target?: string; note: string }): number {
  const { meeting, facts } = loadMeeting(input.actor, input.meetingId, "edit");
  assertNoClientData({ title: input.title, note: input.note });
  let targetKind: AgendaTargetKind | null = null;
  let targetId: number | null = null;
  if (input.target) {
    const [k, id] = input.target.split(":");
    targetKind = k as AgendaTargetKind;
    targetId = Number(id);
    if (!canLinkTarget(input.actor, targetKind, targetId)) throw notFound("Het gekozen item bestaat niet, of u heeft er geen toegang toe.");
  }
  return getDb().transaction((tx) => {
    const pos = tx.select({ n: sql<number>`coalesce(max(position), 0)` }).from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meeting.id)).get()?.n ?? 0;
    const row = tx.insert(schema.agendaItems).values({ meetingId: meeting.id, position: pos + 1, title: input.title, targetKind, targetId, note: input.note }).returning({ id: schema.agendaItems.id }).get();
    regieAudit(tx, input.actor, facts, { action: "overleg.agendapunt", entityType: "meeting", entityId: meeting.id, after: { agendaItemId: row.id, targetKind, targetId } });
    enqueueSearch(tx, "meeting", meeting.id);
    return row.id;
  });
}

export function recordDecision(input: { actor: Actor; meetingId: number; agendaItemId?: number; text: string; decidedBy: string; decidedOn: string }): number {
  const { meeting, facts } = loadMeeting(input.actor, input.meetingId, "edit");
  assertNoClientData({ text: input.text, decidedBy: input.decidedBy });
  const db = getDb();
  if (input.agendaItemId) {
    const item = db.select().from(schema.agendaItems).where(eq(schema.agendaItems.id, input.agendaItemId)).get();
    if (!item || item.meetingId !== meeting.id) throw new DomainError(400, "Dit agendapunt hoort niet bij deze bijeenkomst.", { agendaItemId: "Kies een agendapunt van deze bijeenkomst." });
  }
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.decisions)
      .values({ overlegId: meeting.overlegId, meetingId: meeting.id, agendaItemId: input.agendaItemId ?? null, text: input.text, decidedBy: input.decidedBy, decidedOn: input.decidedOn, createdById: input.actor.id })
      .returning({ id: schema.decisions.id })
      .get();
    regieAudit(tx, input.actor, facts, { action: "overleg.besluit", entityType: "decision", entityId: row.id, after: { meetingId: meeting.id, text: input.text } });
    enqueueSearch(tx, "decision", row.id);
    return row.id;
  });
}

export function addAction(input: { actor: Actor; meetingId: number; title: string; owner: string; dueDate: string; decisionId?: number; signalId?: number }): number {
  const { meeting, facts } = loadMeeting(input.actor, input.meetingId, "edit");
  assertNoClientData({ title: input.title });
  const db = getDb();
  const [kind, rawId] = input.owner.split(":");
  const ownerId = Number(rawId);
  const ownerOk =
    kind === "person"
      ? !!db.select({ id: schema.people.id }).from(schema.people).where(and(eq(schema.people.id, ownerId), eq(schema.people.active, true))).get()
      : !!db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.id, ownerId)).get();
  if (!ownerOk) throw new DomainError(400, "Kies een bestaande eigenaar.", { owner: "Kies een eigenaar uit de lijst." });
  if (input.decisionId) {
    const d = db.select().from(schema.decisions).where(eq(schema.decisions.id, input.decisionId)).get();
    if (!d || d.overlegId !== meeting.overlegId) throw new DomainError(400, "Dit besluit hoort niet bij dit overleg.", { decisionId: "Kies een besluit van dit overleg." });
  }
  if (input.signalId && !canLinkTarget(input.actor, "signal", input.signalId)) throw notFound("Dit signaal bestaat niet, of u heeft er geen toegang toe.");
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.actions)
      .values({
        overlegId: meeting.overlegId,
        meetingId: meeting.id,
        decisionId: input.decisionId ?? null,
        signalId: input.signalId ?? null,
        title: input.title,
        ownerPersonId: kind === "person" ? ownerId : null,
        ownerOrganisationId: kind === "organisation" ? ownerId : null,
        dueDate: input.dueDate,
        createdById: input.actor.id,
      })
      .returning({ id: schema.actions.id })
      .get();
    regieAudit(tx, input.actor, facts, { action: "overleg.actie", entityType: "action", entityId: row.id, after: { title: input.title, dueDate: input.dueDate, owner: input.owner } });
    carryOpenActions(tx, meeting.overlegId);
    enqueueSearch(tx, "action", row.id);
    return row.id;
  });
}

export function setActionStatus(input: { actor: Actor; actionId: number; status: ActionStatus }): void {
  const db = getDb();
  const action = db.select().from(schema.actions).where(eq(schema.actions.id, input.actionId)).get();
  if (!action) throw notFound("Deze actie bestaat niet, of u heeft er geen toegang toe.");
  const { facts } = loadOverleg(input.actor, action.overlegId, "edit");
  db.transaction((tx) => {
    tx.update(schema.actions)
      .set({ status: input.status, doneAt: input.status === "gereed" ? today() : null })
      .where(eq(schema.actions.id, action.id))
      .run();
    regieAudit(tx, input.actor, facts, { action: "overleg.actie-status", entityType: "action", entityId: action.id, before: { status: action.status }, after: { status: input.status } });
    enqueueSearch(tx, "action", action.id);
  });
}

/** Upcoming meetings the actor may put things on the agenda of ("op de agenda" from a signal). */
export function upcomingEditableMeetings(actor: Actor, ketenIds?: number[]) {
  const rows = getDb()
    .select({ id: schema.meetings.id, date: schema.meetings.date, overlegId: schema.overleggen.id, name: schema.overleggen.name, ketenId: schema.overleggen.ketenId })
    .from(schema.meetings)
    .innerJoin(schema.overleggen, eq(schema.meetings.overlegId, schema.overleggen.id))
    .where(and(gte(schema.meetings.date, today()), ketenIds?.length ? inArray(schema.overleggen.ketenId, ketenIds) : undefined))
    .orderBy(asc(schema.meetings.date))
    .all();
  const facts = new Map<number, OverlegFacts | null>();
  return rows.filter((r) => {
    if (!facts.has(r.overlegId)) facts.set(r.overlegId, overlegFacts(r.overlegId));
    const f = facts.get(r.overlegId);
    return !!f && canEditOverleg(actor, f);
  });
}

/** "Op de agenda": one click from a signal puts it on a coming meeting of its keten. */
export function putSignalOnAgenda(input: { actor: Actor; meetingId: number; signalId: number }): number {
  const title = getDb().select({ title: schema.signals.title }).from(schema.signals).where(eq(schema.signals.id, input.signalId)).get()?.title;
  if (!title || !canLinkTarget(input.actor, "signal", input.signalId)) throw notFound("Dit signaal bestaat niet, of u heeft er geen toegang toe.");
  return addAgendaItem({ actor: input.actor, meetingId: input.meetingId, title: `Signaal: ${title}`, target: `signal:${input.signalId}`, note: "" });
}
