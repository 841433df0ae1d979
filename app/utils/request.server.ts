import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { actorForSession } from "~/domain/auth.server";
import type { Actor } from "~/domain/actor.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { CSRF_COOKIE, SESSION_COOKIE, parseCookies, safeEqual } from "./cookies.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    csrfToken: string;
    clientIp: string;
  }
}

export function sessionIdFrom(request: Request): string | undefined {
  return parseCookies(request.headers.get("cookie"))[SESSION_COOKIE];
}

export function getActor(request: Request): Actor | null {
  return actorForSession(sessionIdFrom(request));
}

/** The signed-in person, or a redirect to the login page that comes back here afterwards. */
export function requireActor(request: Request): Actor {
  const actor = getActor(request);
  if (!actor) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return actor;
}

/** Double-submit check: the form's token must equal the httpOnly, SameSite cookie's value. */
export function verifyCsrf(request: Request, form: FormData): void {
  const cookie = parseCookies(request.headers.get("cookie"))[CSRF_COOKIE];
  const sent = form.get("csrf");
  if (!cookie || typeof sent !== "string" || !safeEqual(cookie, sent)) {
    throw new DomainError(
      403,
      "Het formulier is verlopen of niet door deze site verstuurd (CSRF-controle). Laad de pagina opnieuw en probeer het nog eens.",
    );
  }
}

/** Read a form post: CSRF first, then the zod schema; bad input becomes a 400 with Dutch field errors. */
export async function readForm<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<{ form: FormData; value: z.infer<S> }> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError(400, "Het formulier kon niet worden gelezen.");
  }
  verifyCsrf(request, form);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key === "csrf") continue;
    const all = form.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    raw[key] = key.endsWith("[]") || all.length > 1 ? all : all[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0] ?? "_form");
      fieldErrors[k] ??= issue.message;
    }
    throw new DomainError(400, "Controleer de gemarkeerde velden.", fieldErrors);
  }
  return { form, value: parsed.data };
}

export type ActionError = { ok: false; formError: string; fieldErrors: Record<string, string> };

/**
 * The one rule for a thrown error in an action: a refusal that belongs to the form
 * (400/401/409/413/422/429) comes back as action data with its status, plus whatever the
 * page needs to show it in place (`extra`: the posted values, which form); 403/404 render the
 * error page with that status; anything else is rethrown.
 */
export function refusal<E extends object = object>(e: unknown, extra?: E) {
  if (isDomainError(e) && e.status !== 403 && e.status !== 404) {
    const body = { ok: false as const, formError: e.message, fieldErrors: e.fieldErrors, ...(extra as E) };
    return data(body, { status: e.status });
  }
  throw toErrorResponse(e);
}

/**
 * Wrap a route action: refusals that belong to the form come back as action data with their
 * status, so the form shows them next to the fields and keeps what was typed; 403/404 render
 * the error page with that status.
 */
export function formAction<T>(fn: (args: ActionFunctionArgs) => Promise<T>) {
  return async (args: ActionFunctionArgs) => {
    try {
      return await fn(args);
    } catch (e) {
      return refusal(e);
    }
  };
}

/** Wrap a loader: domain refusals become an error page with their status and Dutch message. */
export function page<T>(fn: (args: LoaderFunctionArgs) => Promise<T> | T) {
  return async (args: LoaderFunctionArgs) => {
    try {
      return await fn(args);
    } catch (e) {
      throw toErrorResponse(e);
    }
  };
}

function toErrorResponse(e: unknown): unknown {
  if (isDomainError(e)) return data({ message: e.message }, { status: e.status });
  return e;
}
