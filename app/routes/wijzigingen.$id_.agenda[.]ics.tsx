// The consultation deadline and the ingangsdatum as a calendar file (RFC 5545).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { proposalCalendarFor } from "~/domain/consultation/calendar.server";
import { requireActor, resource } from "~/http/request.server";

export const loader = resource(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const { ics, id } = proposalCalendarFor({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="voorstel-${id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
