// The shared wrapper of the download routes: refusals become a plain Dutch message with
// their status (a download has no page to show them on).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domain/errors";
import { toDocx } from "~/domain/export/docx.server";
import { toPdf } from "~/domain/export/pdf.server";
import type { ExportModel } from "~/domain/export/model";
import type { ExportFormat } from "~/domain/export/sources.server";

export function download(fn: (args: LoaderFunctionArgs) => Promise<Response>) {
  return async (args: LoaderFunctionArgs) => {
    try {
      return await fn(args);
    } catch (e) {
      if (isDomainError(e)) {
        return new Response(e.message, { status: e.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
      }
      throw e;
    }
  };
}

/** The download response for a model in the chosen format. */
export async function exportResponse(model: ExportModel, format: ExportFormat): Promise<Response> {
  const body = format === "docx" ? await toDocx(model) : await toPdf(model);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf",
      "Content-Disposition": `attachment; filename="${model.fileName}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
