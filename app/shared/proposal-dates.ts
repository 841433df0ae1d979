// The timeline of a proposal: five dates, their order, and in which status each may still move.
import type { ProposalStatus } from "~/shared/proposals";

export const DATE_FIELDS = ["consultationOpens", "consultationCloses", "decisionPlanned", "effectiveDate", "evaluationDate"] as const;
export type DateField = (typeof DATE_FIELDS)[number];
export type Timeline = Record<DateField, string | null>;

export const DATE_LABELS: Record<DateField, string> = {
  consultationOpens: "Consultatie open",
  consultationCloses: "Consultatie sluit (uiterste reactiedatum)",
  decisionPlanned: "Besluit gepland",
  effectiveDate: "Ingangsdatum",
  evaluationDate: "Evaluatie",
};

export const DATE_SHORT_LABELS: Record<DateField, string> = {
  consultationOpens: "consultatie open",
  consultationCloses: "uiterste reactiedatum",
  decisionPlanned: "besluit gepland",
  effectiveDate: "ingangsdatum",
  evaluationDate: "evaluatie",
};

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function isDateField(s: string): s is DateField {
  return (DATE_FIELDS as readonly string[]).includes(s);
}

/**
 * Until when a date may still move. A date that has passed its moment is history: the
 * consultation's opening date is fixed once it opened, the deadline once it closed, the
 * ingangsdatum once the change is in force.
 */
const MOVABLE_IN: Record<DateField, readonly ProposalStatus[]> = {
  consultationOpens: ["concept"],
  consultationCloses: ["concept", "in_consultatie"],
  decisionPlanned: ["concept", "in_consultatie", "in_besluitvorming"],
  effectiveDate: ["concept", "in_consultatie", "in_besluitvorming", "vastgesteld"],
  evaluationDate: ["concept", "in_consultatie", "in_besluitvorming", "vastgesteld", "van_kracht"],
};

export function isMovable(field: DateField, status: ProposalStatus): boolean {
  return MOVABLE_IN[field].includes(status);
}

/** Dutch field errors for a timeline whose dates are out of order or malformed. */
export function timelineErrors(t: Timeline): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of DATE_FIELDS) {
    const v = t[f];
    if (v != null && !isIsoDate(v)) errors[f] = `${DATE_LABELS[f]}: vul een geldige datum in (dd-mm-jjjj).`;
  }
  if (Object.keys(errors).length) return errors;
  const before = (a: DateField, b: DateField, strict: boolean, message: string) => {
    const va = t[a];
    const vb = t[b];
    if (va && vb && (strict ? !(va < vb) : !(va <= vb))) errors[b] ??= message;
  };
  before("consultationOpens", "consultationCloses", true, "De consultatie moet sluiten na de dag waarop zij opent.");
  before("consultationCloses", "decisionPlanned", true, "Het besluit is gepland na het sluiten van de consultatie.");
  before("consultationCloses", "effectiveDate", true, "De ingangsdatum ligt na het sluiten van de consultatie.");
  before("decisionPlanned", "effectiveDate", false, "De ingangsdatum ligt niet vóór het geplande besluit.");
  before("effectiveDate", "evaluationDate", true, "De evaluatie ligt na de ingangsdatum.");
  return errors;
}
