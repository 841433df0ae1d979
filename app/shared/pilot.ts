// Pilots, goals and uncertain dates of a wijzigingsvoorstel: the Dutch labels, the order of the
// pilot's dates and the one wording of "when" a change took effect. Isomorphic.
import type { GoalOutcome } from "~/db/enums";
import { GOAL_OUTCOMES } from "~/db/enums";
import { amsterdamDate, formatDate, formatIsoDateNl } from "./dates";
import { isIsoDate, type DateField } from "./proposal-dates";

export { GOAL_OUTCOMES };
export type { GoalOutcome };

export const GOAL_OUTCOME_LABELS: Record<GoalOutcome, string> = {
  behaald: "Behaald",
  deels: "Deels behaald",
  niet: "Niet behaald",
};

export const PILOT_DATE_FIELDS = ["pilotStarts", "pilotEnds", "pilotEvaluationDate"] as const;
export type PilotDateField = (typeof PILOT_DATE_FIELDS)[number];

export const PILOT_DATE_LABELS: Record<PilotDateField | "pilotResultOpens" | "pilotResultCloses", string> = {
  pilotStarts: "Start pilot",
  pilotEnds: "Einde pilot",
  pilotEvaluationDate: "Evaluatie pilot",
  pilotResultOpens: "Consultatie over de uitkomst open",
  pilotResultCloses: "Consultatie over de uitkomst sluit",
};

export type PilotDates = Record<PilotDateField, string | null> & { effectiveDate: string | null; decisionPlanned: string | null };

/** Dutch field errors for the pilot's dates: start, evaluation within the pilot, regular ingangsdatum after the evaluation. */
export function pilotDateErrors(t: PilotDates): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of PILOT_DATE_FIELDS) {
    const v = t[f];
    if (v != null && !isIsoDate(v)) errors[f] = `${PILOT_DATE_LABELS[f]}: vul een geldige datum in.`;
  }
  if (Object.keys(errors).length) return errors;
  const { pilotStarts: s, pilotEnds: e, pilotEvaluationDate: ev, effectiveDate: eff, decisionPlanned: dec } = t;
  if (s && dec && s < dec) errors.pilotStarts = "De pilot start niet vóór het geplande besluit.";
  if (s && e && !(s < e)) errors.pilotEnds = "De pilot eindigt na de start.";
  if (s && ev && !(s < ev)) errors.pilotEvaluationDate = "De evaluatie van de pilot ligt na de start van de pilot.";
  else if (e && ev && ev > e) errors.pilotEvaluationDate = "De evaluatie van de pilot ligt niet na het einde van de pilot: de uitkomst moet er zijn voordat de pilot afloopt.";
  if (ev && eff && !(ev < eff)) errors.effectiveDate = "De ingangsdatum voor iedereen ligt na de evaluatie van de pilot.";
  return errors;
}

/** The dates that may be set to "nog niet bekend" after the concept stage. */
export const UNKNOWABLE_FIELDS: readonly DateField[] = ["decisionPlanned", "effectiveDate", "evaluationDate"];

export const UNKNOWN_DATE_TEXT = "nog niet bekend (tot nader orde)";

/** A date on a timeline: the day, "nog niet bekend (tot nader orde)" when it was set so, or "nog niet bepaald". */
export function formatTimelineDate(value: string | null | undefined, unknown: boolean): string {
  if (unknown) return UNKNOWN_DATE_TEXT;
  return formatIsoDateNl(value);
}

/**
 * The one reading of "when" a change took effect: as of the ingangsdatum, and, if the server
 * processed it on a later day (after downtime), on which day and time that happened. Used by
 * the e-mail, the proposal page and the timeline alike.
 */
export function inForceWording(effectiveDate: string | null | undefined, activatedAt: string | null | undefined): string {
  const as = `van kracht per ${formatIsoDateNl(effectiveDate)}`;
  if (!activatedAt || !effectiveDate || amsterdamDate(activatedAt) <= effectiveDate) return as;
  return `${as} (verwerkt op ${formatDate(activatedAt, true)})`;
}
