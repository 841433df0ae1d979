// HTTP benchmark (issue 11): the production server, one process, logged in, against `/`, a
// document read page, a search and the signal list, at 10 and 50 connections (autocannon,
// keep-alive). Reports req/s, p50/p99 latency, errors and timeouts, and the server's RSS
// idle after start, after each run and after a short idle at the end.
//
//   npx tsx tests/bench/http.ts     (needs a production build: npm run build, or KP_BUILD_DIR)
//   BENCH_HTTP_SECONDS=10 (per page and connection count), BENCH_HTTP_CONNECTIONS=10,50
//   BENCH_HTTP_BASELINE=<dir>: a second checkout (with its own build/ and node_modules) run
//     in the same benchmark, rounds alternating with this one, so a noisy machine hits both alike.
// Not a test: nothing asserts a time (targets: ≥ 500 req/s at 10 connections on `/` and the
// read page, p99 ≤ 100 ms at 50, no timeouts).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { announcedPort } from "../support/portal";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
}

export type BenchPortal = { root: string; label: string; baseURL: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** A production portal from `root` (its build/ and server/), on a free port, data in `dataDir`. */
export async function startBenchPortal(root: string, label: string, dataDir: string, env: Record<string, string> = {}): Promise<BenchPortal> {
  let out = "";
  fs.rmSync(path.join(dataDir, "portal.pid"), { force: true });
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      KP_SKIP_BUILD: "1",
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      SEED_DEMO: "0",
      SCHEDULER_INTERVAL_MS: "600000",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d.toString()));
  child.stderr!.on("data", (d) => (out += d.toString()));
  const port = await announcedPort(child, dataDir, () => out, 120_000).catch((e: Error) => {
    throw new Error(`${label}: ${e.message}`);
  });
  return {
    root,
    label,
    baseURL: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

/** A seeded data directory and a session cookie for a professional who reads most documents. */
export async function prepareHttpData(dataDir: string): Promise<{ cookie: string; documentSlug: string }> {
  process.env.DATA_DIR = dataDir;
  process.env.NODE_ENV = "production";
  const { getDb, closeDb, schema } = await import("~/db/client.server");
  const { seedDemoIfEmpty } = await import("~/domain/seed/index.server");
  const { loadActorByEmail } = await import("~/domain/actor.server");
  const { createSession } = await import("~/domain/auth.server");
  const { listDocuments } = await import("~/domain/documents/documents.server");
  getDb();
  await seedDemoIfEmpty();
  const actor = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
  const docs = listDocuments({ actor });
  const published = getDb().select({ documentId: schema.documentVersions.documentId }).from(schema.documentVersions).all();
  const withVersion = new Set(published.map((p) => p.documentId));
  const doc = docs.find((d) => withVersion.has(d.id)) ?? docs[0];
  const cookie = `kp_session=${createSession(actor.id).id}; kp_csrf=${"b".repeat(32)}`;
  closeDb();
  return { cookie, documentSlug: doc.slug };
}

export type HttpRun = { target: string; page: string; connections: number; reqPerSec: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number; rssAfterMb: number };

export async function loadRun(baseURL: string, pagePath: string, connections: number, seconds: number, cookie: string): Promise<Omit<HttpRun, "target" | "page" | "rssAfterMb">> {
  const r = await autocannon({
    url: baseURL + pagePath,
    connections,
    duration: seconds,
    headers: { cookie, "accept-encoding": "gzip" },
    timeout: 10,
  });
  return {
    connections,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

export async function runHttpBench(): Promise<HttpRun[]> {
  const buildDir = process.env.KP_BUILD_DIR ?? "build";
  if (!fs.existsSync(path.join(here, buildDir, "server/index.js"))) throw new Error(`No production build in ${buildDir}/. Run "npm run build" first.`);
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
  const connectionCounts = (process.env.BENCH_HTTP_CONNECTIONS ?? "10,50").split(",").map(Number);
  const roots: Array<{ root: string; label: string }> = [{ root: here, label: "this checkout" }];
  if (process.env.BENCH_HTTP_BASELINE) roots.push({ root: path.resolve(process.env.BENCH_HTTP_BASELINE), label: "baseline" });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-http-bench-"));
  const { cookie, documentSlug } = await prepareHttpData(dataDir);
  const pages = ["/", `/documenten/${documentSlug}`, "/zoeken?q=warme+overdracht", "/signalen"];
  const runs: HttpRun[] = [];
  const idle: Array<{ target: string; startMb: number; endMb: number }> = [];
  console.log(`[bench] HTTP: ${pages.length} pages × ${connectionCounts.join("/")} connections × ${seconds} s, ${roots.map((r) => r.label).join(" vs ")} (load ${os.loadavg().map((l) => l.toFixed(1)).join("/")})`);
  // Each target gets its own copy of the data so writes (sessions, search outbox) do not collide.
  const portals: BenchPortal[] = [];
  try {
    for (const r of roots) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-http-bench-"));
      for (const f of fs.readdirSync(dataDir)) fs.cpSync(path.join(dataDir, f), path.join(dir, f), { recursive: true });
      portals.push(await startBenchPortal(r.root, r.label, dir));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const startRss = portals.map((p) => rssMb(p.child.pid!));
    for (const p of portals) {
      // Warm-up: the first requests compile and fill caches; not measured.
      for (const pg of pages) await loadRun(p.baseURL, pg, 2, 1, cookie);
    }
    for (const connections of connectionCounts) {
      for (const pg of pages) {
        // Alternate targets per page so background load hits both alike.
        for (const p of portals) {
          const res = await loadRun(p.baseURL, pg, connections, seconds, cookie);
          const run = { target: p.label, page: pg.startsWith("/documenten/") ? "/documenten/<slug>" : pg, ...res, rssAfterMb: rssMb(p.child.pid!) };
          runs.push(run);
          console.log(`[bench] ${run.target} ${run.page} c=${connections}: ${run.reqPerSec} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, RSS ${run.rssAfterMb} MB`);
        }
      }
    }
    await new Promise((r) => setTimeout(r, 10_000));
    portals.forEach((p, i) => idle.push({ target: p.label, startMb: startRss[i], endMb: rssMb(p.child.pid!) }));
  } finally {
    await Promise.all(portals.map((p) => p.stop()));
    if (process.env.BENCH_SERVER_LOG === "1") for (const p of portals) console.log(p.output());
  }
  console.log(formatHttpBench(runs, idle));
  return runs;
}

export function formatHttpBench(runs: HttpRun[], idle: Array<{ target: string; startMb: number; endMb: number }>): string {
  return [
    "",
    "| target | page | conn | req/s | p50 ms | p99 ms | non-2xx | errors | timeouts | RSS after MB |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...runs.map((r) => `| ${r.target} | ${r.page} | ${r.connections} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.timeouts} | ${r.rssAfterMb} |`),
    "",
    ...idle.map((i) => `- ${i.target}: RSS ${i.startMb} MB idle after start → ${i.endMb} MB 10 s after the last run`),
  ].join("\n");
}

const direct = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direct) {
  runHttpBench().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
