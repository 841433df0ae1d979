import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_TABLES, overviewCsv, parseOverviewFilter, signalOverview, type CsvTable } from "~/domain/signals/overview.server";
import { badRequest } from "~/domain/errors";
import { today } from "~/utils/clock.server";
import { page, requireActor } from "~/utils/request.server";

// The overview's numbers as CSV (same computation as the page), for Excel and further analysis.
export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const tabel = url.searchParams.get("tabel") ?? "signalen";
  if (!CSV_TABLES.includes(tabel as CsvTable)) throw badRequest(`Onbekende tabel "${tabel}". Kies uit: ${CSV_TABLES.join(", ")}.`);
  const filter = parseOverviewFilter(url.searchParams);
  const csv = overviewCsv(signalOverview({ actor, filter }), tabel as CsvTable);
  const name = `signalen-${tabel}-${filter.van}-tm-${filter.tot}${filter.keten ? `-${filter.keten}` : ""}-stand-${today()}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
