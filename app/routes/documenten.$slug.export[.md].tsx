import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVisibleDocument } from "~/domain/documents/documents.server";
import { getCurrentVersion } from "~/domain/documents/versions.server";
import { isDomainError, notFound } from "~/domain/errors";
import { requireActor } from "~/http/request.server";
import { markdownInline, safeFilename } from "~/domain/export-escape";
import { formatDate } from "~/shared/dates";

// The current published version as Markdown (a download). A resource route: a refusal is a
// short Dutch text with its status (an error page here came out as English JSON).
export const loader = ({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  try {
    return markdownDownload(actor, params.slug ?? "");
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
};

function markdownDownload(actor: ReturnType<typeof requireActor>, slug: string): Response {
  const doc = requireVisibleDocument(actor, slug);
  const version = getCurrentVersion(doc.id);
  if (!version) throw notFound("Dit document heeft nog geen gepubliceerde versie.");
  // Title and summary are typed by people: one line each, Markdown characters escaped.
  const body = `# ${markdownInline(doc.title)}\n\n_Versie ${version.number}, gepubliceerd ${formatDate(version.publishedAt)}. Wat er veranderde: ${markdownInline(version.summary)}_\n\n${version.markdown}`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeFilename(`${doc.slug}-v${version.number}.md`)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
