// The value lists (enums) of the relational model, without drizzle: client code (forms,
// labels) imports these from here, so the browser bundle carries no table definitions.
// schema.ts re-exports them and uses them for its columns.

export const ORGANISATION_KINDS = ["gemeente", "afdeling", "wijkteam", "ketenpartner"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ["beheerder", "regisseur", "redacteur", "lezer"] as const;
export type Role = (typeof ROLES)[number];

export const DOCUMENT_KINDS = ["visie", "werkafspraken", "opdracht", "overig"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ["concept", "gepubliceerd", "gearchiveerd"] as const;

export const PROPOSAL_STATUSES = [
  "concept",
  "in_consultatie",
  "in_besluitvorming",
  "vastgesteld",
  "van_kracht",
  "geevalueerd",
  "ingetrokken",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const COMMENT_STANCES = ["steun", "zorg", "bezwaar"] as const;

export const ANSWER_DECISIONS = ["overgenomen", "deels_overgenomen", "niet_overgenomen"] as const;

export const SIGNAL_STATUSES = [
  "nieuw",
  "in_behandeling",
  "informatie_gevraagd",
  "afgehandeld",
  "samengevoegd",
  "niet_opgepakt",
  "heropend",
] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const ACCOUNT_TOKEN_PURPOSES = ["uitnodiging", "herstel"] as const;

export const OVERLEG_KINDS = ["eko", "oko", "driehoek", "resultaatgesprek", "anders"] as const;
export type OverlegKind = (typeof OVERLEG_KINDS)[number];

export const ACTION_STATUSES = ["open", "in_uitvoering", "gereed", "vervallen"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const REGISTER_SOURCES = ["signaal", "evaluatie", "overleg", "anders"] as const;

export const REGISTER_PRIORITIES = ["hoog", "middel", "laag"] as const;

export const REGISTER_STATUSES = ["nieuw", "geprioriteerd", "in_uitvoering", "afgerond", "vervallen"] as const;

export const NOTICE_DELIVERIES = ["direct", "dagelijks", "wekelijks", "portaal"] as const;
export type NoticeDelivery = (typeof NOTICE_DELIVERIES)[number];
export const DIGEST_PERIODS = ["dagelijks", "wekelijks"] as const;
export type DigestPeriod = (typeof DIGEST_PERIODS)[number];

export const OPDRACHT_KINDS = ["opdracht", "aanvullende_opdracht", "informatieverzoek"] as const;
export const OPDRACHT_STATUSES = ["voorgesteld", "getoetst", "lopend", "afgerond", "gestopt"] as const;
export const OPDRACHT_ROUTES = ["via_toets", "buiten_route"] as const;
export const TOETS_OUTCOMES = ["past", "past_met_aanpassing", "past_niet"] as const;

export const PUBLICATION_OFFER_STATUSES = ["aangeboden", "gepubliceerd", "teruggestuurd", "voorstel"] as const;
export type PublicationOfferStatus = (typeof PUBLICATION_OFFER_STATUSES)[number];

export const EVALUATION_PHASES = ["regulier", "pilot", "uitkomst"] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];
export const GOAL_OUTCOMES = ["behaald", "deels", "niet"] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

export const VERKENNING_STATUSES = ["open", "omgezet", "gesloten"] as const;
export type VerkenningStatus = (typeof VERKENNING_STATUSES)[number];
export const CHANGE_LINK_TARGETS = ["proposal", "verkenning"] as const;
