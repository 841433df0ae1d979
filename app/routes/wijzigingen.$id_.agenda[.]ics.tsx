// The consultation deadline and the ingangsdatum as a calendar file (RFC 5545).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseProposalId } from "~/domain/consultation/access.server";
import { proposalCalendarFor } from "~/domain/consultation/calendar.server";
import { resource } from "~/domain/consultation/actions.server";
import { requireActor } from "~/utils/request.server";

export const loader = resource(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const { ics, id } = proposalCalendarFor({ actor, id: parseProposalId(params.id) });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="voorstel-${id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
