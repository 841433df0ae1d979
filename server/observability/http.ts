// Request ids, one structured log line per request, the HTTP histogram and /metrics.
// Added to the Express app by server/index.ts (three call sites).
import crypto from "node:crypto";
import type express from "express";
import type Database from "better-sqlite3";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { SESSION_COOKIE, parseCookies, safeEqual } from "~/http/cookies.server";
import { collabMetrics } from "~/collab/index.server";
import { logger } from "./log";
import { httpDuration, liveCounter, liveGauge, registry, searchLatency } from "./metrics";

declare module "http" {
  interface IncomingMessage {
    /** Request id: in every log line of this request and on the error page as the reference number. */
    id?: string;
    /** Remix route pattern of the request, set by entry.server through the load context. */
    routePattern?: string;
  }
}

/** Short enough to read out on the phone, long enough to be unique in years of logs. */
export function newRequestId(): string {
  return crypto.randomBytes(6).toString("hex").toUpperCase().replace(/(.{4})(?=.)/g, "$1-");
}

/** The route pattern for a request Remix did not claim (static files, /healthz, /metrics). */
function fallbackRoute(req: express.Request, status: number): string {
  if (req.routePattern) return req.routePattern;
  if (req.path === "/healthz" || req.path === "/metrics") return req.path;
  if (req.path.startsWith("/assets/")) return "/assets/*";
  // Unmatched paths share one label: a scanner must not create a metric series per URL.
  return status === 404 ? "(niet gevonden)" : "(static)";
}

export function requestLogging(db: { $client: Database.Database }): express.RequestHandler {
  const personOf = db.$client.prepare("select person_id as personId from sessions where id = ?");
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    // A proxy's id is kept when it is sane, so its logs and ours join up.
    req.id = typeof incoming === "string" && /^[\w.-]{6,64}$/.test(incoming) ? incoming : newRequestId();
    res.setHeader("X-Request-Id", req.id);
    const started = process.hrtime.bigint();
    const session = parseCookies(req.headers.cookie ?? null)[SESSION_COOKIE];
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = fallbackRoute(req, res.statusCode);
      let personId: number | null = null;
      if (session) {
        try {
          personId = (personOf.get(session) as { personId: number } | undefined)?.personId ?? null;
        } catch {
          /* the database is closing */
        }
      }
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (route.startsWith("/zoeken")) searchLatency.observe(seconds);
      const line = { reqId: req.id, method: req.method, route, path: req.path, status: res.statusCode, durationMs: Math.round(seconds * 10000) / 10, personId };
      if (res.statusCode >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    });
    next();
  };
}

/** Figures read from the running app and the database when Prometheus scrapes. */
export function registerLiveMetrics(db: { $client: Database.Database }): void {
  const one = (sql: string) => {
    const stmt = db.$client.prepare(sql);
    return () => Number((stmt.get() as { n: number | null }).n ?? 0);
  };
  liveGauge("kp_collab_connections", "Open collaboration websocket connections", () => collabMetrics().connections);
  liveGauge("kp_collab_rooms", "Collaboration rooms loaded in memory", () => collabMetrics().openRooms);
  liveCounter("kp_collab_updates_persisted", "Yjs updates persisted by this process", () => collabMetrics().updatesPersisted);
  liveGauge("kp_search_outbox_pending", "Search index changes not yet applied", one("select count(*) as n from search_outbox"));
  liveGauge(
    "kp_search_outbox_lag_seconds",
    "Age of the oldest search index change not yet applied",
    one("select coalesce(max(0, strftime('%s','now') - strftime('%s', min(created_at))), 0) as n from search_outbox"),
  );
  liveGauge("kp_mail_pending", "E-mails not yet delivered", one("select count(*) as n from emails where sent_at is null"));
  liveGauge("kp_mail_failed", "E-mails whose last delivery attempt failed", one("select count(*) as n from emails where sent_at is null and error is not null"));
}

/** GET /metrics: Prometheus text format, only with `Authorization: Bearer <METRICS_TOKEN>`. */
export function metricsHandler(token: string): express.RequestHandler {
  return async (req, res) => {
    const header = req.headers.authorization ?? "";
    const sent = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token || !sent || !safeEqual(sent, token)) {
      res.status(token ? 401 : 404).type("text/plain; charset=utf-8").send(token ? "Geen of een onjuist token." : "Niet gevonden.");
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}

type BuildRoutes = Record<string, { id: string; parentId?: string; path?: string; index?: boolean } | undefined>;

const routeTrees = new WeakMap<BuildRoutes, AgnosticRouteObject[]>();
const patternCaches = new WeakMap<BuildRoutes, Map<string, string | undefined>>();
/** Paths remembered per build; the cache starts over when full (paths carry ids, so they are unbounded). */
const PATTERN_CACHE_SIZE = 2000;

function routeTree(routes: BuildRoutes): AgnosticRouteObject[] {
  let tree = routeTrees.get(routes);
  if (!tree) {
    const build = (parentId: string | undefined): AgnosticRouteObject[] =>
      Object.values(routes)
        .filter((r): r is NonNullable<typeof r> => !!r && r.parentId === parentId)
        .map((r) => (r.index ? { id: r.id, index: true as const, path: r.path } : { id: r.id, path: r.path, children: build(r.id) }));
    tree = build(undefined);
    routeTrees.set(routes, tree);
  }
  return tree;
}

/**
 * The Remix route pattern ("/documenten/:slug") of a path, also for single-fetch data requests.
 * Called for every request (metrics labels): the route tree is built once per build and the
 * answer per path is remembered, since matching ranks every route anew on each call.
 */
export function routePatternFor(routes: BuildRoutes, pathname: string): string | undefined {
  let cache = patternCaches.get(routes);
  if (!cache) patternCaches.set(routes, (cache = new Map()));
  if (cache.has(pathname)) return cache.get(pathname);
  const path = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  const matches = matchRoutes(routeTree(routes), path);
  const pattern = matches?.length ? `/${matches.map((m) => m.route.path).filter(Boolean).join("/").replace(/\/+/g, "/")}`.replace(/^\/+/, "/") : undefined;
  if (cache.size >= PATTERN_CACHE_SIZE) cache.clear();
  cache.set(pathname, pattern);
  return pattern;
}
