// The goals of a proposal (what should improve, for whom, how we will know), stated before the
// consultation opens; the evaluation asks the invited organisations per goal, and the owner
// records a conclusion per goal (behaald / deels / niet), which can start a follow-up proposal.
// A pilot is evaluated per goal twice: at the end of the pilot (phase "pilot") and after the
// general ingangsdatum (phase "regulier").
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { EvaluationPhase, GoalOutcome } from "~/db/schema";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden } from "../errors";
import { notify } from "../notify.server";
import { canAnswerPilot, canRespondToEvaluation } from "../policy.server";
import { assertNoClientData } from "../privacy.server";
import { requireManageable, requireReadable, type ProposalRow, type Reader, type Tx } from "./access.server";
import { audienceOf } from "./invitations.server";
import { applyTransition, illegalTransition } from "./lifecycle.server";
import { createProposal } from "./proposals.server";
import { GOAL_OUTCOME_LABELS } from "~/shared/pilot";
import { answeredOrganisations, listGoals } from "./goal-list.server";

export { answeredOrganisations, listGoals };

export const GOAL_TEXT_MAX = 1000;
export const GOALS_MAX = 8;

export type GoalInput = { improve: string; forWhom: string; measure: string };

/** Replace the goals. Only while the proposal is a concept: partners react to the goals as stated. */
export function saveGoals(input: { actor: Actor; id: number; goals: GoalInput[] }): void {
  const p = requireManageable(input.actor, input.id);
  if (p.row.status !== "concept") {
    throw conflict("De doelen liggen vast sinds de consultatie is geopend: de genodigden hebben op deze doelen gereageerd en de evaluatie vraagt ernaar.");
  }
  const goals = input.goals.filter((g) => g.improve || g.forWhom || g.measure);
  assertNoClientData(Object.fromEntries(goals.flatMap((g, i) => [[`improve_${i}`, g.improve], [`forWhom_${i}`, g.forWhom], [`measure_${i}`, g.measure]])), "voorstel");
  const fieldErrors: Record<string, string> = {};
  goals.forEach((g, i) => {
    if (!g.improve) fieldErrors[`improve_${i}`] = "Beschrijf wat er beter moet worden.";
    if (!g.forWhom) fieldErrors[`forWhom_${i}`] = "Geef aan voor wie het beter wordt.";
    if (!g.measure) fieldErrors[`measure_${i}`] = "Geef aan hoe we merken dat het doel is bereikt.";
    for (const [k, v] of Object.entries(g)) if (v.length > GOAL_TEXT_MAX) fieldErrors[`${k}_${i}`] = `Maximaal ${GOAL_TEXT_MAX} tekens.`;
  });
  if (goals.length > GOALS_MAX) fieldErrors.goals = `Beschrijf ten hoogste ${GOALS_MAX} doelen.`;
  if (Object.keys(fieldErrors).length) throw badRequest("De doelen zijn niet opgeslagen. Controleer de gemarkeerde velden.", fieldErrors);
  getDb().transaction((tx) => {
    const before = listGoals(input.id, tx);
    tx.delete(schema.proposalGoals).where(eq(schema.proposalGoals.proposalId, input.id)).run();
    goals.forEach((g, position) => tx.insert(schema.proposalGoals).values({ proposalId: input.id, position, ...g }).run());
    audit({ actorId: input.actor.id, action: "proposal.goals", entityType: "proposal", entityId: input.id, before, after: goals }, tx);
  });
}

// ------------------------------------------------------------------ evaluation per goal

/** Which evaluation is open for this proposal right now, if any. */
export function openEvaluationPhase(row: ProposalRow): EvaluationPhase | null {
  if (row.status === "van_kracht") return "regulier";
  if (row.status === "vastgesteld" && row.pilot && row.pilotStarts && row.pilotStarts <= today() && !row.pilotResultOpens) return "pilot";
  return null;
}

