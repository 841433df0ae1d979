// The status of a proposal moves only along the allowed transitions (states.ts), each step
// logged in proposal_transitions and the audit log, guarded by a conditional UPDATE so two
// clicks (or a person and the scheduler) cannot both move it.
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { DomainError, badRequest, conflict } from "../errors";
import { notify } from "../notify.server";
import { followersOf } from "../follows-store.server";
import { enqueueSearch } from "../search-outbox.server";
import { requireManageable, type ProposalRow, type Tx } from "./access.server";
import { proposalCalendar, proposalWithdrawal } from "./calendar.server";
import { formatIsoDateNl } from "~/shared/dates";
import { DATE_LABELS, timelineErrors, type DateField } from "~/shared/proposal-dates";
import { audienceOf } from "./invitations.server";
import { applyDateChanges, inviteForOpenConsultation } from "./proposals.server";
import { STATUS_LABELS, canTransition, type ProposalStatus } from "~/shared/proposals";
import { finalProposedLexicalJson } from "./text.server";
import { assertNoClientData } from "../privacy.server";
import { goalsMissing } from "./goal-list.server";
import { pilotOpenErrors } from "./pilot-rules.server";
import { assertIntegralCheckComplete } from "../verkenning/check.server";

export function illegalTransition(from: ProposalStatus, to: ProposalStatus): DomainError {
  return conflict(`Een voorstel met status "${STATUS_LABELS[from]}" kan niet naar "${STATUS_LABELS[to]}".`);
}

/** The one place a status changes. Throws when the transition is not allowed or the row moved meanwhile. */
export function applyTransition(
  tx: Tx,
  input: { row: ProposalRow; to: ProposalStatus; actorId: number | null; note?: string; patch?: Partial<ProposalRow> },
): void {
  const { row, to } = input;
  if (!canTransition(row.status, to)) throw illegalTransition(row.status, to);
  const at = nowIso();
  const res = tx
    .update(schema.proposals)
    .set({ ...(input.patch ?? {}), status: to, updatedAt: at })
    .where(and(eq(schema.proposals.id, row.id), eq(schema.proposals.status, row.status)))
    .run();
  if (res.changes !== 1) throw conflict("Dit voorstel is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.");
  tx.insert(schema.proposalTransitions)
    .values({ proposalId: row.id, fromStatus: row.status, toStatus: to, byId: input.actorId, note: input.note ?? "", at })
    .run();
  audit({ actorId: input.actorId, action: `proposal.status.${to}`, entityType: "proposal", entityId: row.id, before: { status: row.status }, after: { status: to } }, tx);
  enqueueSearch(tx, "proposal", row.id);
  // Followers hear of every status change; notify() leaves out whoever may not read the proposal.
  notify(
    tx,
    followersOf(tx, "voorstel", row.id).filter((id) => id !== input.actorId),
    { kind: "proposal_status", title: `Voorstel "${row.title}": ${STATUS_LABELS[to].toLowerCase()}`, body: `Het voorstel "${row.title}" dat u volgt heeft nu de status ${STATUS_LABELS[to].toLowerCase()}.`, link: `/wijzigingen/${row.id}` },
  );
}

export function unansweredCount(proposalId: number, db: Pick<Tx, "select"> = getDb()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.proposalComments)
      .leftJoin(schema.commentAnswers, eq(schema.commentAnswers.commentId, schema.proposalComments.id))
      .where(and(eq(schema.proposalComments.proposalId, proposalId), isNull(schema.commentAnswers.commentId)))
      .get()?.n ?? 0
  );
}

// ------------------------------------------------------------------ commands

/**
 * concept → in consultatie. Requires a waarom, the visie link, at least one affected
 * organisation, at least one goal, a complete timeline (and, for a pilot, its wijken or teams
 * and dates); invites the people of those organisations.
 */
export function openConsultation(input: { actor: Actor; id: number }): void {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  if (row.status !== "concept") throw illegalTransition(row.status, "in_consultatie");
  const fieldErrors: Record<string, string> = {};
  if (!row.waarom.trim()) fieldErrors.waarom = "Beschrijf waarom deze wijziging nodig is.";
  if (!row.visieAnchor.trim()) fieldErrors.visieAnchor = "Geef aan bij welke passage uit de visie dit voorstel past.";
  if (!p.facts.impactedOrganisationIds.length) fieldErrors.organisations = "Kies ten minste één organisatie die door deze wijziging wordt geraakt.";
  const required: DateField[] = ["consultationCloses", "decisionPlanned", "effectiveDate", "evaluationDate"];
  for (const f of required) if (!row[f]) fieldErrors[f] = `${DATE_LABELS[f]} is nog niet ingevuld.`;
  const opens = today();
  if (row.consultationCloses && row.consultationCloses <= opens) {
    fieldErrors.consultationCloses = "De uiterste reactiedatum moet na vandaag liggen, zodat partners tijd hebben om te reageren.";
  }
  for (const [k, message] of Object.entries(timelineErrors({ ...row, consultationOpens: opens }))) fieldErrors[k] ??= message;
  const noGoals = goalsMissing(row.id);
  if (noGoals) fieldErrors.goals = noGoals;
  for (const [k, message] of Object.entries(pilotOpenErrors(row))) fieldErrors[k] ??= message;
  if (Object.keys(fieldErrors).length) {
    throw badRequest("De consultatie kan nog niet open: vul eerst het volgende aan.", fieldErrors);
  }
  assertIntegralCheckComplete(row.id);
  getDb().transaction((tx) => {
    if (row.consultationOpens !== opens) {
      applyDateChanges(tx, {
        actorId: input.actor.id,
        row,
        documentTitle: p.document.title,
        changes: [{ field: "consultationOpens", from: row.consultationOpens, to: opens }],
        reason: row.consultationOpens ? `De consultatie is geopend op ${formatIsoDateNl(opens)}.` : "",
        announce: false,
      });
    }
    applyTransition(tx, { row, to: "in_consultatie", actorId: input.actor.id, note: "Consultatie geopend" });
    const fresh = { ...row, consultationOpens: opens, status: "in_consultatie" as const };
    inviteForOpenConsultation(tx, fresh, p.document.title, p.facts.impactedOrganisationIds);
  });
}

