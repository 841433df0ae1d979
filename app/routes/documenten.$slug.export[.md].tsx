import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVisibleDocument } from "~/domain/documents/documents.server";
import { getCurrentVersion } from "~/domain/documents/versions.server";
import { notFound } from "~/domain/errors";
import { page, requireActor } from "~/utils/request.server";

// The current published version as Markdown (a download).
export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const version = getCurrentVersion(doc.id);
  if (!version) throw notFound("Dit document heeft nog geen gepubliceerde versie.");
  const body = `# ${doc.title}\n\n_Versie ${version.number}, gepubliceerd ${version.publishedAt.slice(0, 10)}. Wat er veranderde: ${version.summary}_\n\n${version.markdown}`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${doc.slug}-v${version.number}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
});