export function submitGoalEvaluation(input: { actor: Actor; id: number; answers: Record<number, string>; text: string }): { phase: EvaluationPhase } {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  const phase = openEvaluationPhase(row);
  if (!phase) {
    throw conflict(
      row.pilot && row.status === "vastgesteld"
        ? row.pilotResultOpens
          ? "De evaluatie van de pilot is gesloten: de consultatie over de uitkomst is begonnen."
          : `De evaluatie van de pilot opent bij de start van de pilot (${row.pilotStarts ?? "nog niet bepaald"}).`
        : row.status === "geevalueerd"
          ? "De evaluatie is al afgerond."
          : "Een ervaring doorgeven kan zodra de wijziging van kracht is.",
    );
  }
  const may = phase === "pilot" ? canAnswerPilot(input.actor, p.facts) : canRespondToEvaluation(input.actor, p.facts);
  if (!may) throw forbidden("Alleen uitgenodigde organisaties geven hun ervaring door.");
  const goals = listGoals(row.id);
  const fieldErrors: Record<string, string> = {};
  for (const g of goals) {
    const a = (input.answers[g.id] ?? "").trim();
    if (!a) fieldErrors[`goal_${g.id}`] = "Beschrijf voor dit doel wat u in de praktijk ziet.";
    else if (a.length > 5000) fieldErrors[`goal_${g.id}`] = "Maximaal 5.000 tekens; er is nog niets opgeslagen.";
  }
  if (Object.keys(fieldErrors).length) throw badRequest("Uw ervaring is nog niet opgeslagen: beantwoord de vraag bij elk doel.", fieldErrors);
  assertNoClientData({ text: input.text, ...Object.fromEntries(goals.map((g) => [`goal_${g.id}`, input.answers[g.id] ?? ""])) }, "reactie");
  getDb().transaction((tx) => {
    const response = tx
      .insert(schema.evaluationResponses)
      .values({ proposalId: row.id, organisationId: input.actor.organisationId, personId: input.actor.id, text: input.text.trim(), phase, createdAt: nowIso() })
      .returning({ id: schema.evaluationResponses.id })
      .get();
    for (const g of goals) tx.insert(schema.evaluationGoalAnswers).values({ responseId: response.id, goalId: g.id, text: (input.answers[g.id] ?? "").trim() }).run();
    audit({ actorId: input.actor.id, action: `proposal.evaluation.${phase}`, entityType: "proposal", entityId: row.id }, tx);
    notify(tx, [row.createdById], {
      kind: "proposal_evaluation",
      title: `Ervaring per doel doorgegeven: ${row.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) beantwoordde de evaluatie${phase === "pilot" ? " van de pilot" : ""} per doel.`,
      link: `/wijzigingen/${row.id}/doelen`,
      email: false,
    });
  });
  return { phase };
}

// ------------------------------------------------------------------ conclusions per goal

export type GoalConclusionInput = { goalId: number; outcome: GoalOutcome | null; note: string; followUp: boolean };

function checkConclusions(goals: { id: number }[], input: GoalConclusionInput[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const g of goals) {
    const c = input.find((x) => x.goalId === g.id);
    if (!c?.outcome) fieldErrors[`outcome_${g.id}`] = "Kies per doel: behaald, deels behaald of niet behaald.";
    else if (c.note.length > 2000) fieldErrors[`note_${g.id}`] = "Maximaal 2.000 tekens.";
  }
  return fieldErrors;
}

function writeConclusions(tx: Tx, input: { actorId: number; phase: EvaluationPhase; conclusions: GoalConclusionInput[]; followUpProposalId: number | null }) {
  for (const c of input.conclusions) {
    if (!c.outcome) continue;
    const values = {
      goalId: c.goalId,
      phase: input.phase,
      outcome: c.outcome,
      note: c.note,
      followUpProposalId: c.followUp ? input.followUpProposalId : null,
      decidedById: input.actorId,
      at: nowIso(),
    };
    tx.insert(schema.goalConclusions)
      .values(values)
      .onConflictDoUpdate({ target: [schema.goalConclusions.goalId, schema.goalConclusions.phase], set: values })
      .run();
  }
}

/**
 * The regular evaluation closes with a conclusion per goal (and an overall conclusion); the
 * proposal becomes geëvalueerd. Goals marked for a follow-up start one new proposal (concept)
 * on the same document, which links back to these goals.
 */
