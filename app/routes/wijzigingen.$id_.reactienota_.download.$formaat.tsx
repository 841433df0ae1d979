// The reactienota as Word or PDF.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { parseFormat, reactienotaExport } from "~/domain/export/sources.server";
import { download, exportResponse } from "~/http/export.server";
import { requireActor } from "~/http/request.server";

export const loader = download(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return exportResponse(reactienotaExport({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) }), parseFormat(params.formaat));
});
