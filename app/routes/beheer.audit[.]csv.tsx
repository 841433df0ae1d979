import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditLogCsv, parseAuditFilter } from "~/domain/audit-log.server";
import { safeFilename } from "~/domain/export-escape";
import { download } from "~/http/export.server";
import { requireActor } from "~/http/request.server";
import { today } from "~/utils/clock.server";

// The audit log as CSV, with the same filters as the page (the query string is the filter).
export const loader = download(async ({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const csv = auditLogCsv({ actor, filter });
  const name = safeFilename(`auditlog-${filter.van ?? "begin"}-tm-${filter.tot ?? today()}.csv`);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
});
