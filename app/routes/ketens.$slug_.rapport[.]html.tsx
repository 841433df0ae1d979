import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { isDomainError } from "~/domain/errors";
import { ketenReport } from "~/domain/overleg/report.server";
import { parseOverviewFilter } from "~/domain/signals/overview.server";
import { formatDate } from "~/shared/dates";
import { requireActor } from "~/http/request.server";
import { KetenReportView } from "~/components/overleg/KetenReportView";

// A standalone, printable HTML of the keten report (React escapes every text).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = requireActor(request);
  try {
    const filter = parseOverviewFilter(new URL(request.url).searchParams);
    const report = ketenReport({ actor, slug: params.slug ?? "", filter });
    const body = renderToStaticMarkup(
      <html lang="nl">
        <head>
          <meta charSet="utf-8" />
          <title>{`Ketenrapportage ${report.keten.name}`}</title>
          <style>{"body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}caption{font-weight:600;text-align:left}.hint{color:#444}"}</style>
        </head>
        <body>
          <main>
            <h1>{`Ketenrapportage ${report.keten.name}`}</h1>
            <p>{`Periode ${report.period.van} tot en met ${report.period.tot} · stand van ${formatDate(report.today)}`}</p>
            <KetenReportView report={report} />
          </main>
        </body>
      </html>,
    );
    return new Response(`<!doctype html>${body}`, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
