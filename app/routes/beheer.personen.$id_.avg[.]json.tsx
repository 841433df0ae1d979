import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPerson } from "~/domain/avg/avg.server";
import { page, requireActor } from "~/http/request.server";
import { idParam } from "~/http/ids.server";

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const e = exportPerson({ actor: requireActor(request), personId: idParam(params, "id", "Deze persoon bestaat niet.") });
  return new Response(JSON.stringify(e, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": `attachment; filename="avg-persoon-${e.profile.id}.json"`,
    },
  });
});
