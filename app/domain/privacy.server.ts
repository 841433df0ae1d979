// The one server-side use of the privacy guard: every free text a person enters in a signal or
// a consultation goes through here before it is saved (issue 10, class 4).
import { checkFields, type PrivacyContext } from "~/shared/privacy-guard";
import { today } from "~/utils/clock.server";
import { DomainError } from "./errors";

/** The privacy guard's Dutch message per field (none: {}), in the words of the form (`context`). */
export function clientDataErrors(fields: Record<string, string | string[] | undefined | null>, context: PrivacyContext = "signaal"): Record<string, string> {
  const texts = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v.join(" ") : v]));
  return checkFields(texts, { referenceYear: Number(today().slice(0, 4)), context });
}

/** 422 with the Dutch explanation per field, in the words of the form (`context`); the form keeps the text. */
export function assertNoClientData(fields: Record<string, string | undefined | null>, context: PrivacyContext = "signaal"): void {
  const errors = clientDataErrors(fields, context);
  const names = Object.keys(errors);
  if (names.length) {
    throw new DomainError(422, `Niet opgeslagen: ${errors[names[0]]}`, errors);
  }
}
