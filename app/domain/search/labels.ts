// Dutch labels for facet values and kinds, shared by the server (indexing) and the UI.
import type { FacetName, SearchKind } from "./types";

export const KIND_LABELS: Record<SearchKind, string> = {
  document: "Document",
  concept: "Concept (in bewerking)",
  voorstel: "Wijzigingsvoorstel",
  signaal: "Signaal",
  persoon: "Persoon",
  organisatie: "Organisatie",
};

export const FACET_LABELS: Record<FacetName, string> = {
  soort: "Soort",
  keten: "Keten",
  thema: "Thema",
  wijk: "Wijk",
  organisatie: "Organisatie",
  status: "Status",
};

export const PROPOSAL_STATUS_LABELS: Record<string, string> = {
  concept: "Concept",
  in_consultatie: "In consultatie",
  in_besluitvorming: "In besluitvorming",
  vastgesteld: "Vastgesteld",
  van_kracht: "Van kracht",
  geevalueerd: "Geëvalueerd",
  ingetrokken: "Ingetrokken",
};

export const SIGNAL_STATUS_LABELS: Record<string, string> = {
  nieuw: "Nieuw",
  in_behandeling: "In behandeling",
  informatie_gevraagd: "Informatie gevraagd",
  afgehandeld: "Afgehandeld",
  samengevoegd: "Samengevoegd",
  niet_opgepakt: "Niet opgepakt",
  heropend: "Heropend",
};

export const STATUS_LABELS: Record<string, string> = {
  gepubliceerd: "Gepubliceerd",
  gearchiveerd: "Gearchiveerd",
  ...PROPOSAL_STATUS_LABELS,
  ...SIGNAL_STATUS_LABELS,
};

/** "12 resultaten", "1 resultaat", "meer dan 1.000 resultaten". */
export function countLabel(total: number, lowerBound: boolean): string {
  if (lowerBound) return `meer dan ${total.toLocaleString("nl-NL")} resultaten`;
  return `${total.toLocaleString("nl-NL")} ${total === 1 ? "resultaat" : "resultaten"}`;
}
