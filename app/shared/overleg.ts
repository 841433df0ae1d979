// The vocabulary of overleg (issue 19): kinds of overleg, agenda link targets, action and
// verbeterregister statuses, the reminder moments. Isomorphic; the one home of these labels.
import type { ActionStatus, OverlegKind } from "~/db/enums";

export const OVERLEG_KIND_LABELS: Record<OverlegKind, string> = {
  eko: "Executief ketenoverleg (EKO)",
  oko: "Operationeel ketenoverleg (OKO)",
  driehoek: "Driehoeksoverleg",
  resultaatgesprek: "Resultaatgesprek",
  anders: "Ander overleg",
};

/**
 * What an agenda item may link to. A list on purpose: a branch that adds a linkable thing
 * (verkenningen, …) adds its kind here and a resolver in app/domain/overleg/targets.server.ts.
 */
export const AGENDA_TARGET_KINDS = ["signal", "proposal", "document", "register", "action"] as const;
export type AgendaTargetKind = (typeof AGENDA_TARGET_KINDS)[number];
export const AGENDA_TARGET_LABELS: Record<AgendaTargetKind, string> = {
  signal: "Signaal",
  proposal: "Wijziging",
  document: "Document",
  register: "Verbeterpunt",
  action: "Actie",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Nog te doen",
  in_uitvoering: "In uitvoering",
  gereed: "Gereed",
  vervallen: "Vervallen",
};
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ["open", "in_uitvoering"];

export type RegisterStatus = "nieuw" | "geprioriteerd" | "in_uitvoering" | "afgerond" | "vervallen";
export const REGISTER_STATUS_LABELS: Record<RegisterStatus, string> = {
  nieuw: "Ingebracht",
  geprioriteerd: "Geprioriteerd door EKO",
  in_uitvoering: "Opgepakt door OKO",
  afgerond: "Afgerond",
  vervallen: "Niet doorgezet",
};
export type RegisterPriority = "hoog" | "middel" | "laag";
export const REGISTER_PRIORITY_LABELS: Record<RegisterPriority, string> = { hoog: "Hoge prioriteit", middel: "Gemiddelde prioriteit", laag: "Lage prioriteit" };
export type RegisterSource = "signaal" | "evaluatie" | "overleg" | "anders";
export const REGISTER_SOURCE_LABELS: Record<RegisterSource, string> = {
  signaal: "Uit een signaal",
  evaluatie: "Uit een evaluatie",
  overleg: "Uit een overleg",
  anders: "Anders",
};

/** Action reminders: working days relative to the due date (negative: before). */
export const ACTION_REMINDERS = [
  { kind: "voor", workingDays: -2 },
  { kind: "op", workingDays: 0 },
  { kind: "na", workingDays: 1 },
] as const;
export type ActionReminderKind = (typeof ACTION_REMINDERS)[number]["kind"];

/** A signal's owner is reminded this many working days before the terugkoppeltermijn ends. */
export const SIGNAL_REMINDER_WORKING_DAYS = 3;

export const roomOfMeeting = (meetingId: number) => `minutes-${meetingId}`;
