// The single Node entry: HTTP for Remix and the websocket upgrade for /collab/<documentId>,
// on one port. Background work (scheduler, mail, search index) starts here too.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { closeDb, databasePath, getDb } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { CSRF_COOKIE, parseCookies, randomToken } from "~/http/cookies.server";
import { csrfTokenForPage } from "~/http/csrf.server";
import { handleClientError, httpGuards } from "./http-guards";
import { collabService, collabUpgrade } from "./collab/service";
import { mailService } from "./mail/mailer";
import { backupService } from "./backup/service";
import { schedulerService } from "./scheduler/index";
import { searchIndexerService } from "./search/indexer";
import { findUpgradeHandler, startServices, stopServices, type BackgroundService, type UpgradeHandler } from "./services";

/** Everything that runs beside HTTP, started in this order and stopped in reverse. */
const services: readonly BackgroundService[] = [mailService, collabService, searchIndexerService, schedulerService, backupService];
/** Websocket upgrades by path prefix; anything else is answered 404. */
const upgradeHandlers: readonly UpgradeHandler[] = [collabUpgrade];
import { logger } from "./observability/log";
import { metricsHandler, registerLiveMetrics, requestLogging, routePatternFor } from "./observability/http";
import { writePidFile } from "./backup/snapshot";

// KP_ROOT: set by scripts/start.mjs, since the compiled entry (build/node/) lives elsewhere.
const root = process.env.KP_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isDev = process.argv.includes("--dev") || env().NODE_ENV === "development" && process.env.KP_DEV === "1";

export async function createApp() {
  const config = env();
  const db = getDb(); // runs migrations before the first request
  if (config.SEED_DEMO === "1") await seedDemoIfEmpty((m) => logger.info(m));

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(requestLogging(db));
  // gzip level 3 instead of the default 6: about half the CPU per page for 5–9 % more bytes
  // (measured on /, a document read page and /signalen; decision 108).
  app.use(compression({ level: 3 }));

  // Per-request nonce and CSRF token; strict headers on everything we serve.
  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    let csrf = parseCookies(req.headers.cookie ?? null)[CSRF_COOKIE];
    if (!csrf || csrf.length < 16 || csrf.length > 64) {
      csrf = randomToken();
      const secure = req.secure || config.COOKIE_SECURE === "1";
      res.append("Set-Cookie", `${CSRF_COOKIE}=${csrf}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
    }
    res.locals.csrfToken = csrfTokenForPage(req.headers.cookie, csrf);
    const host = req.headers.host ?? "localhost";
    const scriptSrc = isDev ? "'self' 'unsafe-inline' 'unsafe-eval'" : `'self' 'nonce-${nonce}'`;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src ${scriptSrc}`,
        // Lexical positions collaborator cursors with inline styles.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        `connect-src 'self' ws://${host} wss://${host}`,
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  app.use(httpGuards());

  app.get("/healthz", (_req, res) => {
    try {
      const row = db.$client.prepare("select 1 as one").get() as { one: number };
      res.status(200).json({ ok: row.one === 1, database: "ok" });
    } catch {
      res.status(503).json({ ok: false, database: "unreachable" });
    }
  });

  registerLiveMetrics(db);
  app.get("/metrics", metricsHandler(config.METRICS_TOKEN));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (isDev) {
    const vite = await import("vite");
    const viteDev = await vite.createServer({ server: { middlewareMode: true }, root });
    app.use(viteDev.middlewares);
    build = () => viteDev.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildDir = path.resolve(root, process.env.KP_BUILD_DIR ?? "build");
    app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h", index: false }));
    build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
  }

  if (typeof build !== "function") {
    const routes = build.routes;
    app.use((req, _res, next) => {
      req.routePattern = routePatternFor(routes, req.path);
      next();
    });
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        csrfToken: res.locals.csrfToken as string,
        clientIp: req.ip ?? "unknown",
        requestId: req.id ?? "",
        // Errors with their stack go to the log only, tagged with the request id.
        reportError: (err: unknown) => logger.error({ err, reqId: req.id, route: req.routePattern }, "unexpected error"),
      }),
    }),
  );

  // Last resort: never a stack trace to the user.
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    logger.error({ err, reqId: req.id }, "unexpected error");
    if (!res.headersSent) res.status(500).type("text/plain; charset=utf-8").send(`Er ging iets mis aan onze kant. Probeer het later opnieuw. Referentienummer: ${req.id ?? "onbekend"}`);
  });

  return app;
}

export async function main() {
  const config = env();
  const app = await createApp();
  const server = http.createServer(app);
  server.on("clientError", handleClientError);
  server.on("upgrade", (req, socket, head) => {
    const url = req.url ?? "/";
    const handler = findUpgradeHandler(upgradeHandlers, url);
    if (!handler) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    handler.handle(req, socket, head);
  });
  await startServices(services, server);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info({ port }, `Ketenportaal draait op http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`);
  // Lets `npm run restore` refuse to replace the database under a running portal.
  const removePidFile = writePidFile(path.dirname(databasePath()), port);

  let closing = false;
  // SIGTERM: stop accepting, close websockets with "server restarting" (1001, editors
  // reconnect), let background work flush, checkpoint the WAL, exit — within 10 s.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "Ketenportaal stopt");
    const deadline = setTimeout(() => {
      logger.error("shutdown took longer than 10 s; exiting anyway");
      process.exit(1);
    }, 9_500);
    deadline.unref();
    const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await stopServices(services);
    // Requests in flight get a few seconds to finish; then their connections are cut.
    await Promise.race([httpClosed, new Promise((r) => setTimeout(r, 4_000).unref())]);
    server.closeAllConnections();
    await httpClosed;
    try {
      getDb().$client.pragma("wal_checkpoint(TRUNCATE)");
      closeDb();
    } catch (err) {
      logger.error({ err }, "final checkpoint failed");
    }
    removePidFile();
    logger.info("Ketenportaal gestopt");
    logger.flush?.();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly || process.env.KP_RUN_SERVER === "1") {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
