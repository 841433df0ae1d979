// Presenters for goals and pilots: what the proposal page, the timeline and the evaluation page
// show. A follow-up proposal is a related item: linked only for a reader who may open it.
import { getDb } from "~/db/client.server";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { proposalFacts } from "../facts.server";
import { canAnswerPilot, canManageProposal, canReadProposal, canRespondToEvaluation } from "../policy.server";
import type { LoadedProposal, Reader } from "./access.server";
import { goalsWithEvaluation, openEvaluationPhase } from "./goals.server";
import { pilotState } from "./pilot-rules.server";

export function goalsView(actor: Actor, proposalId: number, db: Reader = getDb()) {
  return goalsWithEvaluation(proposalId, db).map((g) => ({
    ...g,
    conclusions: g.conclusions.map(({ followUpProposalId, ...c }) => {
      const facts = followUpProposalId ? proposalFacts(followUpProposalId, db) : null;
      return { ...c, followUp: followUpProposalId && facts && canReadProposal(actor, facts) ? { id: followUpProposalId, href: `/wijzigingen/${followUpProposalId}` } : null };
    }),
  }));
}

export type PilotPhase = "gepland" | "loopt" | "geevalueerd" | "regulier";

/** The two phases of a pilot (in the wijken or teams, then for everyone) and what each waits for. */
export function pilotView(actor: Actor, p: LoadedProposal, db: Reader = getDb()) {
  const row = p.row;
  if (!row.pilot) return null;
  const state = pilotState(row, db);
  const day = today();
  const regular = row.status === "van_kracht" || row.status === "geevalueerd";
  const phase: PilotPhase = regular ? "regulier" : row.pilotResultOpens ? "geevalueerd" : row.pilotStarts && row.pilotStarts <= day && row.status === "vastgesteld" ? "loopt" : "gepland";
  const evaluation = openEvaluationPhase(row);
  const manage = canManageProposal(actor, p.facts);
  return {
    scope: row.pilotScope,
    starts: row.pilotStarts,
    ends: row.pilotEnds,
    evaluationDate: row.pilotEvaluationDate,
    resultOpens: row.pilotResultOpens,
    resultCloses: row.pilotResultCloses,
    effectiveDate: row.effectiveDate,
    phase,
    organisations: state.organisations.map((o) => ({ name: o.name, answered: o.answered })),
    allAnswered: state.allAnswered,
    resultConsultation: state.resultConsultation,
    cleared: state.cleared || regular,
    /** The ingangsdatum for everyone has come while the pilot is not cleared: it waits, visibly. */
    regularWaiting: !regular && !state.cleared && !!row.effectiveDate && row.effectiveDate <= day,
    can: {
      answer: evaluation === "pilot" && canAnswerPilot(actor, p.facts),
      openResult: manage && row.status === "vastgesteld" && !row.pilotResultOpens,
      react: state.resultConsultation === "loopt" && canAnswerPilot(actor, p.facts),
    },
  };
}

/** Whether this reader may give an evaluation per goal right now (pilot or regular). */
export function canAnswerGoals(actor: Actor, p: LoadedProposal): boolean {
  const phase = openEvaluationPhase(p.row);
  if (phase === "pilot") return canAnswerPilot(actor, p.facts);
  if (phase === "regulier") return canRespondToEvaluation(actor, p.facts);
  return false;
}
