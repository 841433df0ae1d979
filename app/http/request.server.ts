import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { actorForSession } from "~/domain/auth.server";
import type { Actor } from "~/domain/actor.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { SESSION_COOKIE, parseCookies } from "./cookies.server";
import { csrfValid } from "./csrf.server";
import { publicUrl } from "~/domain/notify.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    csrfToken: string;
    clientIp: string;
    /** This request's id: in its log lines and on the error page as the reference number. */
    requestId?: string;
    /** Log an unexpected error with its stack (log only; the page shows the reference). */
    reportError?: (error: unknown) => void;
  }
}

export function sessionIdFrom(request: Request): string | undefined {
  return parseCookies(request.headers.get("cookie"))[SESSION_COOKIE];
}

export function getActor(request: Request): Actor | null {
  // Reads may share the lookup between the root loader and the route loader (same turn).
  return actorForSession(sessionIdFrom(request), { reuseWithinTick: request.method === "GET" || request.method === "HEAD" });
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

/** The form's token must be the HMAC of this request's session (or pre-session) id: see csrf.server.ts. */
export function verifyCsrf(request: Request, form: FormData): void {
  if (!csrfValid(request.headers.get("cookie"), form.get("csrf"))) {
    throw new DomainError(
      403,
      "Het formulier is verlopen of niet door deze site verstuurd (CSRF-controle). Laad de pagina opnieuw en probeer het nog eens.",
    );
  }
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

/** A DomainError as the error page's response (status + Dutch message); anything else unchanged. */
export function toErrorResponse(e: unknown): unknown {
  if (isDomainError(e)) return data({ message: e.message }, { status: e.status });
  return e;
}

/** PUBLIC_URL when configured, else the address the browser used to reach us (links in e-mails, SSO redirect URIs). */
export function portalOrigin(request: Request): string {
  return process.env.PUBLIC_URL ? publicUrl() : new URL(request.url).origin;
}
