// The reporting moments of one item as a calendar file (RFC 5545).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { opdrachtCalendar } from "~/domain/opdrachten/calendar.server";
import { OPDRACHT_NOT_FOUND } from "~/domain/opdrachten/opdrachten.server";
import { idParam } from "~/http/ids.server";
import { requireActor, resource } from "~/http/request.server";

export const loader = resource(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = idParam(params, "id", OPDRACHT_NOT_FOUND);
  return new Response(opdrachtCalendar(actor, id), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="opdracht-${id}.ics"`, "Cache-Control": "private, no-store" },
  });
});
