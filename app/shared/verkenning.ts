// The verkenning, the integral check and "hangt samen met" (issue 13): status words and the
// overlap window. Isomorphic: pages, e-mails and the domain use the same labels.
import { VERKENNING_STATUSES, type VerkenningStatus } from "~/db/enums";

export { VERKENNING_STATUSES };
export type { VerkenningStatus };

export const VERKENNING_STATUS_LABELS: Record<VerkenningStatus, string> = {
  open: "Verkenning loopt",
  omgezet: "Omgezet in voorstel",
  gesloten: "Gesloten zonder voorstel",
};

export const VERKENNING_STATUS_TONE: Record<VerkenningStatus, "" | "ok" | "warn" | "bad"> = { open: "warn", omgezet: "ok", gesloten: "" };

/** Two changes that reach one organisation are flagged when their moments lie this close together. */
export const OVERLAP_DAYS = 90;

export const MIN_QUESTIONS = 2;
export const MAX_QUESTIONS = 5;

export const KETEN_CHECK_LABELS = { ja: "Raakt deze keten", nee: "Raakt deze keten niet" } as const;
