// The one way a route handles a form post:
//
//   auth (signed in, optional route-level authorize) → CSRF → intent → zod schema → domain
//   command → response
//
// A page's forms each post a hidden `intent`; the route's action is a map from intent to a
// handler with its own schema. A refusal (DomainError 400/401/409/413/422/429, including a
// schema failure) comes back as action data in the one shape of ./refusal.ts, with its status,
// the posted values and which form it came from, so the page shows it (<FormRefusal/>) and
// keeps what was typed; a 403/404 renders the error page; anything else is rethrown.
import { data, type ActionFunctionArgs, type AppLoadContext } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { z } from "zod";
import type { Actor } from "~/domain/actor.server";
import { DomainError, badRequest, isDomainError } from "~/domain/errors";
import type { Refusal } from "./refusal";
import { readFormData } from "./form-body.server";
import { requireActor, toErrorResponse, verifyCsrf } from "./request.server";

export type Posted = Record<string, string | string[]>;

export type Command<S extends z.ZodTypeAny, A = Actor> = {
  /** The signed-in person (null only in routes with `{ auth: "none" }`: login, logout). */
  actor: A;
  /** The form, parsed by the intent's schema. */
  value: z.infer<S>;
  /** The raw posted fields (e.g. to tell a field that was not on the form from an empty one). */
  posted: Posted;
  /** Uploaded files by field name (the first file of each field); `posted` has "" for them. */
  files: Record<string, File>;
  params: Params;
  request: Request;
  context: AppLoadContext;
};

export type Intent<S extends z.ZodTypeAny, A = Actor> = {
  schema: S;
  /** The posted field that says which item the form is about (e.g. "commentId"); echoed in a refusal as `target`. */
  target?: string;
  /**
   * Field checks beyond the schema that the command repeats (the privacy guard): run together
   * with the schema, so a refused post names every field at once, not one more per round.
   */
  check?: (posted: Posted) => Record<string, string>;
  run: (cmd: Command<S, A>) => unknown;
};

/** One entry of an action's handler map; a function only so TypeScript infers `value` from `schema`. */
export function intent<S extends z.ZodTypeAny>(def: Intent<S>): Intent<S> {
  return def;
}

/** For the two routes that work without a session (login, logout). */
export function publicIntent<S extends z.ZodTypeAny>(def: Intent<S, null>): Intent<S, null> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handlers<A> = Record<string, Intent<any, A>>;
type Options = {
  authorize?: (actor: Actor) => void;
  /** The page's main form, for a post without an intent (e.g. the edit form beside a small "deactivate" form). */
  defaultIntent?: string;
};

export function formAction(handlers: Handlers<Actor>, options?: Options): (args: ActionFunctionArgs) => Promise<unknown>;
export function formAction(handlers: Handlers<null>, options: { auth: "none"; defaultIntent?: string }): (args: ActionFunctionArgs) => Promise<unknown>;
export function formAction(handlers: Handlers<Actor> | Handlers<null>, options: Options & { auth?: "none" } = {}) {
  return async ({ request, params, context }: ActionFunctionArgs) => {
    const echo = { intent: "", target: "", values: {} as Posted };
    try {
      const actor = options.auth === "none" ? null : requireActor(request);
      if (actor && options.authorize) options.authorize(actor);
      const form = await readFormData(request);
      verifyCsrf(request, form);
      echo.values = postedValues(form);
      const names = Object.keys(handlers);
      const sent = form.get("intent");
      // A route with a single form (or a declared main form) may leave the intent out.
      echo.intent = typeof sent === "string" && sent !== "" ? sent : (options.defaultIntent ?? (names.length === 1 ? names[0] : ""));
      const handler = Object.hasOwn(handlers, echo.intent) ? (handlers as Handlers<Actor | null>)[echo.intent] : undefined;
      if (!handler) throw badRequest("Controleer de gemarkeerde velden.", { intent: "Deze actie bestaat niet." });
      if (handler.target) echo.target = first(echo.values[handler.target]);
      const value = parseWith(handler.schema, echo.values, handler.check);
      return await handler.run({ actor: actor as Actor, value, posted: echo.values, files: postedFiles(form), params, request, context });
    } catch (e) {
      if (isDomainError(e) && e.status !== 403 && e.status !== 404) {
        const body: Refusal = { ok: false, intent: echo.intent, target: echo.target, formError: e.message, fieldErrors: e.fieldErrors, values: echo.values };
        return data(body, { status: e.status });
      }
      throw toErrorResponse(e);
    }
  };
}


/** The posted fields without the CSRF token; repeated fields and `name[]` fields as arrays, files as "". */
function postedValues(form: FormData): Posted {
  const out: Posted = {};
  for (const key of new Set(form.keys())) {
    if (key === "csrf") continue;
    const all = form.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    out[key] = key.endsWith("[]") || all.length > 1 ? all : all[0];
  }
  return out;
}

function postedFiles(form: FormData): Record<string, File> {
  const out: Record<string, File> = {};
  for (const [key, v] of form.entries()) if (typeof v !== "string" && !out[key]) out[key] = v;
  return out;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/**
 * The schema's verdict; a failure becomes a 400 with one Dutch message per field: every field
 * the schema refuses, plus what the intent's own `check` finds in the other fields.
 */
function parseWith<S extends z.ZodTypeAny>(schema: S, values: Posted, check?: (posted: Posted) => Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const k = String(issue.path[0] ?? "_form");
    fieldErrors[k] ??= issue.message;
  }
  // The intent's own check sees only the fields the schema let through: a field already refused
  // (say, far too long) is not scanned again by a costlier check such as the privacy guard.
  const accepted = Object.fromEntries(Object.entries(values).filter(([k]) => !(k in fieldErrors))) as Posted;
  for (const [k, message] of Object.entries(check?.(accepted) ?? {})) fieldErrors[k] ??= message;
  throw new DomainError(400, "Controleer de gemarkeerde velden.", fieldErrors);
}
