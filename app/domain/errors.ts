/**
 * A refusal the user should see: a 4xx status and a Dutch message. Thrown by the domain
 * layer; routes turn it into a response, the websocket server into a close code.
 */
export class DomainError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    public readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const forbidden = (message = "U heeft geen toegang tot deze pagina of actie.") =>
  new DomainError(403, message);
export const notFound = (message = "Deze pagina of dit item bestaat niet (meer).") =>
  new DomainError(404, message);
export const badRequest = (message: string, fieldErrors: Record<string, string> = {}) =>
  new DomainError(400, message, fieldErrors);
export const conflict = (message: string, fieldErrors: Record<string, string> = {}) =>
  new DomainError(409, message, fieldErrors);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError || (e instanceof Error && e.name === "DomainError" && "status" in e);
}
