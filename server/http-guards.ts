// Request guards in front of Remix and the static files (issue 10, class 2): requests that
// Remix or Express would answer with a 500 or an English text get a Dutch page with a 4xx
// instead. Each guard is a small middleware; createApp() wires them with httpGuards().
import type { Socket } from "node:net";
import type express from "express";
import { formatNumber } from "~/shared/plural";
import { env } from "~/utils/env.server";

const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** A small Dutch error page for refusals made before Remix renders anything. */
export function dutchErrorPage(status: number, title: string, message: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Ketenportaal Zaanstad</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}a{color:#1f5f8b}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>Foutcode ${status}</p><p>${escapeHtml(message)}</p><p><a href="/">Terug naar de startpagina</a></p></main></body>
</html>
`;
}

function refuse(res: express.Response, status: number, title: string, message: string, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).type("text/html; charset=utf-8").setHeader("Cache-Control", "no-store");
  res.send(dutchErrorPage(status, title, message));
}

/** Limits per path prefix: the longest matching prefix wins. */
export type BodyLimits = Array<{ prefix: string; bytes: number }>;

/**
 * Body limits for POSTs. Forms get BODY_LIMIT_BYTES (1 MB); a route that takes an upload gets
 * a larger limit for its prefix, in code below or through BODY_LIMITS ("/prefix=bytes,…").
 */
export const UPLOAD_LIMITS: BodyLimits = [];

/** Word import (/importeren/…): the file limit plus room for the other fields, so a file just over it gets the page's own 413. */
const WORD_UPLOAD_OVERHEAD = 1_000_000;

export function bodyLimits(): BodyLimits {
  const config = env();
  const limits: BodyLimits = [
    { prefix: "/", bytes: config.BODY_LIMIT_BYTES },
    { prefix: "/importeren/", bytes: config.WORD_IMPORT_MAX_BYTES + WORD_UPLOAD_OVERHEAD },
    ...UPLOAD_LIMITS,
  ];
  for (const part of config.BODY_LIMITS.split(",")) {
    const m = /^\s*(\/[^=\s]*)\s*=\s*(\d+)\s*$/.exec(part);
    if (m) limits.push({ prefix: m[1], bytes: Number(m[2]) });
  }
  return limits;
}

export function bodyLimitFor(path: string, limits: BodyLimits): number {
  let best = { prefix: "", bytes: 0 };
  for (const l of limits) if (path.startsWith(l.prefix) && l.prefix.length >= best.prefix.length) best = l;
  return best.bytes;
}

const formatBytes = (n: number) => (n >= 1_000_000 ? `${formatNumber(Math.round(n / 100_000) / 10)} MB` : `${Math.ceil(n / 1000)} kB`);

/** Methods we do not serve: 405 with Allow (OPTIONS: 204 with Allow), never a 500 (TRACE). */
export const onlyKnownMethods: express.RequestHandler = (req, res, next) => {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  if (req.method === "OPTIONS") {
    res.setHeader("Allow", ALLOWED_METHODS.join(", "));
    res.status(204).end();
    return;
  }
  refuse(res, 405, "Dat lukte niet", "Deze pagina kan dit soort verzoek niet verwerken.", { Allow: ALLOWED_METHODS.join(", ") });
};

/** A Host (or trusted X-Forwarded-Host) that is not a host name, and paths that do not decode. */
export const wellFormedRequests: express.RequestHandler = (req, res, next) => {
  const host = req.hostname;
  try {
    if (!host || new URL(`http://${req.headers.host ?? ""}`).hostname === "" || new URL(`http://${host}`).hostname === "") throw new Error("host");
  } catch {
    return refuse(res, 400, "Dat lukte niet", "Dit verzoek heeft een ongeldige hostnaam.");
  }
  try {
    decodeURIComponent(req.path);
  } catch {
    return refuse(res, 400, "Dat lukte niet", "Dit adres bevat tekens die niet kloppen (een onvolledige %-code). Controleer de link of ga naar de startpagina.");
  }
  // The old Remix data protocol; with single fetch (`.data` URLs) nothing of ours uses it.
  if (Object.hasOwn(req.query, "_data")) {
    return refuse(res, 400, "Dat lukte niet", "Dit adres wordt niet ondersteund.");
  }
  next();
};

/**
 * A form post from another site (or from a sandboxed page: `Origin: null`) is refused before
 * Remix sees it (Remix itself aborts such actions with a 500). Posts without Origin (old
 * clients, scripts) still need the session-bound CSRF token.
 */
export const sameOriginPosts: express.RequestHandler = (req, res, next) => {
  if (req.method !== "POST") return next();
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  let crossOrigin = site === "cross-site";
  if (origin !== undefined) {
    if (origin === "null") crossOrigin = true;
    else {
      try {
        const allowed = new Set([req.headers.host, req.get("x-forwarded-host")?.split(",")[0].trim()].filter(Boolean));
        if (!allowed.has(new URL(origin).host)) crossOrigin = true;
      } catch {
        crossOrigin = true;
      }
    }
  }
  if (!crossOrigin) return next();
  res.setHeader("Connection", "close");
  refuse(
    res,
    403,
    "Geen toegang",
    "Dit formulier is niet vanaf Ketenportaal verstuurd en is daarom niet verwerkt. Open Ketenportaal zelf, laad de pagina opnieuw en probeer het nog eens.",
  );
};

/**
 * Request body limit by path prefix, decided from Content-Length before anything is read: a
 * 20 MB post is answered with a 413 without reading it. A body without Content-Length
 * (chunked) could not be limited that way; browsers always send the length, so it gets a 411.
 */
export function bodyLimit(limits: () => BodyLimits = bodyLimits): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    const length = req.headers["content-length"];
    if (length === undefined) {
      if (req.headers["transfer-encoding"]) {
        res.setHeader("Connection", "close");
        return refuse(res, 411, "Dat lukte niet", "Dit verzoek moet zijn lengte vooraf opgeven (Content-Length).");
      }
      return next();
    }
    const max = bodyLimitFor(req.path, limits());
    if (Number(length) > max) {
      // Closing the connection stops the client from sending the rest.
      res.setHeader("Connection", "close");
      return refuse(
        res,
        413,
        "Te groot",
        `Wat u verstuurde is te groot (${formatBytes(Number(length))}); hier kan hoogstens ${formatBytes(max)} tegelijk. Maak de tekst korter of verstuur het in delen; er is niets opgeslagen.`,
      );
    }
    next();
  };
}

/** The guards in order; createApp() mounts them before the static files and Remix. */
export function httpGuards(): express.RequestHandler[] {
  return [onlyKnownMethods, wellFormedRequests, sameOriginPosts, bodyLimit()];
}

/**
 * Errors Node's HTTP parser answers before Express (headers too large, a malformed request):
 * a Dutch text instead of an empty response. Wired with `server.on("clientError", …)`.
 */
export function handleClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || (err.code === "ECONNRESET" && !socket.bytesWritten)) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  const body = tooLarge
    ? "De kopregels van dit verzoek zijn te groot (bijvoorbeeld door te veel cookies). Verwijder de cookies van deze site en probeer het opnieuw.\n"
    : "Dit verzoek kon niet worden gelezen.\n";
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
