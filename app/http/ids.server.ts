// Route params that are ids: read strictly (see ~/shared/ids), and a malformed one is the
// same 404 as an id that does not exist, so a guessed or mangled URL learns nothing.
import type { Params } from "@remix-run/react";
import { notFound } from "~/domain/errors";
import { parseIdText } from "~/shared/ids";

export function idParam(params: Params, name = "id", message?: string): number {
  const id = parseIdText(params[name]);
  if (id === null) throw notFound(message);
  return id;
}
