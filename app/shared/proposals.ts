// The life of a wijzigingsvoorstel. Isomorphic: the UI shows the same labels and only offers
// the transitions that the domain layer will accept.
import type { ProposalStatus } from "~/db/enums";
import { PROPOSAL_STATUSES } from "~/db/enums";

export { PROPOSAL_STATUSES };
export type { ProposalStatus };

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  concept: "Concept",
  in_consultatie: "In consultatie",
  in_besluitvorming: "In besluitvorming",
  vastgesteld: "Vastgesteld",
  van_kracht: "Van kracht",
  geevalueerd: "Geëvalueerd",
  ingetrokken: "Ingetrokken",
};

export const STATUS_TONE: Record<ProposalStatus, "" | "ok" | "warn" | "bad"> = {
  concept: "",
  in_consultatie: "warn",
  in_besluitvorming: "warn",
  vastgesteld: "ok",
  van_kracht: "ok",
  geevalueerd: "ok",
  ingetrokken: "bad",
};

/**
 * Allowed transitions. in_besluitvorming → in_consultatie reopens a consultation (with a new
 * deadline) when the answers show that partners must be heard again. vastgesteld → van_kracht
 * is done by the scheduler on the ingangsdatum, never by a person.
 */
export const TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  concept: ["in_consultatie", "ingetrokken"],
  in_consultatie: ["in_besluitvorming", "ingetrokken"],
  in_besluitvorming: ["vastgesteld", "in_consultatie", "ingetrokken"],
  vastgesteld: ["van_kracht", "ingetrokken"],
  van_kracht: ["geevalueerd"],
  geevalueerd: [],
  ingetrokken: [],
};

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the proposal still counts as "running" on its document. */
export const OPEN_STATUSES: readonly ProposalStatus[] = ["concept", "in_consultatie", "in_besluitvorming", "vastgesteld"];

/** The proposed text can be co-edited until the decision freezes it. */
export const TEXT_EDITABLE_STATUSES: readonly ProposalStatus[] = ["concept", "in_consultatie", "in_besluitvorming"];

export function isProposalStatus(s: string): s is ProposalStatus {
  return (PROPOSAL_STATUSES as readonly string[]).includes(s);
}

export const STANCE_LABELS = { steun: "Steun", zorg: "Zorg", bezwaar: "Bezwaar" } as const;
export type Stance = keyof typeof STANCE_LABELS;

export const ANSWER_LABELS = {
  overgenomen: "Overgenomen",
  deels_overgenomen: "Deels overgenomen",
  niet_overgenomen: "Niet overgenomen",
} as const;
export type AnswerDecision = keyof typeof ANSWER_LABELS;
