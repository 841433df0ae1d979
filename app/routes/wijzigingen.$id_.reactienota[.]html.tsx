// Printable, self-contained HTML of the reactienota (same access as the page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { getReactienota, reactienotaHtml } from "~/domain/consultation/reactienota.server";
import { requireActor, resource } from "~/http/request.server";

export const loader = resource(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const nota = getReactienota({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) });
  const download = new URL(request.url).searchParams.has("download");
  return new Response(reactienotaHtml(nota), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...(download ? { "Content-Disposition": `attachment; filename="reactienota-voorstel-${nota.proposal.id}.html"` } : {}),
    },
  });
});
