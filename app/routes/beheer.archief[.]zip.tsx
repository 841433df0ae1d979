// The archive package as a download (beheerders only; see app/domain/retention/archive.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { archivePackage } from "~/domain/retention/archive.server";
import { page, requireActor } from "~/http/request.server";
import { nowIso } from "~/utils/clock.server";

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const { zip } = archivePackage({ actor: requireActor(request) });
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Cache-Control": "private, no-store",
      "Content-Disposition": `attachment; filename="ketenportaal-archief-${nowIso().slice(0, 10)}.zip"`,
    },
  });
});
