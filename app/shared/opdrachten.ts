// The vocabulary of the register of opdrachten (issue 13): kinds, statuses, routes and the
// outcome of the contractmanager's toets. Isomorphic; the one home of these labels.
import { OPDRACHT_KINDS, OPDRACHT_ROUTES, OPDRACHT_STATUSES, TOETS_OUTCOMES } from "~/db/enums";
import { REGISTER_STATUS_LABELS } from "./overleg";

export type OpdrachtKind = (typeof OPDRACHT_KINDS)[number];
export type OpdrachtStatus = (typeof OPDRACHT_STATUSES)[number];
export type OpdrachtRoute = (typeof OPDRACHT_ROUTES)[number];
export type ToetsOutcome = (typeof TOETS_OUTCOMES)[number];
export { OPDRACHT_KINDS, OPDRACHT_ROUTES, OPDRACHT_STATUSES, TOETS_OUTCOMES };

export const OPDRACHT_KIND_LABELS: Record<OpdrachtKind, string> = {
  opdracht: "Brede opdracht",
  aanvullende_opdracht: "Aanvullende opdracht",
  informatieverzoek: "Informatieverzoek",
};

export const OPDRACHT_STATUS_LABELS: Record<OpdrachtStatus, string> = {
  voorgesteld: "Voorgesteld",
  getoetst: "Getoetst",
  lopend: "Lopend",
  // The same word as the verbeterregister's, defined once.
  afgerond: REGISTER_STATUS_LABELS.afgerond,
  gestopt: "Gestopt",
};

export const OPDRACHT_STATUS_HINTS: Record<OpdrachtStatus, string> = {
  voorgesteld: "Wacht op de toets van de contractmanager; de teams voeren het nog niet uit.",
  getoetst: "De contractmanager heeft het verzoek naast de brede opdracht gelegd.",
  lopend: "De teams voeren het uit.",
  afgerond: "De looptijd is voorbij en het verzoek is afgesloten.",
  gestopt: "Het verzoek gaat niet (meer) door.",
};

export const OPDRACHT_ROUTE_LABELS: Record<OpdrachtRoute, string> = {
  via_toets: "Via de afgesproken route",
  buiten_route: "Buiten de afgesproken route",
};

export const TOETS_OUTCOME_LABELS: Record<ToetsOutcome, string> = {
  past: "Past binnen de brede opdracht",
  past_met_aanpassing: "Past, met een aanpassing",
  past_niet: "Past niet: niet uitzetten bij de teams",
};

/** The statuses the owner may move to from each status (the toets itself is a separate step). */
export const OPDRACHT_NEXT_STATUSES: Record<OpdrachtStatus, readonly OpdrachtStatus[]> = {
  voorgesteld: ["gestopt"],
  getoetst: ["lopend", "gestopt"],
  lopend: ["afgerond", "gestopt"],
  afgerond: [],
  gestopt: [],
};

/** Items that weigh on the teams in a period (the per-organisation view counts these). */
export const ACTIVE_OPDRACHT_STATUSES: readonly OpdrachtStatus[] = ["getoetst", "lopend"];

/** Working days before a reporting moment that its owner is reminded (once). */
export const REPORT_REMINDER_WORKING_DAYS = 5;