export function concludeGoals(input: { actor: Actor; id: number; conclusion: string; conclusions: GoalConclusionInput[] }): { followUpId: number | null } {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  if (row.status !== "van_kracht") throw illegalTransition(row.status, "geevalueerd");
  assertNoClientData({ conclusion: input.conclusion, ...Object.fromEntries(input.conclusions.map((c) => [`note_${c.goalId}`, c.note])) }, "voorstel");
  const goals = listGoals(row.id);
  const fieldErrors = checkConclusions(goals, input.conclusions);
  if (Object.keys(fieldErrors).length) throw badRequest("De conclusie is niet opgeslagen: kies bij elk doel of het is behaald.", fieldErrors);
  const wantFollowUp = input.conclusions.filter((c) => c.followUp && goals.some((g) => g.id === c.goalId));
  // A follow-up is an ordinary proposal (its own rules: the regisseur, no other proposal running).
  const followUp = wantFollowUp.length ? createProposal({ actor: input.actor, documentSlug: p.document.slug, title: `Vervolg op "${row.title}"`.slice(0, 200) }) : null;
  getDb().transaction((tx) => {
    writeConclusions(tx, { actorId: input.actor.id, phase: "regulier", conclusions: input.conclusions, followUpProposalId: followUp?.id ?? null });
    const lines = goals.map((g) => {
      const c = input.conclusions.find((x) => x.goalId === g.id);
      return `- ${g.improve}: ${c?.outcome ? GOAL_OUTCOME_LABELS[c.outcome].toLowerCase() : "—"}${c?.note ? ` (${c.note})` : ""}`;
    });
    const summary = `${input.conclusion}\n\nPer doel:\n${lines.join("\n")}`;
    applyTransition(tx, { row, to: "geevalueerd", actorId: input.actor.id, note: "Evaluatie afgerond", patch: { evaluationConclusion: summary } });
    if (followUp) {
      const titles = goals.filter((g) => wantFollowUp.some((c) => c.goalId === g.id)).map((g) => g.improve);
      tx.update(schema.proposals)
        .set({ waarom: `Vervolg op de evaluatie van "${row.title}". Doelen die nog aandacht vragen:\n${titles.map((t) => `- ${t}`).join("\n")}` })
        .where(eq(schema.proposals.id, followUp.id))
        .run();
    }
    notify(tx, audienceOf(row, tx), {
      kind: "proposal_status",
      title: `Evaluatie afgerond: ${row.title}`,
      body: `De evaluatie van "${row.title}" is afgerond.\n\n${summary}`,
      link: `/wijzigingen/${row.id}/doelen`,
    });
  });
  return { followUpId: followUp?.id ?? null };
}

/** The pilot's result: a conclusion per goal, recorded before the consultation on the result opens. */
export function concludePilotGoals(tx: Tx, input: { actorId: number; proposalId: number; conclusions: GoalConclusionInput[] }): Record<string, string> {
  const goals = listGoals(input.proposalId, tx);
  const fieldErrors = checkConclusions(goals, input.conclusions);
  if (Object.keys(fieldErrors).length) return fieldErrors;
  writeConclusions(tx, { actorId: input.actorId, phase: "pilot", conclusions: input.conclusions.map((c) => ({ ...c, followUp: false })), followUpProposalId: null });
  return {};
}

/** Everything the evaluation page shows per goal: the answers per organisation and the conclusions. */
export function goalsWithEvaluation(proposalId: number, db: Reader = getDb()) {
  const goals = listGoals(proposalId, db);
  const ids = goals.map((g) => g.id);
  const answers = ids.length
    ? db
        .select({
          goalId: schema.evaluationGoalAnswers.goalId,
          text: schema.evaluationGoalAnswers.text,
          phase: schema.evaluationResponses.phase,
          organisationName: schema.organisations.name,
          at: schema.evaluationResponses.createdAt,
          responseId: schema.evaluationResponses.id,
        })
        .from(schema.evaluationGoalAnswers)
        .innerJoin(schema.evaluationResponses, eq(schema.evaluationGoalAnswers.responseId, schema.evaluationResponses.id))
        .innerJoin(schema.organisations, eq(schema.evaluationResponses.organisationId, schema.organisations.id))
        .where(inArray(schema.evaluationGoalAnswers.goalId, ids))
        .orderBy(asc(schema.evaluationResponses.createdAt), asc(schema.evaluationResponses.id))
        .all()
    : [];
  const conclusions = ids.length
    ? db
        .select({
          goalId: schema.goalConclusions.goalId,
          phase: schema.goalConclusions.phase,
          outcome: schema.goalConclusions.outcome,
          note: schema.goalConclusions.note,
          followUpProposalId: schema.goalConclusions.followUpProposalId,
        })
        .from(schema.goalConclusions)
        .where(inArray(schema.goalConclusions.goalId, ids))
        .all()
    : [];
  return goals.map((g) => ({
    ...g,
    answers: answers.filter((a) => a.goalId === g.id).map(({ goalId: _g, ...a }) => a),
    conclusions: conclusions
      .filter((c) => c.goalId === g.id)
      .map((c) => ({ phase: c.phase, outcome: c.outcome, outcomeLabel: GOAL_OUTCOME_LABELS[c.outcome], note: c.note, followUpProposalId: c.followUpProposalId })),
  }));
}
