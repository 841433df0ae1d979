// A comparison of two versions as Word (tracked changes) or PDF (marked up).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { comparisonExport, parseFormat } from "~/domain/export/sources.server";
import { download, exportResponse } from "~/http/export.server";
import { badRequest } from "~/domain/errors";
import { compareSchema } from "~/shared/document-forms";
import { requireActor } from "~/http/request.server";

export const loader = download(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const parsed = compareSchema.safeParse({ van: url.searchParams.get("van") ?? undefined, naar: url.searchParams.get("naar") ?? undefined });
  if (!parsed.success) throw badRequest("Kies twee versies om te vergelijken, bijvoorbeeld ?van=1&naar=2.");
  return exportResponse(comparisonExport({ actor, slug: params.slug ?? "", from: parsed.data.van, to: parsed.data.naar }), parseFormat(params.formaat));
});
