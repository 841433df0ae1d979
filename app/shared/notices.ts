// Kinds of notice a person can choose a delivery for (issue 16, "e-mail people can bear"), and
// how each delivery is called. A notice's `kind` (notify()) falls into one category.
import { z } from "zod";
import { NOTICE_DELIVERIES, type NoticeDelivery } from "~/db/enums";

export const NOTICE_CATEGORIES = ["uitnodigingen", "reacties", "voorstellen", "signalen", "overleg", "acties", "overig"] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  uitnodigingen: "Uitnodigingen voor een consultatie",
  reacties: "Reacties en antwoorden op wijzigingsvoorstellen",
  voorstellen: "Voortgang van wijzigingsvoorstellen (status, data, herinneringen, evaluatie)",
  signalen: "Signalen die u meldde, volgt of behandelt",
  overleg: "Agenda's en verslagen van overleggen",
  acties: "Herinneringen aan acties",
  overig: "Overige meldingen",
};

export const NOTICE_DELIVERY_LABELS: Record<NoticeDelivery, string> = {
  direct: "Meteen een e-mail",
  dagelijks: "Eén e-mail per dag (dagoverzicht)",
  wekelijks: "Eén e-mail per week (weekoverzicht, op maandag)",
  portaal: "Geen e-mail, alleen in het portaal",
};

export function noticeCategory(kind: string): NoticeCategory {
  if (kind === "proposal_invitation") return "uitnodigingen";
  if (kind === "proposal_comment" || kind === "proposal_answer") return "reacties";
  if (kind.startsWith("proposal_")) return "voorstellen";
  if (kind === "signaal" || kind.startsWith("signal_")) return "signalen";
  if (kind.startsWith("overleg_")) return "overleg";
  if (kind.startsWith("action_")) return "acties";
  return "overig";
}

const deliveryChoice = z.enum(NOTICE_DELIVERIES, { errorMap: () => ({ message: "Kies hoe u deze meldingen wilt ontvangen." }) });

/** The settings form: one choice per category. */
export const noticePreferencesSchema = z.object(
  Object.fromEntries(NOTICE_CATEGORIES.map((c) => [c, deliveryChoice])) as Record<NoticeCategory, typeof deliveryChoice>,
);
