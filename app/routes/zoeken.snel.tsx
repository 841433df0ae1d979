// Resource route for the quick-search dialog: JSON results as you type (GET /zoeken/snel?q=).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/http/request.server";
import { countLabel } from "~/domain/search/labels";
import { readSearchParams, searchFor } from "~/domain/search/search.server";

export type QuickSearchResponse = {
  q: string;
  total: number;
  /** e.g. "12 resultaten" or "meer dan 1.000 resultaten". */
  countText: string;
  hits: Awaited<ReturnType<typeof searchFor>>["hits"];
  message: string | null;
};

// A plain Response: a resource route's status must reach the client as is (401 stays 401).
function reply(body: QuickSearchResponse, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = getActor(request);
  if (!actor) return reply({ q: "", total: 0, countText: "", hits: [], message: "Log opnieuw in om te zoeken." }, 401);
  const { q } = readSearchParams(new URL(request.url));
  if (!q.trim()) return reply({ q, total: 0, countText: "", hits: [], message: null });
  const r = await searchFor({ actor, q, limit: 8 });
  return reply({ q, total: r.total, countText: countLabel(r.total, r.totalIsLowerBound), hits: r.hits, message: r.unavailable });
}
