import type { LoaderFunctionArgs } from "@remix-run/node";
import { listOpdrachten, opdrachtenCsv, parseOpdrachtFilter } from "~/domain/opdrachten/queries.server";
import { safeFilename } from "~/domain/export-escape";
import { download } from "~/http/export.server";
import { requireActor } from "~/http/request.server";
import { today } from "~/utils/clock.server";

// The register as CSV with the filters of the page: the same query, so the same rows.
export const loader = download(async ({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const filter = parseOpdrachtFilter(new URL(request.url).searchParams);
  const name = safeFilename(`opdrachtenregister-${Object.values(filter).join("-") || "alles"}-stand-${today()}.csv`);
  return new Response(opdrachtenCsv(listOpdrachten({ actor, filter })), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
});
