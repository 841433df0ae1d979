// The one shape in which an action echoes a refusal back to its page (browser-safe: the
// components read it through ~/components/forms). Every posting route returns it via
// action() in ./action.server.ts; nothing else builds it.

export type Refusal = {
  ok: false;
  /** The intent of the form that was refused ("" if the post had none and the route has one form). */
  intent: string;
  /** Which item the form was about, e.g. the comment being answered or the target status; "" if none. */
  target: string;
  /** The Dutch message for the whole form. */
  formError: string;
  /** Dutch messages per field name. */
  fieldErrors: Record<string, string>;
  /** What was posted (without the CSRF token), so nothing typed is lost; repeated fields as arrays. */
  values: Record<string, string | string[]>;
};

export function isRefusal(result: unknown): result is Refusal {
  return !!result && typeof result === "object" && (result as { ok?: unknown }).ok === false && typeof (result as { formError?: unknown }).formError === "string";
}
