// Signal statuses, labels and the transition table: isomorphic, so the detail page can show
// exactly the buttons the domain layer will accept.
// Only the type comes from the schema, so the browser bundle stays free of drizzle.
import type { SignalStatus } from "~/db/enums";

export type { SignalStatus };

export const STATUS_LABELS: Record<SignalStatus, string> = {
  nieuw: "Nieuw",
  in_behandeling: "In behandeling",
  informatie_gevraagd: "Informatie gevraagd",
  afgehandeld: "Afgehandeld",
  samengevoegd: "Samengevoegd",
  niet_opgepakt: "Niet opgepakt",
  heropend: "Heropend",
};

export const SIGNAL_STATUS_LIST = Object.keys(STATUS_LABELS) as SignalStatus[];

/** Statuses in which the terugkoppeltermijn runs (the reporter is still waiting for an answer). */
export const OPEN_STATUSES: readonly SignalStatus[] = ["nieuw", "in_behandeling", "informatie_gevraagd", "heropend"];
export const CLOSED_STATUSES: readonly SignalStatus[] = ["afgehandeld", "niet_opgepakt", "samengevoegd"];

export const isOpenStatus = (s: SignalStatus) => OPEN_STATUSES.includes(s);

export const STATUS_TONE: Record<SignalStatus, "" | "ok" | "warn" | "bad"> = {
  nieuw: "warn",
  in_behandeling: "",
  informatie_gevraagd: "warn",
  afgehandeld: "ok",
  samengevoegd: "",
  niet_opgepakt: "bad",
  heropend: "warn",
};

/** What the person performing a transition must write. */
export type TextRule =
  | "none" // nothing required (an optional note is kept)
  | "note" // a note (question to the reporter, the reporter's answer, a reason to reopen)
  | "feedback"; // the feedback text the reporter receives (closing)

export type SignalRole = "owner" | "reporter";

type Rule = Partial<Record<SignalRole, TextRule>>;

/**
 * The state machine. Anything not listed here is refused by the domain layer. "samengevoegd"
 * is only reached through the merge command; reopening is further limited to 30 days.
 */
export const TRANSITIONS: Record<SignalStatus, Partial<Record<SignalStatus, Rule>>> = {
  nieuw: {
    in_behandeling: { owner: "none" },
    niet_opgepakt: { owner: "feedback" },
    samengevoegd: { owner: "none" },
  },
  in_behandeling: {
    informatie_gevraagd: { owner: "note" },
    afgehandeld: { owner: "feedback" },
    niet_opgepakt: { owner: "feedback" },
    samengevoegd: { owner: "none" },
  },
  informatie_gevraagd: {
    in_behandeling: { owner: "none", reporter: "note" },
    samengevoegd: { owner: "none" },
  },
  heropend: {
    in_behandeling: { owner: "none" },
    niet_opgepakt: { owner: "feedback" },
    samengevoegd: { owner: "none" },
  },
  afgehandeld: { heropend: { reporter: "note" } },
  niet_opgepakt: { heropend: { reporter: "note" } },
  samengevoegd: {},
};

export const REOPEN_WITHIN_DAYS = 30;

/** The rule for `role` moving a signal from `from` to `to`, or null when that is not allowed. */
export function transitionRule(from: SignalStatus, to: SignalStatus, role: SignalRole): TextRule | null {
  return TRANSITIONS[from]?.[to]?.[role] ?? null;
}

/** Transitions `role` may start from `from` (merge excluded: it has its own form). */
export function allowedTargets(from: SignalStatus, role: SignalRole): { to: SignalStatus; text: TextRule }[] {
  return Object.entries(TRANSITIONS[from] ?? {})
    .filter(([to, rule]) => to !== "samengevoegd" && rule?.[role])
    .map(([to, rule]) => ({ to: to as SignalStatus, text: rule![role]! }));
}

/** Button texts for the handling form. */
export const ACTION_LABELS: Partial<Record<SignalStatus, string>> = {
  in_behandeling: "In behandeling nemen",
  informatie_gevraagd: "Informatie vragen aan de melder",
  afgehandeld: "Afhandelen met terugkoppeling",
  niet_opgepakt: "Niet oppakken (met reden)",
  heropend: "Heropenen",
};

export const STADSBREED = "stadsbreed";

/** The dimensions of the overview. */
export type Dimension = "keten" | "thema" | "wijk";
export const DIMENSION_LABELS: Record<Dimension, string> = { keten: "Keten", thema: "Thema", wijk: "Wijk" };

/** One row of a signal list, as the list query returns it and the table shows it. */
export type SignalListRow = {
  id: number;
  title: string;
  status: SignalStatus;
  statusLabel: string;
  ownerKetenName: string;
  themaName: string;
  wijken: string;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  recognitionCount: number;
};
