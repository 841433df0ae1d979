// Commands of the register of opdrachten (issue 13): register a request, the contractmanager's
// toets, status changes, reporting moments, "ontvangen" and the requester's feedback ("wat er
// met uw gegevens is gedaan"). Each takes one object with the acting person, asks the policy
// and writes in one transaction with its audit entry, search update and notifications.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Tx } from "~/db/client.server";
import { formatDate } from "~/shared/dates";
import { parseReportLines, type OpdrachtInput } from "~/shared/opdracht-forms";
import { OPDRACHT_NEXT_STATUSES, OPDRACHT_STATUS_LABELS, TOETS_OUTCOME_LABELS, type OpdrachtStatus, type ToetsOutcome } from "~/shared/opdrachten";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { DomainError, badRequest, conflict, forbidden, notFound } from "../errors";
import { notify } from "../notify.server";
import { canCreateOpdracht, canManageOpdracht, canReadOpdracht, canToetsOpdracht, type OpdrachtFacts } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { opdrachtFacts, toetsOrganisationId } from "./facts.server";

export const OPDRACHT_NOT_FOUND = "Dit item van het opdrachtenregister bestaat niet, of u heeft er geen toegang toe.";

/** The item and its facts, for someone who may read it; anyone else gets the same 404. */
export function loadReadableOpdracht(actor: Actor, id: number) {
  const row = getDb().select().from(schema.opdrachten).where(eq(schema.opdrachten.id, id)).get();
  const facts = row ? opdrachtFacts(id) : null;
  if (!row || !facts || !canReadOpdracht(actor, facts)) throw notFound(OPDRACHT_NOT_FOUND);
  return { row, facts };
}

function loadManaged(actor: Actor, id: number) {
  const loaded = loadReadableOpdracht(actor, id);
  if (!canManageOpdracht(actor, loaded.facts)) throw forbidden("Alleen de aanvrager en de regisseurs van de keten werken dit item bij.");
  return loaded;
}

/** Active people of the given organisations (the teams that carry an item out). */
function peopleOf(tx: Tx, organisationIds: number[]): number[] {
  if (!organisationIds.length) return [];
  return tx.select({ id: schema.people.id }).from(schema.people).where(and(inArray(schema.people.organisationId, organisationIds), eq(schema.people.active, true))).all().map((p) => p.id);
}

function contractmanagers(tx: Tx): number[] {
  const org = toetsOrganisationId(tx);
  if (!org) return [];
  const people = peopleOf(tx, [org]);
  if (!people.length) return [];
  const lezers = tx.select({ id: schema.personRoles.personId }).from(schema.personRoles).where(and(inArray(schema.personRoles.personId, people), eq(schema.personRoles.role, "lezer"))).all().map((r) => r.id);
  return people.filter((p) => !lezers.includes(p));
}

function checkIds(tx: Tx, table: typeof schema.ketens | typeof schema.themas | typeof schema.organisations, ids: number[], field: string, message: string) {
  if (!ids.length) return;
  const found = tx.select({ id: table.id }).from(table).where(inArray(table.id, ids)).all();
  if (found.length !== new Set(ids).size) throw badRequest(message, { [field]: message });
}

