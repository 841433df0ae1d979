// The document vocabulary: kinds and statuses with their Dutch labels. Isomorphic, so the
// document pages, the search index and its facets say the same.
import type { DocumentKind } from "~/db/enums";

export const KIND_LABELS: Record<DocumentKind, string> = {
  visie: "Visie",
  werkafspraken: "Werkafspraken",
  opdracht: "Opdracht",
  overig: "Overig",
};

export const STATUS_LABELS: Record<string, string> = {
  concept: "Concept (nog niet gepubliceerd)",
  gepubliceerd: "Gepubliceerd",
  gearchiveerd: "Gearchiveerd",
};

/** Kinds that bind the organisations of a keten: they change only by their owner or a proposal. */
export const BINDING_KINDS: readonly DocumentKind[] = ["visie", "werkafspraken", "opdracht"];
export const isBindingKind = (kind: DocumentKind) => BINDING_KINDS.includes(kind);

/** What the owner says a new version outside a proposal is. */
export const CHANGE_KINDS = ["redactioneel", "inhoudelijk"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  redactioneel: "Redactioneel: spelling, links of opmaak; niemand hoeft iets anders te doen",
  inhoudelijk: "Inhoudelijk: dit verandert wat iemand moet doen, dus via een wijzigingsvoorstel",
};

export const OFFER_STATUS_LABELS: Record<string, string> = {
  aangeboden: "Ter publicatie aangeboden",
  gepubliceerd: "Gepubliceerd door de eigenaar",
  teruggestuurd: "Teruggestuurd met een opmerking",
  voorstel: "Omgezet in een wijzigingsvoorstel",
};

/** Working days in which the keten's organisations can say a redactionele version is inhoudelijk. */
export const OBJECTION_WORKING_DAYS = 5;
