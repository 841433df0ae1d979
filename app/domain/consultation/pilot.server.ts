// A proposal that starts as a pilot: it runs first in some wijken or teams (start, end, and an
// evaluation date), decided like any proposal. It becomes regular — the ingangsdatum for
// everyone, when activateProposal publishes the decided text — only after every invited
// organisation answered the pilot's evaluation per goal, the owner recorded the result per
// goal, and a consultation on that result has run. The rules live in pilot-rules.server.ts.
import { and, eq, isNotNull, lte } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden } from "../errors";
import { notify } from "../notify.server";
import { canAnswerPilot } from "../policy.server";
import { assertNoClientData } from "../privacy.server";
import { enqueueSearch } from "../search-outbox.server";
import { formatIsoDateNl } from "~/shared/dates";
import { PILOT_DATE_FIELDS, PILOT_DATE_LABELS, pilotDateErrors, type PilotDateField } from "~/shared/pilot";
import { STATUS_LABELS } from "~/shared/proposals";
import { requireManageable, requireReadable } from "./access.server";
import { concludePilotGoals, type GoalConclusionInput } from "./goals.server";
import { audienceOf, invitedPersonIds } from "./invitations.server";
import { pilotState } from "./pilot-rules.server";
import { claimRun } from "./runs.server";

export type PilotInput = { pilot: boolean; scope: string; pilotStarts: string | null; pilotEnds: string | null; pilotEvaluationDate: string | null; reason: string };

/**
 * Whether the proposal is a pilot, where it runs and its dates. Pilot or not, and where, is
 * settled in the concept; the dates may move later (with a reason, kept and announced) until
 * the pilot's evaluation closes.
 */
export function setPilot(input: { actor: Actor; id: number } & PilotInput): { changed: PilotDateField[] } {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  assertNoClientData({ scope: input.scope, reason: input.reason }, "voorstel");
  const concept = row.status === "concept";
  if (!concept && (input.pilot !== row.pilot || input.scope.trim() !== row.pilotScope)) {
    throw conflict("Of dit voorstel een pilot is, en waar die loopt, ligt vast sinds de consultatie is geopend.");
  }
  if (!concept && (!row.pilot || row.status !== "vastgesteld" && row.status !== "in_consultatie" && row.status !== "in_besluitvorming")) {
    throw conflict(`De datums van de pilot kunnen niet meer worden gewijzigd: het voorstel is ${STATUS_LABELS[row.status].toLowerCase()}.`);
  }
  if (!concept && row.pilotResultOpens) throw conflict("De pilot is geëvalueerd en de consultatie over de uitkomst is begonnen; de datums van de pilot liggen vast.");
  const next = input.pilot
    ? { pilotStarts: input.pilotStarts, pilotEnds: input.pilotEnds, pilotEvaluationDate: input.pilotEvaluationDate }
    : { pilotStarts: null, pilotEnds: null, pilotEvaluationDate: null };
  const changes = PILOT_DATE_FIELDS.filter((f) => next[f] !== row[f]).map((f) => ({ field: f, from: row[f], to: next[f] }));
  const fieldErrors: Record<string, string> = {};
  if (input.pilot && !input.scope.trim()) fieldErrors.scope = "Geef aan in welke wijken of teams de pilot loopt.";
  if (input.scope.length > 500) fieldErrors.scope = "Maximaal 500 tekens.";
  if (!concept) {
    for (const c of changes) {
      if (!c.to) fieldErrors[c.field] = `${PILOT_DATE_LABELS[c.field]} kan niet meer leeg worden gemaakt; kies een nieuwe datum.`;
      else if (c.to < today()) fieldErrors[c.field] = `${PILOT_DATE_LABELS[c.field]} kan niet naar een dag in het verleden worden verplaatst.`;
      else if (c.from && c.from <= today()) fieldErrors[c.field] = `${PILOT_DATE_LABELS[c.field]} is al voorbij en ligt vast.`;
    }
    if (changes.length && !input.reason.trim()) fieldErrors.reason = "Geef een reden voor de nieuwe datum. Alle genodigden krijgen de wijziging met deze reden te zien.";
  }
  Object.assign(fieldErrors, Object.fromEntries(Object.entries(pilotDateErrors({ ...next, effectiveDate: row.effectiveDate, decisionPlanned: row.decisionPlanned })).filter(([k]) => k !== "effectiveDate")));
  const eff = pilotDateErrors({ ...next, effectiveDate: row.effectiveDate, decisionPlanned: null }).effectiveDate;
  if (eff) fieldErrors.pilotEvaluationDate ??= `${eff} Verplaats zo nodig eerst de ingangsdatum op de tijdlijn.`;
  if (Object.keys(fieldErrors).length) throw badRequest("De pilot is niet opgeslagen. Controleer de gemarkeerde velden.", fieldErrors);

  getDb().transaction((tx) => {
    const at = nowIso();
    tx.update(schema.proposals)
      .set({ pilot: input.pilot, pilotScope: input.pilot ? input.scope.trim() : "", ...next, updatedAt: at })
      .where(eq(schema.proposals.id, row.id))
      .run();
    for (const c of changes) {
      if (concept && c.from === null) continue;
      tx.insert(schema.proposalDateChanges).values({ proposalId: row.id, field: c.field, oldValue: c.from, newValue: c.to, reason: input.reason.trim(), changedById: input.actor.id, at }).run();
    }
    audit({ actorId: input.actor.id, action: "proposal.pilot", entityType: "proposal", entityId: row.id, before: { pilot: row.pilot, scope: row.pilotScope }, after: { pilot: input.pilot, scope: input.scope, ...next } }, tx);
    enqueueSearch(tx, "proposal", row.id);
    if (!concept && changes.length) {
      notify(tx, audienceOf(row, tx), {
        kind: "proposal_date_change",
        title: `Datum pilot gewijzigd: ${row.title}`,
        body: `De datums van de pilot "${row.title}" zijn gewijzigd.\n\n${changes.map((c) => `${PILOT_DATE_LABELS[c.field]}: ${formatIsoDateNl(c.from)} → ${formatIsoDateNl(c.to)}`).join("\n")}\n\nReden: ${input.reason.trim()}`,
        link: `/wijzigingen/${row.id}/tijdlijn`,
      });
    }
  });
  return { changed: changes.map((c) => c.field) };
}