export function createOpdracht(input: { actor: Actor; value: OpdrachtInput }): number {
  const { actor, value: v } = input;
  if (!canCreateOpdracht(actor)) throw forbidden("Verzoeken aan de wijkteams registreren de regisseurs en redacteuren van de gemeente.");
  const reports = parseReportLines(v.reports);
  if (reports.error) throw badRequest(reports.error, { reports: reports.error });
  const db = getDb();
  return db.transaction((tx) => {
    checkIds(tx, schema.ketens, v.ketenIds, "ketenIds", "Kies bestaande ketens.");
    checkIds(tx, schema.themas, v.themaIds, "themaIds", "Kies bestaande thema's.");
    checkIds(tx, schema.organisations, v.organisationIds, "organisationIds", "Kies bestaande organisaties.");
    const carriers = tx.select({ kind: schema.organisations.kind }).from(schema.organisations).where(inArray(schema.organisations.id, v.organisationIds)).all();
    if (carriers.some((c) => c.kind === "gemeente")) throw badRequest("De gemeente zelf voert geen verzoek aan de teams uit; kies de organisaties die het doen.", { organisationIds: "Kies de organisaties die het uitvoeren." });
    const ownerId = v.ownerId ?? actor.id;
    if (ownerId !== actor.id) {
      const owner = tx.select({ kind: schema.organisations.kind }).from(schema.people).innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id)).where(eq(schema.people.id, ownerId)).get();
      if (!owner || (owner.kind !== "gemeente" && owner.kind !== "afdeling")) throw badRequest("De eigenaar is iemand van de gemeente.", { ownerId: "Kies een medewerker van de gemeente." });
    }
    if (v.visieDocumentId) {
      const visie = tx.select({ kind: schema.documents.kind, published: schema.documents.currentVersionId }).from(schema.documents).where(eq(schema.documents.id, v.visieDocumentId)).get();
      if (!visie || visie.kind !== "visie" || visie.published == null) throw badRequest("Kies een gepubliceerd visiedocument.", { visieDocumentId: "Kies een gepubliceerd visiedocument." });
    }
    const status: OpdrachtStatus = v.route === "buiten_route" ? "lopend" : "voorgesteld";
    const row = tx
      .insert(schema.opdrachten)
      .values({
        kind: v.kind,
        title: v.title,
        purpose: v.purpose,
        requestedBy: v.requestedBy,
        ownerId,
        budget: v.budget ?? null,
        startDate: v.startDate,
        endDate: v.endDate,
        evaluationDate: v.evaluationDate ?? null,
        indicators: v.indicators,
        visieDocumentId: v.visieDocumentId ?? null,
        visieAnchor: v.visieDocumentId ? v.visieAnchor : "",
        status,
        route: v.route,
        createdById: actor.id,
      })
      .returning({ id: schema.opdrachten.id })
      .get();
    for (const k of new Set(v.ketenIds)) tx.insert(schema.opdrachtKetens).values({ opdrachtId: row.id, ketenId: k }).run();
    for (const t of new Set(v.themaIds)) tx.insert(schema.opdrachtThemas).values({ opdrachtId: row.id, themaId: t }).run();
    for (const o of new Set(v.organisationIds)) tx.insert(schema.opdrachtOrganisations).values({ opdrachtId: row.id, organisationId: o }).run();
    for (const r of reports.lines) tx.insert(schema.opdrachtReports).values({ opdrachtId: row.id, dueDate: r.dueDate, title: r.title }).run();
    audit({ actorId: actor.id, action: "opdracht.nieuw", entityType: "opdracht", entityId: row.id, after: { title: v.title, kind: v.kind, route: v.route, status } }, tx);
    enqueueSearch(tx, "opdracht", row.id);
    notify(tx, contractmanagers(tx).filter((p) => p !== actor.id), {
      kind: "opdracht_toets",
      title: v.route === "buiten_route" ? `Buiten de afgesproken route: ${v.title}` : `Te toetsen: ${v.title}`,
      body:
        v.route === "buiten_route"
          ? `${v.requestedBy} heeft dit verzoek al bij de teams uitgezet zonder toets. Leg het alsnog naast de brede opdracht en leg de uitkomst vast.`
          : `${v.requestedBy} vraagt dit van de wijkteams. Leg het naast de brede opdracht en leg de uitkomst vast voordat het bij de teams komt.`,
      link: `/opdrachten/${row.id}`,
    });
    return row.id;
  });
}

export function toetsOpdracht(input: { actor: Actor; id: number; outcome: ToetsOutcome; note: string }): void {
  const { row, facts } = loadReadableOpdracht(input.actor, input.id);
  if (!canToetsOpdracht(input.actor, facts)) throw forbidden("Alleen de contractmanager toetst een verzoek aan de brede opdracht.");
  if (row.toetsAt) throw conflict(`Dit verzoek is al getoetst op ${formatDate(row.toetsAt)}.`);
  if (row.route === "via_toets" && row.status !== "voorgesteld") throw conflict("Alleen een voorgesteld verzoek wordt getoetst.");
  // Via the route the toets decides whether it reaches the teams; outside the route the teams
  // already have it, so the outcome is recorded and the owner decides what follows.
  const status: OpdrachtStatus = row.route === "buiten_route" ? row.status : input.outcome === "past_niet" ? "gestopt" : "getoetst";
  const at = nowIso();
  getDb().transaction((tx) => {
    tx.update(schema.opdrachten)
      .set({ toetsOutcome: input.outcome, toetsNote: input.note, toetsById: input.actor.id, toetsAt: at, status, statusNote: status === "gestopt" ? input.note : row.statusNote, updatedAt: at })
      .where(eq(schema.opdrachten.id, row.id))
      .run();
    audit({ actorId: input.actor.id, action: "opdracht.getoetst", entityType: "opdracht", entityId: row.id, before: { status: row.status }, after: { status, outcome: input.outcome, note: input.note } }, tx);
    enqueueSearch(tx, "opdracht", row.id);
    notify(tx, [row.ownerId], {
      kind: "opdracht_getoetst",
      title: `Getoetst: ${row.title}`,
      body: `Uitkomst: ${TOETS_OUTCOME_LABELS[input.outcome]}. ${input.note}`,
      link: `/opdrachten/${row.id}`,
    });
    if (status === "getoetst") notifyCarriers(tx, row.id, facts, `Nieuw verzoek aan uw organisatie: ${row.title}`, `Dit verzoek is getoetst aan de brede opdracht en komt naar uw organisatie. Looptijd ${formatDate(row.startDate)} tot ${formatDate(row.endDate)}.`);
  });
}

