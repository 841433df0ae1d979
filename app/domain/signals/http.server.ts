// Route glue for the signal forms: like formAction(), but a refusal also returns what was
// typed and which form it came from, so the page can show the error next to the right form
// and put the text back (also without JavaScript). Nothing typed is ever lost.
import type { ActionFunctionArgs } from "@remix-run/node";
import { refusal } from "~/utils/request.server";

export type SignalFormError = {
  ok: false;
  /** The intent (and target status) of the form that failed, e.g. "status:afgehandeld". */
  form: string;
  formError: string;
  fieldErrors: Record<string, string>;
  /** What was posted; repeated fields (checkboxes) as arrays. */
  values: Record<string, string | string[]>;
};

export function signalFormAction<T>(fn: (args: ActionFunctionArgs) => Promise<T>) {
  return async (args: ActionFunctionArgs) => {
    const values: Record<string, string | string[]> = {};
    try {
      const copy = await args.request.clone().formData();
      for (const key of new Set(copy.keys())) {
        if (key === "csrf") continue;
        const all = copy.getAll(key).filter((v): v is string => typeof v === "string");
        values[key] = all.length > 1 ? all : (all[0] ?? "");
      }
    } catch {
      // readForm() inside fn reports unreadable forms with a Dutch 400.
    }
    try {
      return await fn(args);
    } catch (e) {
      const intent = typeof values.intent === "string" ? values.intent : "melden";
      const form = intent === "status" ? `status:${String(values.to ?? "")}` : intent;
      return refusal(e, { form, values });
    }
  };
}
