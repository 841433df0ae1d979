// The router's own refusals (no route for a URL, a POST to a page without an action) carry an
// English technical text ("Error: No route matches URL …") that ends up in the page's data.
// Before rendering, replace it with the Dutch message our error page shows (issue 10, class 2).
import { isRouteErrorResponse } from "@remix-run/react";

const DUTCH: Record<number, string> = {
  400: "Dit verzoek kon niet worden verwerkt.",
  404: "Deze pagina bestaat niet (meer).",
  405: "Deze pagina kan dit soort verzoek niet verwerken.",
};

/**
 * Called from entry.server's handleError, which Remix calls with each route error before it
 * sanitises and serialises them into the page: returns true when the error was such a router
 * refusal (now carrying the Dutch message), so it is not logged as a server error.
 */
export function dutchRouterError(e: unknown): boolean {
  if (!isRouteErrorResponse(e) || !(e as { internal?: boolean }).internal || typeof e.data !== "string" || !e.data.startsWith("Error: ")) return false;
  const mutable = e as { data: unknown; error?: unknown };
  mutable.data = { message: DUTCH[e.status] ?? DUTCH[400] };
  delete mutable.error;
  return true;
}