/**
 * in consultatie → in besluitvorming, once the deadline has passed (the deadline is a promise
 * to partners; to end earlier, move the deadline, which is announced). Also run by the scheduler.
 */
export function closeConsultation(input: { actor: Actor | null; id: number; note?: string }): void {
  const db = getDb();
  const p = input.actor ? requireManageable(input.actor, input.id) : loadForSystem(input.id);
  if (input.actor) assertNoClientData({ note: input.note }, "voorstel");
  const row = p.row;
  if (row.status !== "in_consultatie") throw illegalTransition(row.status, "in_besluitvorming");
  if (row.consultationCloses && row.consultationCloses >= today()) {
    throw conflict(
      `De consultatie loopt tot en met ${formatIsoDateNl(row.consultationCloses)}. Tot die dag kunnen genodigden reageren; wilt u eerder sluiten, verplaats dan de uiterste reactiedatum (met een reden).`,
    );
  }
  db.transaction((tx) => {
    applyTransition(tx, { row, to: "in_besluitvorming", actorId: input.actor?.id ?? null, note: input.note || "Uiterste reactiedatum verstreken" });
    const comments = tx.select({ n: sql<number>`count(*)` }).from(schema.proposalComments).where(eq(schema.proposalComments.proposalId, row.id)).get()?.n ?? 0;
    notify(tx, audienceOf(row, tx), {
      kind: "proposal_status",
      title: `Consultatie gesloten: ${row.title}`,
      body: `De consultatie over "${row.title}" is gesloten. Er ${comments === 1 ? "is 1 reactie" : `zijn ${comments} reacties`} ontvangen. Elke reactie krijgt een antwoord in de reactienota. Het besluit is gepland op ${formatIsoDateNl(row.decisionPlanned)}.`,
      link: `/wijzigingen/${row.id}`,
    });
  });
}

/** in besluitvorming → in consultatie, with a new deadline, when partners must be heard again. */
export function reopenConsultation(input: { actor: Actor; id: number; consultationCloses: string; note: string }): void {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ note: input.note }, "voorstel");
  const row = p.row;
  if (!canTransition(row.status, "in_consultatie")) throw illegalTransition(row.status, "in_consultatie");
  if (input.consultationCloses <= today()) {
    throw badRequest("Kies een nieuwe uiterste reactiedatum na vandaag.", { consultationCloses: "De nieuwe uiterste reactiedatum moet na vandaag liggen." });
  }
  const errors = timelineErrors({ ...row, consultationCloses: input.consultationCloses });
  if (Object.keys(errors).length) throw badRequest("Pas eerst de andere datums aan.", errors);
  getDb().transaction((tx) => {
    applyTransition(tx, { row, to: "in_consultatie", actorId: input.actor.id, note: input.note });
    applyDateChanges(tx, {
      actorId: input.actor.id,
      row: { ...row, status: "in_consultatie" },
      documentTitle: p.document.title,
      changes: [{ field: "consultationCloses", from: row.consultationCloses, to: input.consultationCloses }],
      reason: `Consultatie heropend: ${input.note}`,
      announce: true,
    });
  });
}

/**
 * in besluitvorming → vastgesteld: who decided, when, the final text (frozen from the room)
 * and a fixed ingangsdatum. Refused while any comment has no answer.
 */