function notifyCarriers(tx: Tx, id: number, facts: OpdrachtFacts, title: string, body: string, anchor = "") {
  notify(tx, peopleOf(tx, facts.carrierOrganisationIds), { kind: "opdracht_teams", title, body, link: `/opdrachten/${id}${anchor}` });
}

export function setOpdrachtStatus(input: { actor: Actor; id: number; to: OpdrachtStatus; note: string }): void {
  const { row } = loadManaged(input.actor, input.id);
  const from = row.status as OpdrachtStatus;
  if (!OPDRACHT_NEXT_STATUSES[from].includes(input.to)) {
    const why = from === "voorgesteld" && input.to === "lopend" ? "Eerst toetst de contractmanager het verzoek; daarna kan het lopen." : `Van "${OPDRACHT_STATUS_LABELS[from]}" kan het item niet naar "${OPDRACHT_STATUS_LABELS[input.to]}".`;
    throw conflict(why, { to: why });
  }
  if (input.to === "gestopt" && !input.note) throw new DomainError(400, "Schrijf op waarom het verzoek stopt.", { note: "Schrijf op waarom het verzoek stopt." });
  getDb().transaction((tx) => {
    tx.update(schema.opdrachten).set({ status: input.to, statusNote: input.note, updatedAt: nowIso() }).where(eq(schema.opdrachten.id, row.id)).run();
    audit({ actorId: input.actor.id, action: "opdracht.status", entityType: "opdracht", entityId: row.id, before: { status: from }, after: { status: input.to, note: input.note } }, tx);
    enqueueSearch(tx, "opdracht", row.id);
  });
}

export function addReportMoment(input: { actor: Actor; id: number; dueDate: string; title: string }): number {
  const { row } = loadManaged(input.actor, input.id);
  if (row.status === "afgerond" || row.status === "gestopt") throw conflict("Bij een afgerond of gestopt item komen geen rapportagemomenten meer.");
  return getDb().transaction((tx) => {
    const r = tx.insert(schema.opdrachtReports).values({ opdrachtId: row.id, dueDate: input.dueDate, title: input.title }).returning({ id: schema.opdrachtReports.id }).get();
    audit({ actorId: input.actor.id, action: "opdracht.moment", entityType: "opdracht", entityId: row.id, after: { reportId: r.id, dueDate: input.dueDate, title: input.title } }, tx);
    return r.id;
  });
}

function loadReport(opdrachtId: number, reportId: number) {
  const r = getDb().select().from(schema.opdrachtReports).where(eq(schema.opdrachtReports.id, reportId)).get();
  if (!r || r.opdrachtId !== opdrachtId) throw notFound("Dit rapportagemoment bestaat niet.");
  return r;
}

export function markReportReceived(input: { actor: Actor; id: number; reportId: number }): void {
  const { row } = loadManaged(input.actor, input.id);
  const r = loadReport(row.id, input.reportId);
  if (r.receivedAt) return;
  getDb().transaction((tx) => {
    tx.update(schema.opdrachtReports).set({ receivedAt: nowIso(), receivedById: input.actor.id }).where(eq(schema.opdrachtReports.id, r.id)).run();
    audit({ actorId: input.actor.id, action: "opdracht.ontvangen", entityType: "opdracht", entityId: row.id, after: { reportId: r.id } }, tx);
  });
}

/** "Wat er met uw gegevens is gedaan": recorded after a report, shown to and sent to the teams. */
export function recordReportFeedback(input: { actor: Actor; id: number; reportId: number; feedback: string }): void {
  const { row, facts } = loadManaged(input.actor, input.id);
  const r = loadReport(row.id, input.reportId);
  const at = nowIso();
  getDb().transaction((tx) => {
    tx.update(schema.opdrachtReports)
      .set({ feedback: input.feedback, feedbackAt: at, feedbackById: input.actor.id, receivedAt: r.receivedAt ?? at, receivedById: r.receivedById ?? input.actor.id })
      .where(eq(schema.opdrachtReports.id, r.id))
      .run();
    audit({ actorId: input.actor.id, action: "opdracht.terugkoppeling", entityType: "opdracht", entityId: row.id, before: { feedback: r.feedback }, after: { reportId: r.id, feedback: input.feedback } }, tx);
    enqueueSearch(tx, "opdracht", row.id);
    notifyCarriers(tx, row.id, facts, `Wat er met uw gegevens is gedaan: ${row.title}`, `Over de rapportage van ${formatDate(r.dueDate)} (${r.title}): ${input.feedback}`, `#moment-${r.id}`);
  });
}
