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
import { getDb } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { CSRF_COOKIE, parseCookies, randomToken } from "~/utils/cookies.server";
import { startBackground, stopBackground, upgradeHandlers } from "./services";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isDev = process.argv.includes("--dev") || env().NODE_ENV === "development" && process.env.KP_DEV === "1";

export async function createApp() {
  const config = env();
  const db = getDb(); // runs migrations before the first request
  if (config.SEED_DEMO === "1") await seedDemoIfEmpty((m) => console.log(m));

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(compression());

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
    res.locals.csrfToken = csrf;
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

  app.get("/healthz", (_req, res) => {
    try {
      const row = db.$client.prepare("select 1 as one").get() as { one: number };
      res.status(200).json({ ok: row.one === 1, database: "ok" });
    } catch {
      res.status(503).json({ ok: false, database: "unreachable" });
    }
  });

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

  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        csrfToken: res.locals.csrfToken as string,
        clientIp: req.ip ?? "unknown",
      }),
    }),
  );

  // Last resort: never a stack trace to the user.
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(err);
    if (!res.headersSent) res.status(500).type("text/plain; charset=utf-8").send("Er ging iets mis aan onze kant. Probeer het later opnieuw.");
  });

  return app;
}

export async function main() {
  const config = env();
  const app = await createApp();
  const server = http.createServer(app);
  server.on("upgrade", (req, socket, head) => {
    const url = req.url ?? "/";
    const handler = upgradeHandlers.find((h) => url.startsWith(h.prefix));
    if (!handler) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    handler.handle(req, socket, head);
  });
  await startBackground(server);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  console.log(`Ketenportaal draait op http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: Ketenportaal stopt...`);
    await stopBackground();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
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
