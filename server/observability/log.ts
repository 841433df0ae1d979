// Structured JSON logs (pino): one line per request and one per notable event, on stdout,
// for the municipality's log collector. Stack traces go here and never to a page.
// See docs/decisions/501-logging-pino.md.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "ketenportaal" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Never log credentials or session ids, whatever a caller passes in.
  redact: { paths: ["req.headers.cookie", "headers.cookie", "password", "*.password", "token", "*.token"], censor: "[verwijderd]" },
});
