import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_TABLES, overviewCsv, parseOverviewFilter, signalOverview, type CsvTable } from "~/domain/signals/overview.server";
import { badRequest, isDomainError } from "~/domain/errors";
import { safeFilename } from "~/domain/export-escape";
import { today } from "~/utils/clock.server";
import { requireActor } from "~/http/request.server";

// The overview's numbers as CSV (same computation as the page), for Excel and further analysis.
// A resource route: refusals come back as a short Dutch text with their status, not a page.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = requireActor(request);
  try {
    const url = new URL(request.url);
    const tabel = url.searchParams.get("tabel") ?? "signalen";
    if (!CSV_TABLES.includes(tabel as CsvTable)) throw badRequest(`Onbekende tabel "${tabel}". Kies uit: ${CSV_TABLES.join(", ")}.`);
    const filter = parseOverviewFilter(url.searchParams);
    const csv = overviewCsv(signalOverview({ actor, filter }), tabel as CsvTable);
    const name = safeFilename(`signalen-${tabel}-${filter.van}-tm-${filter.tot}${filter.keten ? `-${filter.keten}` : ""}-stand-${today()}.csv`);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
