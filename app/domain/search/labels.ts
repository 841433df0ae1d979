// Dutch labels for facet values and kinds, shared by the server (indexing) and the UI.
import { STATUS_LABELS as DOCUMENT_STATUS_LABELS } from "~/shared/documents";
import { formatNumber, plural } from "~/shared/plural";
import { STATUS_LABELS as PROPOSAL_STATUS_LABELS } from "~/shared/proposals";
import { DIMENSION_LABELS, STATUS_LABELS as SIGNAL_STATUS_LABELS } from "~/shared/signals";
import { OPDRACHT_STATUS_LABELS } from "~/shared/opdrachten";
import type { FacetName, SearchKind } from "./types";

export const KIND_LABELS: Record<SearchKind, string> = {
  document: "Document",
  concept: "Concept (in bewerking)",
  voorstel: "Wijzigingsvoorstel",
  reactie: "Reactie op een voorstel",
  signaal: "Signaal",
  persoon: "Persoon",
  organisatie: "Organisatie",
  besluit: "Besluit van een overleg",
  verbeterpunt: "Verbeterpunt",
  opdracht: "Opdracht of informatieverzoek",
  verkenning: "Verkenning (vragen vooraf)",
  bijeenkomst: "Bijeenkomst van een overleg",
  actie: "Actie uit een overleg",
  opmerking: "Opmerking in de kantlijn van een concept",
};

export const FACET_LABELS: Record<FacetName, string> = {
  soort: "Soort",
  ...DIMENSION_LABELS,
  organisatie: "Organisatie",
  status: "Status",
};

/** Every status a hit can have (document, proposal, signal), from each vocabulary's own home. */
export const STATUS_LABELS: Record<string, string> = {
  ...DOCUMENT_STATUS_LABELS,
  ...PROPOSAL_STATUS_LABELS,
  ...SIGNAL_STATUS_LABELS,
  ...OPDRACHT_STATUS_LABELS,
};

/** "12 resultaten", "1 resultaat", "meer dan 1.000 resultaten". */
export function countLabel(total: number, lowerBound: boolean): string {
  if (lowerBound) return `meer dan ${formatNumber(total)} resultaten`;
  return plural(total, "resultaat", "resultaten");
}