/**
 * The pilot's result, per goal, goes to the invited organisations for a consultation of its
 * own. Refused until every invited organisation answered the pilot's evaluation; the result
 * consultation must close before the ingangsdatum for everyone.
 */
export function openResultConsultation(input: { actor: Actor; id: number; closes: string; conclusions: GoalConclusionInput[] }): void {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  if (!row.pilot) throw conflict("Dit voorstel is geen pilot.");
  if (row.status !== "vastgesteld") throw conflict("De consultatie over de uitkomst van de pilot kan pas nadat de pilot is vastgesteld en is gestart.");
  if (row.pilotResultOpens) throw conflict("De consultatie over de uitkomst van de pilot is al geopend.");
  const state = pilotState(row);
  const missing = state.organisations.filter((o) => !o.answered).map((o) => o.name);
  if (missing.length) {
    throw conflict(
      `De pilot kan nog niet regulier worden: nog niet alle genodigde organisaties hebben de evaluatie beantwoord (nog niet: ${missing.join(", ")}). Pas daarna volgt de consultatie over de uitkomst.`,
    );
  }
  const fieldErrors: Record<string, string> = {};
  if (input.closes <= today()) fieldErrors.closes = "De consultatie over de uitkomst sluit na vandaag, zodat de organisaties tijd hebben om te reageren.";
  else if (row.effectiveDate && input.closes >= row.effectiveDate) {
    fieldErrors.closes = `De consultatie over de uitkomst moet sluiten vóór de ingangsdatum voor iedereen (${formatIsoDateNl(row.effectiveDate)}). Verplaats zo nodig eerst de ingangsdatum op de tijdlijn.`;
  }
  assertNoClientData(Object.fromEntries(input.conclusions.map((c) => [`note_${c.goalId}`, c.note])), "voorstel");
  getDb().transaction((tx) => {
    Object.assign(fieldErrors, concludePilotGoals(tx, { actorId: input.actor.id, proposalId: row.id, conclusions: input.conclusions }));
    if (Object.keys(fieldErrors).length) throw badRequest("De consultatie over de uitkomst is niet geopend. Controleer de gemarkeerde velden.", fieldErrors);
    const opens = today();
    const res = tx
      .update(schema.proposals)
      .set({ pilotResultOpens: opens, pilotResultCloses: input.closes, updatedAt: nowIso() })
      .where(and(eq(schema.proposals.id, row.id), eq(schema.proposals.status, "vastgesteld")))
      .run();
    if (res.changes !== 1) throw conflict("Dit voorstel is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.");
    audit({ actorId: input.actor.id, action: "proposal.pilot.result", entityType: "proposal", entityId: row.id, after: { closes: input.closes } }, tx);
    notify(tx, audienceOf(row, tx), {
      kind: "proposal_pilot_result",
      title: `Uitkomst pilot: reageer uiterlijk ${formatIsoDateNl(input.closes)} op ${row.title}`,
      body: `De pilot "${row.title}" (${row.pilotScope}) is geëvalueerd. De uitkomst per doel staat in Ketenportaal. Reageer uiterlijk ${formatIsoDateNl(input.closes)}: pas na deze consultatie kan de wijziging per ${formatIsoDateNl(row.effectiveDate)} voor iedereen gaan gelden.`,
      link: `/wijzigingen/${row.id}/doelen`,
    });
  });
}

