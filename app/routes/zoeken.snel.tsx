// Resource route for the quick-search dialog: JSON results as you type (GET /zoeken/snel?q=).
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/utils/request.server";
import { readSearchParams, searchFor } from "~/domain/search/search.server";

export type QuickSearchResponse = {
  q: string;
  total: number;
  hits: Awaited<ReturnType<typeof searchFor>>["hits"];
  message: string | null;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = getActor(request);
  const headers = { "Cache-Control": "private, no-store" };
  if (!actor) {
    return data<QuickSearchResponse>({ q: "", total: 0, hits: [], message: "Log opnieuw in om te zoeken." }, { status: 401, headers });
  }
  const { q } = readSearchParams(new URL(request.url));
  if (!q.trim()) return data<QuickSearchResponse>({ q, total: 0, hits: [], message: null }, { headers });
  const r = await searchFor({ actor, q, limit: 8 });
  return data<QuickSearchResponse>({ q, total: r.total, hits: r.hits, message: r.unavailable }, { headers });
}
