// The rules of a pilot, readable without its commands (the lifecycle and the activation ask
// them): what must be filled in before consultation opens, and whether the pilot may become
// regular — only after every invited organisation answered the pilot's evaluation and a
// consultation on the result has run (its closing date has passed).
import { getDb } from "~/db/client.server";
import { today } from "~/utils/clock.server";
import { PILOT_DATE_FIELDS, PILOT_DATE_LABELS, pilotDateErrors } from "~/shared/pilot";
import type { ProposalRow, Reader } from "./access.server";
import { answeredOrganisations } from "./goal-list.server";

export type ResultConsultation = "niet_gestart" | "loopt" | "gelopen";

export function pilotState(row: ProposalRow, db: Reader = getDb()) {
  const organisations = answeredOrganisations(row.id, "pilot", db);
  const allAnswered = organisations.length > 0 && organisations.every((o) => o.answered);
  const day = today();
  const resultConsultation: ResultConsultation = !row.pilotResultOpens ? "niet_gestart" : row.pilotResultCloses && row.pilotResultCloses < day ? "gelopen" : "loopt";
  return { organisations, allAnswered, resultConsultation, cleared: allAnswered && resultConsultation === "gelopen" };
}

/** True when this is a pilot that may not take effect for everyone yet. */
export function pilotBlocksRegular(db: Reader, row: ProposalRow): boolean {
  return row.pilot && !pilotState(row, db).cleared;
}

/** Field errors for openConsultation: a pilot names its wijken or teams and its three dates, in order. */
export function pilotOpenErrors(row: ProposalRow): Record<string, string> {
  if (!row.pilot) return {};
  const errors: Record<string, string> = {};
  if (!row.pilotScope.trim()) errors.pilotScope = "Geef aan in welke wijken of teams de pilot loopt.";
  for (const f of PILOT_DATE_FIELDS) if (!row[f]) errors[f] = `${PILOT_DATE_LABELS[f]} is nog niet ingevuld.`;
  return { ...pilotDateErrors(row), ...errors };
}
