import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domain/errors";
import { ketenReport, reportCsv } from "~/domain/overleg/report.server";
import { parseOverviewFilter } from "~/domain/signals/overview.server";
import { requireActor } from "~/http/request.server";

// The keten report as CSV (same computation as the page). Refusals: a short Dutch text.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = requireActor(request);
  try {
    const filter = parseOverviewFilter(new URL(request.url).searchParams);
    const report = ketenReport({ actor, slug: params.slug ?? "", filter });
    return new Response(reportCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ketenrapportage-${report.keten.slug}-${filter.van}-tm-${filter.tot}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
