// "A result of this query was opened", for the beheerders' list of what people could not find
// (issue 15). POST /zoeken/open (q in the body) comes from navigator.sendBeacon when a result link is
// followed, so the link itself stays the passage's own URL. GET /zoeken/open?q=…&naar=/pad
// does the same as a redirect (for links that cannot run script); it only follows paths inside
// the portal, so it is no open redirect. Who opened it is not stored.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordClick } from "~/domain/search/search-log.server";
import { formAction, intent } from "~/http/action.server";
import { requireActor } from "~/http/request.server";

export function safeTarget(raw: string | null): string {
  if (!raw || raw.length > 500 || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /\p{Cc}/u.test(raw)) return "/zoeken";
  return raw;
}

export function loader({ request }: LoaderFunctionArgs) {
  requireActor(request);
  const url = new URL(request.url);
  const target = safeTarget(url.searchParams.get("naar"));
  const q = url.searchParams.get("q") ?? "";
  if (target !== "/zoeken" && q) recordClick({ query: q.slice(0, 1000) });
  return redirect(target);
}

/**
 * The beacon: a form post (with the page's CSRF token) through the one action convention;
 * nothing is returned. Who opened it is not stored.
 */
export const action = formAction({
  open: intent({
    schema: z.object({ q: z.string().max(1000, "Gebruik hoogstens 1000 tekens.") }),
    run({ value }) {
      if (value.q) recordClick({ query: value.q });
      return new Response(null, { status: 204 });
    },
  }),
});
