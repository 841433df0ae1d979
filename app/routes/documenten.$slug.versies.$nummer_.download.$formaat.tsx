// A published version as Word or PDF.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseFormat, versionExport } from "~/domain/export/sources.server";
import { download, exportResponse } from "~/http/export.server";
import { notFound } from "~/domain/errors";
import { requireActor } from "~/http/request.server";

export const loader = download(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const number = Number(params.nummer);
  if (!Number.isInteger(number) || number <= 0) throw notFound("Deze versie bestaat niet.");
  return exportResponse(versionExport({ actor, slug: params.slug ?? "", number }), parseFormat(params.formaat));
});
