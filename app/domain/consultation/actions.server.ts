// Route glue for pages with several forms (comment, answer, decide, ...): the form's
// `intent` picks the handler; a refusal that belongs to the form comes back as action data
// for THAT form, with what was typed, so nothing is lost; 403/404 become the error page.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { Actor } from "../actor.server";
import { isDomainError } from "../errors";
import { refusal, requireActor } from "~/utils/request.server";

export type IntentError = {
  ok: false;
  intent: string;
  /** Which item the form was about (e.g. the comment being answered). */
  target: string;
  formError: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

type Handler = (args: ActionFunctionArgs & { actor: Actor }) => Promise<Response>;

export function intentAction(handlers: Record<string, Handler>) {
  return async (args: ActionFunctionArgs) => {
    const actor = requireActor(args.request);
    let echo: FormData | null = null;
    try {
      echo = await args.request.clone().formData();
    } catch {
      throw data({ message: "Het formulier kon niet worden gelezen." }, { status: 400 });
    }
    const intent = String(echo.get("intent") ?? "");
    const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
    if (!handler) throw data({ message: "Deze actie bestaat niet." }, { status: 400 });
    try {
      return await handler({ ...args, actor });
    } catch (e) {
      const values: Record<string, string> = {};
      // Repeated fields (checkboxes) come back comma-joined.
      for (const [k, v] of echo.entries()) if (k !== "csrf" && typeof v === "string") values[k] = k in values ? `${values[k]},${v}` : v;
      return refusal(e, { intent, target: String(echo.get("commentId") ?? ""), values });
    }
  };
}

/** A file download (.ics, printable HTML): refusals come back as a short Dutch text with their status. */
export function resource(fn: (args: LoaderFunctionArgs) => Response) {
  return async (args: LoaderFunctionArgs) => {
    try {
      return fn(args);
    } catch (e) {
      if (isDomainError(e)) {
        return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
      }
      throw e;
    }
  };
}