export async function decide(input: { actor: Actor; id: number; note: string; effectiveDate: string; reason: string }): Promise<void> {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ note: input.note, reason: input.reason }, "voorstel");
  const row = p.row;
  if (row.status !== "in_besluitvorming") {
    if (row.status === "in_consultatie") {
      throw conflict(`Het besluit kan pas na de consultatie worden vastgelegd. De consultatie loopt tot en met ${formatIsoDateNl(row.consultationCloses)}.`);
    }
    throw illegalTransition(row.status, "vastgesteld");
  }
  const open = unansweredCount(row.id);
  if (open > 0) {
    throw conflict(
      `Het besluit kan nog niet worden vastgelegd: ${open === 1 ? "1 reactie heeft" : `${open} reacties hebben`} nog geen antwoord. Beantwoord eerst elke reactie; de antwoorden vormen samen de reactienota.`,
    );
  }
  if (input.effectiveDate < today()) {
    throw badRequest("De ingangsdatum ligt in het verleden.", { effectiveDate: "Kies een ingangsdatum vandaag of later." });
  }
  const moved = input.effectiveDate !== row.effectiveDate;
  if (moved) {
    const errors = timelineErrors({ ...row, effectiveDate: input.effectiveDate, decisionPlanned: null });
    if (errors.effectiveDate || errors.evaluationDate) throw badRequest("De ingangsdatum past niet in de tijdlijn.", errors);
    if (!input.reason) {
      throw badRequest("Geef een reden voor de nieuwe ingangsdatum.", { reason: "De ingangsdatum wijkt af van de tijdlijn: geef een reden; alle genodigden zien die." });
    }
  }
  const lexicalJson = await finalProposedLexicalJson(row);
  getDb().transaction((tx) => {
    if (moved) {
      applyDateChanges(tx, {
        actorId: input.actor.id,
        row,
        documentTitle: p.document.title,
        changes: [{ field: "effectiveDate", from: row.effectiveDate, to: input.effectiveDate }],
        reason: input.reason,
        announce: false,
      });
    }
    // Re-check inside the transaction: an answer may not be deleted, but a comment may have arrived late.
    if (unansweredCount(row.id, tx) > 0) throw conflict("Er is intussen een reactie bijgekomen zonder antwoord. Beantwoord die eerst.");
    const decidedAt = nowIso();
    applyTransition(tx, {
      row,
      to: "vastgesteld",
      actorId: input.actor.id,
      note: input.note,
      patch: { decidedById: input.actor.id, decidedAt, decisionNote: input.note, decidedLexicalJson: lexicalJson, effectiveDate: input.effectiveDate },
    });
    const decided = { ...row, status: "vastgesteld" as const, effectiveDate: input.effectiveDate };
    notify(tx, audienceOf(row, tx), {
      kind: "proposal_status",
      title: `Vastgesteld: ${row.title}`,
      body: `Het wijzigingsvoorstel "${row.title}" voor ${p.document.title} is vastgesteld door ${input.actor.name}.\n\n${input.note}\n\nIngangsdatum: ${formatIsoDateNl(input.effectiveDate)}. Op die dag wordt de nieuwe tekst vanzelf de geldende versie. In de reactienota leest u wat er met elke reactie is gedaan.`,
      link: `/wijzigingen/${row.id}/reactienota`,
      ics: proposalCalendar(decided, p.document.title, tx) ?? undefined,
    });
  });
}

export function withdraw(input: { actor: Actor; id: number; note: string }): void {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ note: input.note }, "voorstel");
  const row = p.row;
  if (!canTransition(row.status, "ingetrokken")) throw illegalTransition(row.status, "ingetrokken");
  getDb().transaction((tx) => {
    applyTransition(tx, { row, to: "ingetrokken", actorId: input.actor.id, note: input.note });
    if (row.status !== "concept") {
      notify(tx, audienceOf(row, tx), {
        kind: "proposal_status",
        title: `Ingetrokken: ${row.title}`,
        body: `Het wijzigingsvoorstel "${row.title}" voor ${p.document.title} is ingetrokken. De geldende tekst blijft ongewijzigd.\n\nReden: ${input.note}`,
        link: `/wijzigingen/${row.id}`,
        // Takes its dates out of the agendas the invitation put them in (decision 720).
        ics: proposalWithdrawal(row, p.document.title, tx) ?? undefined,
      });
    }
  });
}

/** Refuse every status change that is not one of the named commands above (e.g. vastgesteld → concept). */
export async function transitionProposal(input: { actor: Actor; id: number; to: ProposalStatus; note?: string }): Promise<void> {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ note: input.note }, "voorstel");
  const { to } = input;
  if (!canTransition(p.row.status, to)) throw illegalTransition(p.row.status, to);
  switch (to) {
    case "in_consultatie":
      if (p.row.status === "concept") return openConsultation(input);
      throw badRequest("Kies een nieuwe uiterste reactiedatum om de consultatie opnieuw te openen.");
    case "in_besluitvorming":
      return closeConsultation(input);
    case "ingetrokken":
      if (!input.note) throw badRequest("Geef een reden.", { note: "Geef aan waarom het voorstel wordt ingetrokken." });
      return withdraw({ ...input, note: input.note });
    case "van_kracht":
      throw conflict("Een vastgesteld voorstel gaat vanzelf in op de ingangsdatum; dat kan niet met de hand.");
    default:
      throw conflict(`Gebruik het formulier voor "${STATUS_LABELS[to]}".`);
  }
}

function loadForSystem(id: number) {
  const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, id)).get();
  const document = row ? getDb().select({ title: schema.documents.title }).from(schema.documents).where(eq(schema.documents.id, row.documentId)).get() : undefined;
  if (!row || !document) throw new DomainError(404, "Dit wijzigingsvoorstel bestaat niet.");
  return { row, document };
}
