// Every coming reporting moment the reader may see, as a calendar file (RFC 5545).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerCalendar } from "~/domain/opdrachten/calendar.server";
import { requireActor, resource } from "~/http/request.server";

export const loader = resource(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return new Response(registerCalendar(actor), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="rapportagemomenten.ics"', "Cache-Control": "private, no-store" },
  });
});