/** A reaction of an invited organisation in the consultation on the pilot's result. */
export function addResultReaction(input: { actor: Actor; id: number; text: string }): void {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  if (!canAnswerPilot(input.actor, p.facts)) throw forbidden("Alleen uitgenodigde organisaties reageren op de uitkomst van de pilot.");
  if (!row.pilotResultOpens || !row.pilotResultCloses || row.pilotResultCloses < today()) {
    throw conflict(row.pilotResultOpens ? `Reageren kan niet meer: de consultatie over de uitkomst sloot na ${formatIsoDateNl(row.pilotResultCloses)}.` : "De consultatie over de uitkomst van de pilot is nog niet geopend.");
  }
  assertNoClientData({ text: input.text }, "reactie");
  getDb().transaction((tx) => {
    tx.insert(schema.evaluationResponses)
      .values({ proposalId: row.id, organisationId: input.actor.organisationId, personId: input.actor.id, text: input.text, phase: "uitkomst", createdAt: nowIso() })
      .run();
    audit({ actorId: input.actor.id, action: "proposal.pilot.reaction", entityType: "proposal", entityId: row.id }, tx);
    notify(tx, [row.createdById], {
      kind: "proposal_evaluation",
      title: `Reactie op de uitkomst van de pilot: ${row.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) reageerde op de uitkomst van de pilot.`,
      link: `/wijzigingen/${row.id}/doelen`,
      email: false,
    });
  });
}

/** On the pilot's evaluation date: ask the invited organisations, per goal, how the pilot went (once). */
export function requestPilotEvaluations(): number[] {
  const db = getDb();
  const due = db
    .select({ id: schema.proposals.id })
    .from(schema.proposals)
    .where(and(eq(schema.proposals.pilot, true), eq(schema.proposals.status, "vastgesteld"), isNotNull(schema.proposals.pilotEvaluationDate), lte(schema.proposals.pilotEvaluationDate, today())))
    .all();
  const asked: number[] = [];
  for (const { id } of due) {
    const done = db.transaction((tx) => {
      const row = tx.select().from(schema.proposals).where(eq(schema.proposals.id, id)).get();
      if (!row || row.status !== "vastgesteld" || row.pilotResultOpens) return false;
      if (!claimRun(tx, `pilot-evaluation-request:${id}`)) return false;
      notify(tx, invitedPersonIds(id, tx), {
        kind: "proposal_evaluation_request",
        title: `Evaluatie pilot: hoe werkt "${row.title}"?`,
        body: `De pilot "${row.title}" loopt sinds ${formatIsoDateNl(row.pilotStarts)} in ${row.pilotScope}. Wij vragen uw organisatie per doel hoe de pilot in de praktijk werkt. Pas als alle genodigde organisaties hebben geantwoord en er een consultatie over de uitkomst is geweest, kan de wijziging voor iedereen gaan gelden.`,
        link: `/wijzigingen/${id}/doelen`,
      });
      return true;
    });
    if (done) asked.push(id);
  }
  return asked;
}
